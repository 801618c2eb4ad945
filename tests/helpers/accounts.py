"""Accounts for tests: every one has the same password."""

from __future__ import annotations

from typing import Any

PASSWORD = "correct horse battery"


def make_user(username: str, role: str, agency_code: str | None = None, **extra: Any) -> Any:
    """A user of ``role``, of the agency with ``agency_code`` (the registry must be loaded)."""
    from hedef.accounts.models import User
    from hedef.agencies.models import Agency

    agency = Agency.objects.get(code=agency_code) if agency_code else None
    return User.objects.create_user(
        username=username, password=PASSWORD, role=role, agency=agency, **extra
    )


def enrol(user: Any, *, confirmed: bool = True) -> Any:
    """An authenticator (a django-otp TOTP device) for ``user``, confirmed unless told."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=confirmed)


def code_for(device: Any, at: float | None = None) -> str:
    """The code an authenticator app shows for ``device`` at Unix time ``at`` (now)."""
    from django_otp.oath import TOTP

    otp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        otp.time = at
    return str(otp.token()).zfill(device.digits)


def second_factor_passed(client: Any, device: Any) -> None:
    """Mark the test client's session as having passed ``device`` (what a code does)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
