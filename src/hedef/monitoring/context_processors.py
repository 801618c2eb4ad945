from __future__ import annotations

import operator
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject, new_method_proxy

from hedef.accounts.models import Role
from hedef.monitoring.permissions import can_review, can_view_reporting


class LazyCount(SimpleLazyObject):
    """A count read only when shown; usable as the number of a plural message.

    Plural rules such as Russian's take the number modulo 10 and 100, which a plain
    ``SimpleLazyObject`` does not support.
    """

    __int__ = new_method_proxy(int)
    __mod__ = new_method_proxy(operator.mod)


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
            "overdue": LazyCount(late),
        }
    }
