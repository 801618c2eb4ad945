"""Operators sign in with a password, then a TOTP code; focal persons with a password only."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from hedef.core.models import AuditEntry
from tests.helpers.accounts import PASSWORD, code_for, enrol, second_factor_passed


@pytest.fixture(autouse=True)
def _second_factor_on(settings):
    settings.HEDEF_OPERATOR_TOTP = True


def sign_in(client, username):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": PASSWORD, "next": "/reporting/"},
    )


def test_an_operator_enrols_then_reaches_the_page(client, users):
    sign_in(client, "analyst1")
    response = client.get("/reporting/")
    assert response.status_code == 302 and response.url.startswith("/accounts/two-factor/")
    page = client.get(response.url)
    assert page.context["enrolling"]
    assert page.context["uri"].startswith("otpauth://totp/")
    assert page.context["secret"] in page.context["uri"]
    assert client.get(response.url).context["secret"] == page.context["secret"]  # same key
    analyst = users["operator_analyst"]
    device = TOTPDevice.objects.get(user=analyst)
    assert not device.confirmed and not analyst.has_authenticator
    done = client.post(response.url, {"code": code_for(device), "next": "/reporting/"})
    assert done.status_code == 302 and done.url == "/reporting/"
    assert client.get("/reporting/").status_code == 200
    analyst.refresh_from_db()
    assert analyst.has_authenticator
    assert AuditEntry.objects.filter(action="user.totp_enrol", object_id=str(analyst.pk)).exists()


def test_an_administrator_resets_a_lost_authenticator(client, users):
    analyst = users["operator_analyst"]
    enrol(analyst)
    client.force_login(users["operator_admin"])
    second_factor_passed(client, enrol(users["operator_admin"]))
    response = client.post(
        "/admin/accounts/user/",
        {"action": "reset_authenticator", "_selected_action": [analyst.pk]},
    )
    assert response.status_code == 302
    assert not analyst.has_authenticator
    assert not TOTPDevice.objects.filter(user=analyst).exists()
    entry = AuditEntry.objects.get(action="user.totp_reset", object_id=str(analyst.pk))
    assert entry.actor_id == users["operator_admin"].pk


def test_a_reset_ends_the_verified_session_of_the_lost_phone(client, users):
    """Whoever holds the lost phone's session owes a code again at the next page."""
    analyst = users["operator_analyst"]
    device = enrol(analyst)
    sign_in(client, "analyst1")
    assert client.post("/accounts/two-factor/", {"code": code_for(device)}).status_code == 302
    assert client.get("/reporting/").status_code == 200
    from hedef.accounts.services import totp_reset
    from hedef.core.actors import Actor

    totp_reset(analyst, actor=Actor(users["operator_admin"]))
    response = client.get("/reporting/")
    assert response.status_code == 302 and response.url.startswith("/accounts/two-factor/")


def test_an_enrolled_operator_types_a_code_at_every_sign_in(client, users):
    analyst = users["operator_analyst"]
    device = enrol(analyst)
    sign_in(client, "analyst1")
    assert not client.get("/accounts/two-factor/").context["enrolling"]
    wrong = client.post("/accounts/two-factor/", {"code": "000000"})
    assert wrong.status_code == 400
    assert client.get("/reporting/").status_code == 302
    code = code_for(device)
    assert client.post("/accounts/two-factor/", {"code": code}).status_code == 302
    assert client.get("/reporting/").status_code == 200
    client.logout()
    sign_in(client, "analyst1")
    replay = client.post("/accounts/two-factor/", {"code": code})
    assert replay.status_code == 400  # a code works once


def test_too_many_wrong_codes_sign_the_operator_out(client, users):
    sign_in(client, "analyst1")
    for _ in range(5):
        response = client.post("/accounts/two-factor/", {"code": "000000"})
    assert response.status_code == 429  # the lockout page
    assert client.get("/reporting/").status_code == 302


def test_focal_persons_and_leadership_sign_in_with_a_password_only(client, users):
    sign_in(client, "focal2")
    assert client.get("/reporting/").status_code == 200


def test_the_demo_operators_are_exempt_only_by_the_demo_setting(client, users, settings):
    settings.HEDEF_DEMO_TOTP_EXEMPT_USERS = ("analyst1",)
    sign_in(client, "analyst1")
    assert client.get("/reporting/").status_code == 200
    client.logout()
    sign_in(client, "admin1")
    assert client.get("/reporting/").status_code == 302


def test_the_api_is_not_behind_the_second_factor(client, users, db):
    sign_in(client, "analyst1")
    assert client.get("/api/v1/openapi.json").status_code == 200
