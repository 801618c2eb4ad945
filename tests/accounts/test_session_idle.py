"""A signed-in session ends after ``HEDEF_SESSION_IDLE_MINUTES`` without a request."""

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from hedef.accounts.idle import SEEN_KEY

WORKSPACE = "/workspace/"


def session_of(client):
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def last_used(client, minutes_ago):
    """Make the client's session look as if its last request was that long ago."""
    store = SessionStore(session_key=client.cookies["sessionid"].value)
    store[SEEN_KEY] -= minutes_ago * 60
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + timedelta(minutes=30 - minutes_ago)
    )


def test_a_request_moves_the_end_of_the_session_ahead(client, users, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60  # the default of HEDEF_SESSION_IDLE_MINUTES
    client.force_login(users["leadership"])
    last_used(client, minutes_ago=29)

    before = timezone.now()
    response = client.get(WORKSPACE)
    assert response.status_code == 200
    renewed = session_of(client).expire_date
    assert before + timedelta(minutes=30) <= renewed <= timezone.now() + timedelta(minutes=30)
    assert response.cookies["sessionid"]["max-age"] == 30 * 60


def test_requests_within_a_minute_write_nothing(client, users):
    client.force_login(users["leadership"])  # signing in counts as being seen
    end = session_of(client).expire_date
    response = client.get(WORKSPACE)
    assert "sessionid" not in response.cookies
    assert session_of(client).expire_date == end


def test_a_session_idle_for_longer_is_signed_out(client, users):
    client.force_login(users["leadership"])
    idle = session_of(client)
    idle.expire_date = timezone.now() - timedelta(seconds=1)  # 30 minutes and a second
    idle.save()

    response = client.get(WORKSPACE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_idle_time_is_configurable(tmp_path):
    from tests.contracts.test_settings import refusal, run

    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.SESSION_COOKIE_AGE)"
    dev = {"DJANGO_SETTINGS_MODULE": "hedef.settings.development"}
    read = run(tmp_path, code, **dev, HEDEF_SESSION_IDLE_MINUTES="15")
    assert read.stdout.split() == ["900"], read.stderr
    zero = run(tmp_path, code, **dev, HEDEF_SESSION_IDLE_MINUTES="0")
    assert refusal(zero) == "HEDEF_SESSION_IDLE_MINUTES must be at least 1"
