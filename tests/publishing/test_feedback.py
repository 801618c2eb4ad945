"""Public feedback: spam held off without third-party services, moderation by operators."""

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from hedef.publishing.models import Feedback
from hedef.publishing.services import (
    FEEDBACK_PER_SENDER_PER_HOUR,
    FEEDBACK_SIGNING_SALT,
    feedback_form_token,
)
from tests.gold_plans import ECONOMY

URL = reverse("publishing:measure", kwargs={"code": ECONOMY, "number": "8.1.1.1"})


def aged_token(seconds=10):
    return signing.dumps(timezone.now().timestamp() - seconds, salt=FEEDBACK_SIGNING_SALT)


def post(client, address="203.0.113.7", **headers_and_fields):
    headers = {k: v for k, v in headers_and_fields.items() if k.startswith("HTTP_")}
    fields = {k: v for k, v in headers_and_fields.items() if k not in headers}
    data = {"text": "Platforma nə vaxt istifadəyə veriləcək?", "token": aged_token(), **fields}
    return client.post(URL, data, REMOTE_ADDR=address, **headers)


def test_a_comment_waits_for_moderation_and_shows_no_personal_data(client, published, users):
    response = post(client, name="Aysel Məmmədova", email="aysel@example.org")
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.status == Feedback.Status.PENDING
    assert "Platforma nə vaxt" not in client.get(URL).content.decode()

    client.force_login(users["operator_analyst"])
    client.post(
        reverse("publishing:moderation"),
        {"feedback": feedback.pk, "decision": "publish", "answer": "2027-ci ildə."},
    )
    client.logout()
    html = client.get(URL).content.decode()
    assert "Platforma nə vaxt" in html and "2027-ci ildə." in html
    assert "Aysel" not in html and "aysel@example.org" not in html


def test_the_honeypot_holds_off_robots(client, published):
    response = post(client, website="http://spam.example")
    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_a_form_sent_faster_than_a_person_can_type_is_refused(client, published):
    response = post(client, token=feedback_form_token())
    assert response.status_code == 200 and not Feedback.objects.exists()


def test_a_forged_token_is_refused(client, published):
    response = post(client, token="forged")
    assert response.status_code == 200 and not Feedback.objects.exists()


def test_a_flood_from_one_address_is_held_at_the_limit(client, published):
    statuses = [post(client).status_code for _ in range(FEEDBACK_PER_SENDER_PER_HOUR + 15)]
    assert statuses.count(302) == FEEDBACK_PER_SENDER_PER_HOUR
    assert statuses[FEEDBACK_PER_SENDER_PER_HOUR:] == [429] * 15
    assert Feedback.objects.count() == FEEDBACK_PER_SENDER_PER_HOUR
    # another visitor is not affected
    assert post(client, address="198.51.100.9").status_code == 302


def test_behind_the_proxy_the_limit_is_per_visitor_not_per_proxy(client, published, settings):
    """Every request comes from the proxy's address; the visitor's is in X-Forwarded-For."""
    settings.HEDEF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.HEDEF_TRUSTED_PROXIES = ["127.0.0.1"]

    def through_proxy(visitor, claimed=""):
        forwarded = f"{claimed}, {visitor}" if claimed else visitor
        return post(client, address="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).status_code

    limit = FEEDBACK_PER_SENDER_PER_HOUR
    assert [through_proxy("203.0.113.7") for _ in range(limit + 1)] == [302] * limit + [429]
    assert through_proxy("198.51.100.9") == 302  # another visitor, the same proxy
    # what the visitor writes into the header itself does not get it past the limit
    assert through_proxy("203.0.113.7", claimed="192.0.2.44") == 429


def test_without_a_trusted_proxy_the_header_is_ignored(client, published, settings):
    settings.HEDEF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.HEDEF_TRUSTED_PROXIES = ["127.0.0.1"]
    limit = FEEDBACK_PER_SENDER_PER_HOUR
    statuses = [
        post(client, address="203.0.113.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(limit + 1)
    ]
    assert statuses == [302] * limit + [429]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("operator_admin", True),
        ("operator_analyst", True),
        ("focal_rinn", False),
        ("leadership", False),
    ],
)
def test_only_operators_moderate(client, published, users, role, allowed):
    post(client)
    feedback = Feedback.objects.get()
    client.force_login(users[role])
    assert client.get(reverse("publishing:moderation")).status_code == (200 if allowed else 403)
    client.post(reverse("publishing:moderation"), {"feedback": feedback.pk, "decision": "publish"})
    feedback.refresh_from_db()
    assert (feedback.status == Feedback.Status.PUBLISHED) is allowed


def test_anonymous_moderation_is_refused(client, published):
    assert client.get(reverse("publishing:moderation")).status_code == 302
