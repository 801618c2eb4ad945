"""Who may produce monitoring reports."""

from __future__ import annotations

from typing import Any

from hedef.accounts.models import Role
from hedef.accounts.permissions import is_active_user, is_operator


def can_download_reports(user: Any) -> bool:
    """Produce monitoring reports (DOCX, PDF, HTML): operators, and leadership who read them.

    A report lists the reviewers' reasons for returning reports and every agency's
    late reports, which a focal person does not see of other agencies; focal
    persons read the dashboards instead.
    """
    return is_operator(user) or (is_active_user(user) and user.role == Role.LEADERSHIP)
