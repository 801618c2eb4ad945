from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from hedef.accounts.models import Role
from hedef.accounts.permissions import can_review, can_view_reporting


def reporting_nav(request: HttpRequest) -> dict[str, Any]:
    """The Reporting links of the main navigation, with the user's overdue count."""
    user = getattr(request, "user", None)
    if user is None or not can_view_reporting(user):
        return {"reporting_nav": {"show": False}}

    def late() -> int:
        from hedef.monitoring.selectors import overdue_reports

        return overdue_reports(user).count()

    return {
        "reporting_nav": {
            "show": True,
            "my": user.role == Role.FOCAL_PERSON and user.agency_id is not None,
            "review": can_review(user),
            "overdue": SimpleLazyObject(late),
        }
    }
