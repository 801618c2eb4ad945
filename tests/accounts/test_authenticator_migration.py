"""Authenticators enrolled with the User's totp_* fields move to django-otp devices intact."""

import base64

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("accounts", "0002_second_factor")]
AFTER = [("accounts", "0004_remove_user_totp_fields")]
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()  # 32 characters, no padding


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def at_the_fields():
    apps = migrate(BEFORE)
    try:
        yield apps
    finally:
        migrate(AFTER)


@pytest.mark.django_db(transaction=True)
def test_confirmed_and_pending_secrets_become_devices_and_come_back(at_the_fields):
    User = at_the_fields.get_model("accounts", "User")
    confirmed_at = timezone.now().replace(microsecond=0)
    User.objects.create(
        username="enrolled",
        totp_secret=RFC_SECRET,
        totp_confirmed_at=confirmed_at,
        totp_last_step=37037036,  # the step of RFC 6238's code at 1111111109
    )
    User.objects.create(username="pending", totp_secret="JBSWY3DPEHPK3PXP")
    User.objects.create(username="none")

    migrate(AFTER)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hedef.accounts.models import User as Current
    from hedef.accounts.services import totp_device_accept

    devices = {d.user.username: d for d in TOTPDevice.objects.select_related("user")}
    assert set(devices) == {"enrolled", "pending"}
    enrolled, pending = devices["enrolled"], devices["pending"]
    assert enrolled.confirmed and enrolled.key == b"12345678901234567890".hex()
    assert (enrolled.step, enrolled.digits, enrolled.t0, enrolled.drift) == (30, 6, 0, 0)
    assert enrolled.last_t == 37037036 and enrolled.created_at == confirmed_at
    assert not totp_device_accept(enrolled, "081804", at=1111111109)  # used before the move
    assert totp_device_accept(enrolled, "050471", at=1111111111)  # RFC 6238, the next step
    assert not pending.confirmed and pending.last_t == -1
    assert base64.b32encode(bytes.fromhex(pending.key)).decode() == "JBSWY3DPEHPK3PXP"
    assert Current.objects.get(username="enrolled").has_authenticator
    assert not Current.objects.get(username="pending").has_authenticator

    back = migrate(BEFORE)
    rows = {
        u.username: (u.totp_secret, u.totp_confirmed_at is not None, u.totp_last_step)
        for u in back.get_model("accounts", "User").objects.all()
    }
    assert rows == {
        "enrolled": (RFC_SECRET, True, 37037037),
        "pending": ("JBSWY3DPEHPK3PXP", False, None),
        "none": ("", False, None),
    }


@pytest.mark.django_db(transaction=True)
def test_an_unreadable_secret_stops_the_migration_naming_the_account(at_the_fields):
    """Better no migration than an operator who silently loses the second factor."""
    User = at_the_fields.get_model("accounts", "User")
    User.objects.create(
        username="broken", totp_secret="not base32!", totp_confirmed_at=timezone.now()
    )
    with pytest.raises(RuntimeError, match=r"user broken \(id \d+\): unreadable authenticator"):
        migrate(AFTER)
    User.objects.filter(username="broken").update(totp_secret="")
