"""Who may read the evaluation and produce monitoring reports."""

from __future__ import annotations

from typing import Any

from hedef.accounts.models import Role
from hedef.accounts.permissions import is_active_user, is_operator


def can_view_dashboards(user: Any) -> bool:
    """Read the evaluation dashboards and the readiness rating: every signed-in role.

    They show figures computed from accepted reports; each report behind a figure
    stays readable only by those :func:`can_view_submission` allows. Leadership
    reads them every day.
    """
    return is_active_user(user) and (user.is_superuser or user.role in Role.values)


def can_download_reports(user: Any) -> bool:
    """Produce monitoring reports (DOCX, PDF, HTML): operators, and leadership who read them.

    A report lists the reviewers' reasons for returning reports and every agency's
    late reports, which a focal person does not see of other agencies; focal
    persons read the dashboards instead.
    """
    return is_operator(user) or (is_active_user(user) and user.role == Role.LEADERSHIP)
