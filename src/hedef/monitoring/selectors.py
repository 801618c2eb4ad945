"""Reads for monitoring: due reports, queues, cycle overviews, who is involved in a report."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from hedef.accounts.models import Role
from hedef.accounts.permissions import is_focal_person_of
from hedef.agencies.models import Agency
from hedef.core.audit import audit_history
from hedef.core.models import AuditEntry
from hedef.domain.core.text import az_sort_key
from hedef.domain.monitoring.submissions import (
    COUNTED_STATES,
    EDITABLE_STATES,
    PENDING_STATES,
    SubmissionState,
    is_overdue,
    measure_due,
)
from hedef.domain.plans.model import Period
from hedef.monitoring.models import ReportingCycle, Submission
from hedef.monitoring.permissions import can_review
from hedef.plans.models import Measure, MeasureExecutor


def today() -> datetime.date:
    """The date in Baku: deadlines are Azerbaijani calendar days."""
    return timezone.localdate()


def submission_queryset() -> QuerySet[Submission]:
    return Submission.objects.select_related(
        "cycle",
        "agency",
        "measure__version__strategy",
        "indicator__version__strategy",
    ).prefetch_related(
        Prefetch("measure__executors", queryset=MeasureExecutor.objects.select_related("agency")),
        "values",
    )


def overdue(submission: Submission, on: datetime.date | None = None) -> bool:
    """Whether the report is late (its cycle still open, the due date passed, not submitted)."""
    cycle = submission.cycle
    return cycle.is_open and is_overdue(
        SubmissionState(submission.state), cycle.due_date, on or today()
    )


def overdue_filter(on: datetime.date | None = None) -> Q:
    """Reports still with their agency after their cycle's due date."""
    return Q(
        state__in=[s.value for s in PENDING_STATES],
        cycle__due_date__lt=on or today(),
        cycle__state=ReportingCycle.State.OPEN,
    )


def reporting_agency(measure: Measure) -> Agency | None:
    """The agency that reports on a measure: its first lead executor found in the registry.

    Other lead executors (and the co-executors) contribute to that report.
    """
    leads = [e for e in measure.executors.all() if e.role == MeasureExecutor.Role.LEAD]
    for executor in sorted(leads, key=lambda e: e.position):
        if executor.agency is not None:
            return executor.agency
    return None


def involved_agencies(submission: Submission) -> set[int]:
    """Every agency executing the report's measure, lead or co-executor, and the reporter."""
    agencies = {submission.agency_id}
    if submission.measure_id is not None:
        agencies |= {
            e.agency_id for e in submission.measure.executors.all() if e.agency_id is not None
        }
    return agencies


def contributors(submission: Submission) -> list[Agency]:
    """The agencies that contribute to a measure's report: every executor but the reporter."""
    if submission.measure_id is None:
        return []
    seen: dict[int, Agency] = {}
    for executor in submission.measure.executors.all():
        if executor.agency is not None and executor.agency_id != submission.agency_id:
            seen.setdefault(executor.agency_id, executor.agency)
    return sorted(seen.values(), key=lambda a: az_sort_key(a.acronym or a.name))


def cycle_list() -> list[ReportingCycle]:
    """Every reporting cycle, newest period first."""
    return list(ReportingCycle.objects.prefetch_related("versions__version"))


@dataclass
class AgencySubmissionCounts:
    agency: Agency
    counts: Counter[str] = field(default_factory=Counter)
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class CycleOverview:
    cycle: ReportingCycle
    rows: list[AgencySubmissionCounts]
    totals: Counter[str]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.totals.values())


