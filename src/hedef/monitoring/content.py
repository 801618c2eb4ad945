"""A report's content between the database row and the pure :class:`SubmissionContent`."""

from __future__ import annotations

from typing import Any

from hedef.domain.monitoring.submissions import (
    DEVIATION_FIELDS,
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    SubmissionContent,
    SubmissionField,
    target_field,
)
from hedef.domain.plans.model import Stage
from hedef.monitoring.models import Submission

# Report fields stored as columns of the same name.
TEXT_FIELDS = ("narrative", "obstacles", "remedy", "corrective_action")
COLUMNS = (
    "progress_status",
    "stage",
    "percent_complete",
    *TEXT_FIELDS,
    "deviation_reason",
    "deviation_risk",
    "expected_date",
    "indicator_value",
)


def _enum(kind: Any, value: str) -> Any:
    return kind(value) if value else None


def submission_content(submission: Submission) -> SubmissionContent:
    """The stored report as plain content (target values included)."""
    return SubmissionContent(
        progress_status=_enum(ProgressStatus, submission.progress_status),
        stage=_enum(Stage, submission.stage),
        percent_complete=submission.percent_complete,
        narrative=submission.narrative,
        obstacles=submission.obstacles,
        remedy=submission.remedy,
        deviation_reason=_enum(DeviationReason, submission.deviation_reason),
        deviation_risk=_enum(RiskLevel, submission.deviation_risk),
        corrective_action=submission.corrective_action,
        expected_date=submission.expected_date,
        target_values={v.target_id: v.value for v in submission.values.all()},
        indicator_value=submission.indicator_value,
    )


def content_columns(content: SubmissionContent) -> dict[str, Any]:
    """Column name -> value to store for ``content`` (enums as codes, blanks as "")."""
    columns: dict[str, Any] = {}
    for name in COLUMNS:
        value = getattr(content, name)
        if name in {"progress_status", "stage", "deviation_reason", "deviation_risk"}:
            value = value.value if value is not None else ""
        elif name in TEXT_FIELDS:
            value = value.strip()
        columns[name] = value
    return columns


def content_snapshot(content: SubmissionContent) -> dict[str, Any]:
    """Everything of ``content`` as field key -> value, target values included."""
    snapshot = content_columns(content)
    snapshot.update({target_field(t): v for t, v in content.target_values.items() if v is not None})
    return snapshot


def changed_keys(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The snapshot keys whose value differs between ``before`` and ``after``."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def review_field(key: str) -> str:
    """The reviewer's field key a snapshot key belongs to (deviation parts are one field)."""
    return SubmissionField.DEVIATION.value if key in DEVIATION_FIELDS else key
