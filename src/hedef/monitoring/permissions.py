"""Who may do what in monitoring: cycles, submissions and their review, workbooks, tokens, audit.

What is *possible* (a submitted report cannot be saved, only a submitted one can be
returned, nothing changes in a published cycle) is the workflow's table in
:mod:`hedef.domain.monitoring.submissions`; this module says who may try.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from hedef.accounts.models import Role
from hedef.accounts.permissions import is_active_user, is_focal_person_of, is_operator
from hedef.domain.monitoring.submissions import COUNTED_STATES


def can_view_reporting(user: Any) -> bool:
    """See the reporting cycles at all: every signed-in role."""
    return is_active_user(user) and (user.is_superuser or user.role in Role.values)


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
    if not is_active_user(user):
        return False
    if user.role == Role.LEADERSHIP:
        return submission.state in COUNTED_STATES
    return user.role == Role.FOCAL_PERSON and user.agency_id in set(involved)


def can_edit_submission(user: Any, submission: Any) -> bool:
    """Write and submit a report: the focal person of the agency that reports on it."""
    return is_focal_person_of(user, submission.agency_id)


def can_view_history(user: Any, submission: Any) -> bool:
    """Read a report's change history (drafts included): reviewers and the reporting agency."""
    return can_review(user) or is_focal_person_of(user, submission.agency_id)


def can_contribute(user: Any, contributors: Collection[int]) -> bool:
    """Write a co-executor's contribution: a focal person of one of ``contributors``."""
    return is_active_user(user) and any(is_focal_person_of(user, agency) for agency in contributors)


def can_comment(user: Any, submission: Any) -> bool:
    """Take part in a report's review threads: reviewers and the reporting agency."""
    return can_review(user) or is_focal_person_of(user, submission.agency_id)


def can_download_workbook(user: Any, agency_id: int) -> bool:
    """Download an agency's reporting workbook: operators (to send it) or that agency."""
    return is_operator(user) or is_focal_person_of(user, agency_id)


def can_upload_workbook(user: Any, agency_id: int) -> bool:
    """Upload a filled workbook: its rows become the agency's drafts, so that agency only."""
    return is_focal_person_of(user, agency_id)


def can_manage_tokens(user: Any) -> bool:
    """Issue and revoke agency API tokens: credentials, so operator administrators only."""
    return is_active_user(user) and (user.is_superuser or user.role == Role.OPERATOR_ADMIN)


def can_view_audit(user: Any) -> bool:
    """Read the audit log and its verification."""
    return is_operator(user)