def cycle_overview(cycle: ReportingCycle, on: datetime.date | None = None) -> CycleOverview:
    """Reports of ``cycle`` counted by agency and state, with the overdue ones."""
    late = cycle.is_open and (on or today()) > cycle.due_date
    pending = {state.value for state in PENDING_STATES}
    rows: dict[int, AgencySubmissionCounts] = {}
    agencies = Agency.objects.in_bulk(
        set(Submission.objects.filter(cycle=cycle).values_list("agency_id", flat=True))
    )
    counts = (
        Submission.objects.filter(cycle=cycle)
        .values_list("agency_id", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    totals: Counter[str] = Counter()
    for agency_id, state, n in counts:
        row = rows.setdefault(agency_id, AgencySubmissionCounts(agencies[agency_id]))
        row.counts[state] += n
        totals[state] += n
        if late and state in pending:
            row.overdue += n
    ordered = sorted(rows.values(), key=lambda r: az_sort_key(r.agency.acronym or r.agency.name))
    return CycleOverview(cycle, ordered, totals, sum(r.overdue for r in ordered))


@dataclass(frozen=True)
class DueItem:
    submission: Submission
    as_lead: bool
    overdue: bool


def agency_due_items(agency: Agency, on: datetime.date | None = None) -> list[DueItem]:
    """Every report of open cycles the agency writes, or contributes to, across strategies."""
    reports = submission_queryset().filter(cycle__state=ReportingCycle.State.OPEN)
    mine = reports.filter(Q(agency=agency) | Q(measure__executors__agency=agency)).distinct()
    items = [
        DueItem(s, s.agency_id == agency.pk, s.agency_id == agency.pk and overdue(s, on))
        for s in mine.order_by("cycle__due_date", "cycle_id", "pk")
    ]
    return sorted(items, key=lambda i: (i.submission.cycle.due_date, not i.as_lead, _order(i)))


def _order(item: DueItem) -> tuple[str, bool, int]:
    """Strategy, then its measures before its indicators, each in document order."""
    submission = item.submission
    subject = submission.measure or submission.indicator
    assert subject is not None
    return (subject.version.strategy.code, submission.is_indicator, subject.position)


def review_queue() -> QuerySet[Submission]:
    """Reports waiting for a reviewer, oldest submission first."""
    return (
        submission_queryset().filter(state=SubmissionState.SUBMITTED).order_by("submitted_at", "pk")
    )


def overdue_reports(user: Any, on: datetime.date | None = None) -> QuerySet[Submission]:
    """The late reports a user should see flagged: their agency's, or all for operators."""
    late = Submission.objects.filter(overdue_filter(on))
    if getattr(user, "role", None) == Role.FOCAL_PERSON:
        return late.filter(agency_id=user.agency_id)
    return late


@dataclass(frozen=True)
class Change:
    entry: AuditEntry
    keys: list[str]
    before: dict[str, Any]
    after: dict[str, Any]


def submission_changes_since(submission: Submission, version: int) -> list[Change]:
    """What was saved to ``submission`` after ``version``: for a refused concurrent save."""
    changes = []
    for entry in audit_history(submission):
        details = entry.details
        after = details["after"]
        if after.get("version", 0) > version:
            keys = sorted(k for k in after if k not in {"version", "state"})
            changes.append(Change(entry, keys, details["before"], after))
    return changes


def unassigned_measures(cycle: ReportingCycle) -> list[Measure]:
    """Measures due in ``cycle`` that nobody reports on: no lead executor in the registry."""
    found = []
    for link in cycle.versions.select_related("version"):
        measures = link.version.measures.prefetch_related(
            Prefetch("executors", queryset=MeasureExecutor.objects.select_related("agency"))
        ).order_by("position")
        for measure in measures:
            period = Period(measure.period_start, measure.period_end, measure.period_text)
            if reporting_agency(measure) is None and measure_due(
                period, cycle.period_start, cycle.period_end
            ):
                found.append(measure)
    return found


def cycle_audit_anchors() -> dict[int, str]:
    """The audit chain's head as each published cycle recorded it (entry id -> hash)."""
    return dict(
        ReportingCycle.objects.exclude(published_head_id=None).values_list(
            "published_head_id", "published_head_hash"
        )
    )


def open_for_agency(submission: Submission) -> bool:
    """Whether the agency can still change the report (cycle open, not with the reviewer)."""
    return submission.cycle.is_open and submission.state in EDITABLE_STATES


def submission_targets(submission: Submission) -> list[tuple[Any, float | None]]:
    """The measure's numeric targets, each with the value this report gives it (or ``None``)."""
    if submission.measure is None:
        return []
    values = {v.target_id: v.value for v in submission.values.all()}
    return [(target, values.get(target.pk)) for target in submission.measure.targets.all()]


def agency_contribution(submission: Submission, agency_id: int | None) -> Any:
    """The contribution a co-executing agency wrote to this report, if any."""
    return submission.contributions.filter(agency_id=agency_id).first()


def review_threads(submission: Submission) -> dict[str, list[Any]]:
    """The review comments by the field they are about ("" for the whole report), in order."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for comment in submission.comments.all():
        grouped[comment.field].append(comment)
    return dict(sorted(grouped.items()))


def cycle_agency_submissions(
    *, cycle: ReportingCycle, agency: Agency, user: Any
) -> list[Submission]:
    """One agency's reports in a cycle, as far as ``user`` may read them, in plan order.

    Reviewers and the agency's own focal persons read them all; leadership reads
    those whose content counts (accepted or published); anyone else none.
    """
    reviewer, own = can_review(user), is_focal_person_of(user, agency.pk)
    if not (reviewer or own or getattr(user, "role", None) == Role.LEADERSHIP):
        return []
    visible = submission_queryset().filter(cycle=cycle, agency=agency)
    if not (reviewer or own):
        visible = visible.filter(state__in=[s.value for s in COUNTED_STATES])
    return list(visible.order_by("measure__position", "indicator__position"))
