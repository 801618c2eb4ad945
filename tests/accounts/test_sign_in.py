"""Signing in: wrong passwords and codes are throttled per account and per address, a
code works once even under concurrent requests, and every step is in the audit log."""

from __future__ import annotations

import time

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from hedef.accounts.models import Role, User
from hedef.accounts.services import totp_accept, totp_device_accept
from hedef.core.actors import Actor
from hedef.core.audit import audit_history
from tests.helpers.accounts import PASSWORD, code_for, enrol


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
    enrol(analyst)
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
    code = code_for(TOTPDevice.objects.get(user=enrolled))
    assert client.post("/accounts/two-factor/", {"code": code}).status_code == 302
    assert client.get("/reporting/").status_code == 302  # not signed in
    failures = [e for e in audit_history(enrolled) if e.action == "user.sign_in_failed"]
    assert [e.details["after"]["step"] for e in failures] == ["second_factor"] * 5


def test_a_code_is_accepted_once_even_by_requests_that_read_the_device_together(enrolled):
    """Both requests read the authenticator before either stored the step: only one may win.

    django-otp's own TOTPDevice.verify_token accepts both (it stores the step with a
    plain save of what it read).
    """
    first = TOTPDevice.objects.get(user=enrolled)
    second = TOTPDevice.objects.get(user=enrolled)
    now = time.time()
    code = code_for(first, now)
    assert [totp_device_accept(d, code, at=now) for d in (first, second)] == [True, False]
    assert TOTPDevice.objects.get(user=enrolled).last_t == int(now // 30)


def test_a_code_is_accepted_once_through_the_sign_in_service(enrolled):
    now = time.time()
    code = code_for(TOTPDevice.objects.get(user=enrolled), now)
    actor = Actor(enrolled)
    accepted = [totp_accept(enrolled, code, actor=actor, at=now) for _ in range(2)]
    assert accepted[0] is not None and accepted[1] is None


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
    device = TOTPDevice.objects.get(user=user)
    done = client.post("/accounts/two-factor/", {"code": code_for(device)})
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
