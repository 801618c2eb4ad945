"""Who may do what: one place for every server-side permission rule.

Rules take the signed-in user (or, for the agency API, a token principal that acts
as a focal person of the token's agency) and the object concerned. They answer
"is this person allowed", never "is this possible now": a report locked by its
state is refused elsewhere, with its own message.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from hedef.accounts.models import OPERATOR_ROLES, Role


class ActionNotAllowed(PermissionDenied):
    """The signed-in user's role does not allow this action."""


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_operator(user: Any) -> bool:
    """The coordinating body's monitoring unit: operator administrators and analysts."""
    return _active(user) and (user.is_superuser or user.role in OPERATOR_ROLES)


def _focal_of(user: Any, agency_id: int | None) -> bool:
    return (
        _active(user)
        and user.role == Role.FOCAL_PERSON
        and agency_id is not None
        and user.agency_id == agency_id
    )


def can_manage_plans(user: Any) -> bool:
    """Load, import and export strategies: the operator's monitoring unit only."""
    return is_operator(user)


def require_manage_plans(user: Any) -> None:
    if not can_manage_plans(user):
        raise ActionNotAllowed(_("Only the operator's monitoring unit may load or change plans."))


# ---- monitoring -------------------------------------------------------------------------


def can_view_reporting(user: Any) -> bool:
    """See the reporting cycles at all: every signed-in role."""
    return _active(user) and (user.is_superuser or user.role in Role.values)


def can_view_dashboards(user: Any) -> bool:
    """Read the evaluation dashboards and the readiness rating: every signed-in role.

    They show figures computed from accepted reports; each report behind a figure
    stays readable only by those :func:`can_view_submission` allows. Leadership
    reads them every day.
    """
    return _active(user) and (user.is_superuser or user.role in Role.values)


def can_download_reports(user: Any) -> bool:
    """Produce monitoring reports (DOCX, PDF, HTML): operators, and leadership who read them.

    A report lists the reviewers' reasons for returning reports and every agency's
    late reports, which a focal person does not see of other agencies; focal
    persons read the dashboards instead.
    """
    return is_operator(user) or (_active(user) and user.role == Role.LEADERSHIP)


def can_manage_cycles(user: Any) -> bool:
    """Open and publish reporting cycles."""
    return is_operator(user)


def can_review(user: Any) -> bool:
    """Accept reports, return them (whole or field by field), see the review queue."""
    return is_operator(user)


def can_view_submission(user: Any, submission: Any, involved: Collection[int]) -> bool:
    """Read one report.

    Args:
        submission: the report (``agency_id`` and ``state`` are read).
        involved: ids of every agency executing the measure (lead or co-executor).

    Operators read every report; a focal person reads the reports of measures their
    agency executes; leadership reads reports once the operator has accepted them.
    """
    if is_operator(user):
        return True
    if not _active(user):
        return False
    if user.role == Role.LEADERSHIP:
        return submission.state in {"accepted", "published"}
    return user.role == Role.FOCAL_PERSON and user.agency_id in set(involved)


def can_edit_submission(user: Any, submission: Any) -> bool:
    """Write and submit a report: the focal person of the agency that reports on it."""
    return _focal_of(user, submission.agency_id)


def can_view_history(user: Any, submission: Any) -> bool:
    """Read a report's change history (drafts included): reviewers and the reporting agency."""
    return can_review(user) or _focal_of(user, submission.agency_id)


def can_contribute(user: Any, contributors: Collection[int]) -> bool:
    """Write a co-executor's contribution: a focal person of one of ``contributors``."""
    return _active(user) and any(_focal_of(user, agency) for agency in contributors)


def can_comment(user: Any, submission: Any) -> bool:
    """Take part in a report's review threads: reviewers and the reporting agency."""
    return can_review(user) or _focal_of(user, submission.agency_id)


def can_download_workbook(user: Any, agency_id: int) -> bool:
    """Download an agency's reporting workbook: operators (to send it) or that agency."""
    return is_operator(user) or _focal_of(user, agency_id)


def can_upload_workbook(user: Any, agency_id: int) -> bool:
    """Upload a filled workbook: its rows become the agency's drafts, so that agency only."""
    return _focal_of(user, agency_id)


def can_manage_tokens(user: Any) -> bool:
    """Issue and revoke agency API tokens: credentials, so operator administrators only."""
    return _active(user) and (user.is_superuser or user.role == Role.OPERATOR_ADMIN)


def can_view_audit(user: Any) -> bool:
    """Read the audit log and its verification."""
    return is_operator(user)


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
    """Operators (and superusers) sign in with a TOTP code after their password."""
    return _active(user) and (user.is_superuser or user.role in OPERATOR_ROLES)


def require(allowed: bool, message: Any) -> None:
    """Raise :class:`ActionNotAllowed` with ``message`` unless ``allowed``."""
    if not allowed:
        raise ActionNotAllowed(message)
