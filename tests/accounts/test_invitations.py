"""Operators invite people by e-mail; the link sets a password once."""

import re

import pytest
from django.core import mail

from hedef.accounts.models import User
from hedef.accounts.services import user_invite
from hedef.core.errors import ActionNotAllowed
from tests.helpers.monitoring import actor


@pytest.fixture
def invite(client, users, django_capture_on_commit_callbacks):
    client.force_login(users["operator_admin"])

    def send(**data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/accounts/invite/", data)

    return send


def test_an_invited_focal_person_sets_a_password_and_signs_in(client, invite, users):
    response = invite(
        email="Nigar@rinn.gov.az", role="focal_person", agency=users["focal_rinn"].agency_id
    )
    assert response.status_code == 302
    user = User.objects.get(email="nigar@rinn.gov.az")
    assert (user.is_active, user.has_usable_password(), user.agency.code) == (False, False, "rinn")
    [message] = mail.outbox
    assert message.to == ["nigar@rinn.gov.az"]
    link = re.search(r"http://testserver(/accounts/invitation/\S+/)", message.body).group(1)
    client.logout()
    form = client.get(link)
    assert form.status_code == 200
    done = client.post(
        link, {"new_password1": "Qırmızı-alma-2026", "new_password2": "Qırmızı-alma-2026"}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.check_password("Qırmızı-alma-2026")
    assert client.get(link).status_code == 400  # the link worked once


def test_a_focal_person_needs_an_agency(invite):
    response = invite(email="x@gov.az", role="focal_person")
    assert response.context["form"].errors["agency"] == ["A focal person must belong to an agency."]
    assert not mail.outbox


def test_an_address_cannot_be_invited_twice(invite):
    invite(email="a@gov.az", role="leadership")
    response = invite(email="A@gov.az", role="leadership")
    assert "a@gov.az" in response.context["form"].errors["email"][0]


def test_analysts_cannot_invite_operators(users, registry):
    with pytest.raises(ActionNotAllowed):
        user_invite(
            actor=actor(users["operator_analyst"]),
            email="boss@gov.az",
            role="operator_admin",
            agency=None,
        )
    assert not User.objects.filter(email="boss@gov.az").exists()
