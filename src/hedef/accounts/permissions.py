"""Who may do what: one place for every server-side permission rule."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from hedef.accounts.models import Role


class ActionNotAllowed(PermissionDenied):
    """The signed-in user's role does not allow this action."""


def can_manage_plans(user: Any) -> bool:
    """Load, import and export strategies: the operator's monitoring unit only."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role in {Role.OPERATOR_ADMIN, Role.OPERATOR_ANALYST})
    )


def require_manage_plans(user: Any) -> None:
    if not can_manage_plans(user):
        raise ActionNotAllowed(_("Only the operator's monitoring unit may load or change plans."))
