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
