"""Who is who: the role rules every capability's permissions are built from.

Rules take the signed-in user (or, for the agency API, a token principal that acts
as a focal person of the token's agency). They answer "is this person allowed",
never "is this possible now": a report locked by its state is refused elsewhere,
with its own message. Each capability keeps its own rules beside its code
(``hedef.monitoring.permissions``, ``hedef.plans.permissions``,
``hedef.evaluation.permissions``), written with the predicates here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from hedef.accounts.models import OPERATOR_ROLES, Role
from hedef.core.errors import ActionNotAllowed


def is_active_user(user: Any) -> bool:
    """Signed in with an account that is not switched off."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_operator(user: Any) -> bool:
    """The coordinating body's monitoring unit: operator administrators and analysts."""
    return is_active_user(user) and (user.is_superuser or user.role in OPERATOR_ROLES)


def is_focal_person_of(user: Any, agency_id: int | None) -> bool:
    """A focal person of the agency ``agency_id``."""
    return (
        is_active_user(user)
        and user.role == Role.FOCAL_PERSON
        and agency_id is not None
        and user.agency_id == agency_id
    )


def can_invite(user: Any, role: str | None = None) -> bool:
    """Invite people by e-mail.

    Operator administrators invite any role; analysts invite focal persons and
    leadership readers but not other operators.
    """
    if not is_operator(user):
        return False
    if user.is_superuser or user.role == Role.OPERATOR_ADMIN:
        return True
    return role is None or role in {Role.FOCAL_PERSON, Role.LEADERSHIP}


def needs_second_factor(user: Any) -> bool:
    """Who types a TOTP code after the password.

    Operators (and superusers) unless ``HEDEF_OPERATOR_TOTP`` is off; the roles listed
    in ``HEDEF_TOTP_REQUIRED_ROLES``; and anyone who has enrolled an authenticator of
    their own accord. The demo's exempt accounts never.
    """
    if not is_active_user(user) or user.get_username() in settings.HEDEF_DEMO_TOTP_EXEMPT_USERS:
        return False
    return bool(
        (settings.HEDEF_OPERATOR_TOTP and is_operator(user))
        or user.role in settings.HEDEF_TOTP_REQUIRED_ROLES
        or user.has_authenticator
    )


def may_enrol_second_factor(user: Any) -> bool:
    """Every signed-in person may set up an authenticator, whatever the role."""
    return is_active_user(user)


def require(allowed: bool, message: Any) -> None:
    """Raise :class:`ActionNotAllowed` with ``message`` unless ``allowed``."""
    if not allowed:
        raise ActionNotAllowed(message)
