"""Who may read the evaluation: dashboards and the readiness rating."""

from __future__ import annotations

from typing import Any

from hedef.accounts.models import Role
from hedef.accounts.permissions import is_active_user


def can_view_dashboards(user: Any) -> bool:
    """Read the evaluation dashboards and the readiness rating: every signed-in role.

    They show figures computed from accepted reports; each report behind a figure
    stays readable only by those :func:`can_view_submission` allows. Leadership
    reads them every day.
    """
    return is_active_user(user) and (user.is_superuser or user.role in Role.values)
