"""Signing in: wrong passwords and codes are throttled per account and per address, a
code works once even under concurrent requests, and every step is in the audit log."""

from __future__ import annotations

import time

import pytest

from hedef.accounts.models import Role, User
from hedef.accounts.services import totp_accept
from hedef.core.actors import Actor
from hedef.core.audit import audit_history
from hedef.domain.accounts import totp

PASSWORD = "correct horse battery"


def sign_in(client, username, password=PASSWORD, address="192.0.2.1", url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def actions(user):
    return [entry.action for entry in audit_history(user)]


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, users, url):
    for _ in range(5):
        assert sign_in(client, "focal1", "wrong", url=url).status_code in {200, 429}
    refused = sign_in(client, "focal1", url=url)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    focal = users["focal_rinn"]
    assert actions(focal) == ["user.sign_in_failed"] * 5 + ["user.locked_out"]
    failure = audit_history(focal)[0]
    assert failure.details["after"]["step"] == "password"
    assert failure.details["after"]["address"] == "192.0.2.1"
    assert "wrong" not in failure.data and PASSWORD not in failure.data


def test_the_limit_is_per_account_whatever_the_address(client, users):
    for number in range(5):
        sign_in(client, "focal1", "wrong", address=f"198.51.100.{number}")
    assert sign_in(client, "focal1", address="203.0.113.9").status_code == 429
    assert sign_in(client, "focal2", address="203.0.113.9").status_code == 302  # others sign in


def test_the_limit_is_per_address_whatever_the_account(client, users):
    for name in ["focal2", "leader1", "analyst1", "nobody", "admin1"]:
        sign_in(client, name, "wrong", address="198.51.100.77")
    assert sign_in(client, "focal1", address="198.51.100.77").status_code == 429
    assert sign_in(client, "focal1", address="198.51.100.78").status_code == 302


def test_fewer_failures_than_the_limit_then_the_right_password_signs_in_and_resets(client, users):
    for _ in range(4):
        sign_in(client, "focal1", "wrong")
    assert sign_in(client, "focal1").status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "focal1", "wrong")
    assert sign_in(client, "focal1").status_code == 302  # the count started again


def test_signing_in_and_out_is_recorded(client, users):
    sign_in(client, "focal1")
    client.post("/accounts/logout/")
    assert actions(users["focal_rinn"]) == ["user.sign_in", "user.sign_out"]


@pytest.fixture
def enrolled(users, settings):
    settings.HEDEF_OPERATOR_TOTP = True
    analyst = users["operator_analyst"]
    analyst.totp_secret = totp.generate_secret()
    analyst.totp_confirmed_at = analyst.date_joined
    analyst.save()
    return analyst


def test_wrong_codes_count_on_the_account_not_the_session(client, enrolled):
    """Signing in again used to start a fresh count of wrong codes."""
    sign_in(client, "analyst1")
    for _ in range(3):
        assert client.post("/accounts/two-factor/", {"code": "000000"}).status_code == 400
    client.logout()
    client.cookies.clear()
    sign_in(client, "analyst1")
    assert client.post("/accounts/two-factor/", {"code": "000000"}).status_code == 400
    locked = client.post("/accounts/two-factor/", {"code": "000000"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "analyst1").status_code == 429  # the password is locked out too
    code = totp.totp(enrolled.totp_secret, time.time())
    assert client.post("/accounts/two-factor/", {"code": code}).status_code == 302
    assert client.get("/reporting/").status_code == 302  # not signed in
    failures = [e for e in audit_history(enrolled) if e.action == "user.sign_in_failed"]
    assert [e.details["after"]["step"] for e in failures] == ["second_factor"] * 5


def test_a_code_is_accepted_once_even_by_requests_that_read_the_account_together(enrolled):
    """Both requests read the account before either stored the step: only one may win."""
    first = User.objects.get(pk=enrolled.pk)
    second = User.objects.get(pk=enrolled.pk)
    now = time.time()
    code = totp.totp(enrolled.totp_secret, now)
    actor = Actor(enrolled)
    assert [totp_accept(u, code, actor=actor, at=now) for u in (first, second)] == [True, False]


@pytest.mark.parametrize("username", ["focal1", "leader1"])
def test_focal_persons_and_leadership_may_enrol_and_then_always_type_a_code(
    client, users, username
):
    sign_in(client, username)
    assert client.get("/reporting/").status_code in {200, 302, 403}
    page = client.get("/workspace/")
    assert "/accounts/two-factor/" in page.content.decode()  # offered in the header
    enrolment = client.get("/accounts/two-factor/")
    assert enrolment.status_code == 200 and enrolment.context["enrolling"]
    user = User.objects.get(username=username)
    done = client.post("/accounts/two-factor/", {"code": totp.totp(user.totp_secret, time.time())})
    assert done.status_code == 302
    assert "user.totp_enrol" in actions(user)
    client.logout()
    sign_in(client, username)
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/accounts/two-factor/")


def test_a_setting_requires_the_second_factor_of_other_roles(client, users, settings):
    settings.HEDEF_TOTP_REQUIRED_ROLES = (Role.FOCAL_PERSON,)
    sign_in(client, "focal1")
    response = client.get("/reporting/")
    assert response.status_code == 302 and response.url.startswith("/accounts/two-factor/")
    client.logout()
    sign_in(client, "leader1")
    assert client.get("/").status_code == 200
