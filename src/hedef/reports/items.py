"""A report's overdue and returned items: the reporting cycle's reports that need attention.

- overdue: measures whose period has ended without final results (their
  evaluated status is ``overdue``), then reports of the cycle still with their
  agency after its due date (:func:`hedef.domain.monitoring.submissions.is_overdue`);
- returned: every report of the cycle a reviewer returned, read from the audit
  log's ``submission.return`` entries, so that one since corrected and accepted
  is still listed, with the fields reopened and the reviewer's comments.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db.models import Q
from django.utils import timezone

from hedef.agencies.models import Agency
from hedef.core.models import AuditEntry
from hedef.domain.monitoring.submissions import (
    TARGET_PREFIX,
    SubmissionState,
    Verb,
    audit_action,
    is_overdue,
)
from hedef.domain.reports import OverdueItem, ReturnedItem
from hedef.evaluation.selectors import MeasureEvaluation
from hedef.monitoring.models import ReportingCycle, Submission
from hedef.plans.models import Indicator, Measure, MeasureTarget, Strategy

__all__ = ["agency_names", "cycle_reports", "overdue_items", "returned_items"]

RETURN_ACTION = audit_action(Verb.RETURN)


def agency_names(agencies: Iterable[Agency]) -> tuple[str, ...]:
    """Agencies as the dashboard's tables name them: acronym, else the name."""
    return tuple(agency.acronym or agency.name for agency in agencies)


def cycle_reports(*, strategy: Strategy, cycle: ReportingCycle) -> list[Submission]:
    """The cycle's reports on the strategy's measures and indicators, in plan order."""
    reports = (
        Submission.objects.filter(cycle=cycle)
        .filter(Q(measure__version__strategy=strategy) | Q(indicator__version__strategy=strategy))
        .select_related("agency", "measure", "indicator")
    )
    return sorted(reports, key=lambda report: (report.is_indicator, _subject(report).position))


def _subject(report: Submission) -> Measure | Indicator:
    subject = report.measure or report.indicator
    assert subject is not None  # a report is on a measure or on an indicator
    return subject


def _subject_title(report: Submission) -> str:
    return report.indicator.name if report.indicator else _subject(report).title


def overdue_items(
    *,
    measures: Sequence[MeasureEvaluation],
    reports: Sequence[Submission],
    cycle: ReportingCycle,
    today: datetime.date,
) -> tuple[OverdueItem, ...]:
    """Measures past their period without final results, then reports past the due date.

    A measure is listed once: its ended period says more than its late report.
    """
    items: list[OverdueItem] = []
    stages: dict[str, str | None] = {}
    for item in measures:
        stage = item.assessment.stage_reached
        stages[item.measure.number] = stage.value if stage else None
        if item.status != "overdue":
            continue
        end = item.measure.period_end
        due = datetime.date(end, 12, 31) if end is not None else None
        items.append(
            OverdueItem(
                number=item.measure.number,
                title=item.measure.title,
                agencies=agency_names(item.lead),
                reason="period_ended",
                due=due,
                days_overdue=(today - due).days if due else None,
                stage_reached=stages[item.measure.number],
            )
        )
    listed = {item.number for item in items}
    for report in reports:
        number = _subject(report).number
        if number in listed or not is_overdue(SubmissionState(report.state), cycle.due_date, today):
            continue
        items.append(
            OverdueItem(
                number=number,
                title=_subject_title(report),
                agencies=agency_names([report.agency]),
                reason="report_late",
                due=cycle.due_date,
                days_overdue=(today - cycle.due_date).days,
                stage_reached=None if report.is_indicator else stages.get(number),
            )
        )
    return tuple(items)


def returned_items(*, reports: Sequence[Submission]) -> tuple[ReturnedItem, ...]:
    """Every report of the cycle a reviewer returned, with its latest return.

    The audit log keeps each return with the fields reopened and the comments, so
    a report returned and since corrected and accepted is still listed.
    """
    by_id = {str(report.pk): report for report in reports}
    latest: dict[str, AuditEntry] = {}
    for entry in AuditEntry.objects.filter(
        action=RETURN_ACTION, object_type="submission", object_id__in=list(by_id)
    ).order_by("pk"):
        latest[entry.object_id] = entry
    details = {key: entry.details.get("after", {}) for key, entry in latest.items()}
    targets = _target_labels(
        key for after in details.values() for key in after.get("returned_fields", [])
    )
    items = []
    for key, report in by_id.items():
        if key not in latest:
            continue
        after = details[key]
        comments: dict[str, str] = after.get("comments", {})
        fields = [str(field) for field in after.get("returned_fields", [])]
        reason = [comments[""]] if comments.get("") else []
        reason += [comments[field] for field in fields if comments.get(field)]
        items.append(
            ReturnedItem(
                number=_subject(report).number,
                title=_subject_title(report),
                agency=agency_names([report.agency])[0],
                returned_on=timezone.localdate(latest[key].at),
                reason=" ".join(text.strip() for text in reason),
                fields=tuple(targets.get(field, field) for field in fields),
            )
        )
    return tuple(items)


def _target_labels(keys: Iterable[str]) -> dict[str, str]:
    """``target:<id>`` field keys → the target's phrase as the plan writes it."""
    ids = {int(key[len(TARGET_PREFIX) :]) for key in keys if key.startswith(TARGET_PREFIX)}
    if not ids:
        return {}
    rows = MeasureTarget.objects.filter(pk__in=ids).values_list("pk", "phrase", "value", "unit")
    return {
        f"{TARGET_PREFIX}{pk}": phrase or f"{value:g} {unit}".strip()
        for pk, phrase, value, unit in rows
    }
