"""Who may load, import, export and correct strategies."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from hedef.accounts.permissions import is_operator
from hedef.core.errors import ActionNotAllowed


def can_manage_plans(user: Any) -> bool:
    """Load, import and export strategies: the operator's monitoring unit only."""
    return is_operator(user)


def require_manage_plans(user: Any) -> None:
    if not can_manage_plans(user):
        raise ActionNotAllowed(_("Only the operator's monitoring unit may load or change plans."))
