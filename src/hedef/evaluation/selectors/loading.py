"""Bulk reads of what an evaluation needs, as plain values, in a fixed number of queries.

Measures and indicators are those of the strategies' current plan versions; the
reports on them are found by strategy and number, so a report written against an
older version of the plan still counts for the same measure in the new one.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from hedef.domain.evaluation.dates import fractional_year, period_label
from hedef.domain.reporting import ReportState
from hedef.monitoring.models import IndicatorReporter, ReportingCycle, Submission, TargetValue
from hedef.plans.models import Indicator, Measure, MeasureExecutor

# Only what a reviewer accepted counts: never drafts, submitted or returned reports.
COUNTED_STATES = (ReportState.ACCEPTED.value, ReportState.PUBLISHED.value)

SubjectKey = tuple[int, str]  # (strategy id, measure or indicator number)


@dataclass(frozen=True)
class CycleRow:
    """A reporting cycle: its period, due date and whether it was published."""

    pk: int
    label: str
    kind: str
    start: datetime.date
    end: datetime.date
    due: datetime.date
    published: bool

    @property
    def ends_at(self) -> float:
        """The cycle's end as a fractional year (the first half of 2026: 2026.5)."""
        return fractional_year(self.end)

    @property
    def period(self) -> str:
        """The period's short label ("2026-S1")."""
        return period_label(self.start, self.end)


@dataclass(frozen=True)
class ReportRow:
    """One report (any state) on a measure or an indicator, as the evaluation reads it."""

    pk: int
    cycle: CycleRow
    subject: SubjectKey
    agency: str  # the reporting agency's code
    state: str
    stage: str
    progress_status: str
    percent: float | None
    narrative: str
    indicator_value: float | None
    submitted_on: datetime.date | None

    @property
    def counted(self) -> bool:
        """Whether the report was accepted (or published), so its content counts."""
        return self.state in COUNTED_STATES


def all_cycles() -> list[CycleRow]:
    """Every reporting cycle, in the order their periods end."""
    rows = ReportingCycle.objects.order_by("period_end", "pk").values_list(
        "pk", "label", "kind", "period_start", "period_end", "due_date", "state"
    )
    return [
        CycleRow(pk, label, kind, start, end, due, state == ReportingCycle.State.PUBLISHED)
        for pk, label, kind, start, end, due, state in rows
    ]


def current_measures(
    *, strategy_ids: Collection[int] | None = None, agency_id: int | None = None
) -> list[Measure]:
    """Measures of the current plan versions, with executors, targets and tree nodes."""
    measures = Measure.objects.filter(version__strategy__current_version=F("version"))
    if strategy_ids is not None:
        measures = measures.filter(version__strategy_id__in=list(strategy_ids))
    if agency_id is not None:
        measures = measures.filter(
            pk__in=MeasureExecutor.objects.filter(agency_id=agency_id).values("measure_id")
        )
    return list(
        measures.select_related("version__strategy__current_version", "node__parent")
        .prefetch_related(
            Prefetch("executors", queryset=MeasureExecutor.objects.select_related("agency")),
            "targets",
        )
        .order_by("version__strategy__code", "position")
    )


def current_indicators(*, strategy_ids: Collection[int] | None = None) -> list[Indicator]:
    """Headline indicators of the current plan versions, with their targets."""
    indicators = Indicator.objects.filter(version__strategy__current_version=F("version"))
    if strategy_ids is not None:
        indicators = indicators.filter(version__strategy_id__in=list(strategy_ids))
    return list(
        indicators.select_related("version__strategy__current_version", "responsible")
        .prefetch_related("targets")
        .order_by("version__strategy__code", "position")
    )


def indicator_reporters(
    *, strategy_ids: Collection[int] | None = None
) -> dict[SubjectKey, tuple[int, str]]:
    """(strategy id, indicator number) → (agency id, agency code) of its assigned reporter."""
    reporters = IndicatorReporter.objects.all()
    if strategy_ids is not None:
        reporters = reporters.filter(strategy_id__in=list(strategy_ids))
    return {
        (strategy_id, number): (agency_id, code)
        for strategy_id, number, agency_id, code in reporters.values_list(
            "strategy_id", "indicator_number", "agency_id", "agency__code"
        )
    }


def _reports_queryset(
    *,
    indicators: bool,
    cycles: Iterable[CycleRow],
    strategy_ids: Collection[int] | None,
    numbers: Collection[str] | None,
) -> QuerySet[Submission]:
    subject = "indicator" if indicators else "measure"
    reports = Submission.objects.filter(
        **{f"{subject}__isnull": False}, cycle_id__in=[cycle.pk for cycle in cycles]
    )
    if strategy_ids is not None:
        reports = reports.filter(**{f"{subject}__version__strategy_id__in": list(strategy_ids)})
    if numbers is not None:
        reports = reports.filter(**{f"{subject}__number__in": sorted(set(numbers))})
    return reports


def reports_by_subject(
    *,
    indicators: bool,
    cycles: Iterable[CycleRow],
    strategy_ids: Collection[int] | None = None,
    numbers: Collection[str] | None = None,
) -> dict[SubjectKey, list[ReportRow]]:
    """Every report (any state) on measures (or indicators) in ``cycles``, oldest cycle first.

    Keyed by (strategy id, number), so reports on an earlier plan version count for
    the same-numbered measure of the current one. ``numbers`` narrows the read (a
    superset is fine: callers look up the keys they need).
    """
    cycles = list(cycles)
    by_pk = {cycle.pk: cycle for cycle in cycles}
    subject = "indicator" if indicators else "measure"
    rows = _reports_queryset(
        indicators=indicators, cycles=cycles, strategy_ids=strategy_ids, numbers=numbers
    ).values_list(
        "pk",
        "cycle_id",
        f"{subject}__version__strategy_id",
        f"{subject}__number",
        "agency__code",
        "state",
        "stage",
        "progress_status",
        "percent_complete",
        "narrative",
        "indicator_value",
        "submitted_at",
    )
    found: dict[SubjectKey, list[ReportRow]] = defaultdict(list)
    for pk, cycle_id, strategy_id, number, agency, *content, submitted_at in rows:
        state, stage, status, percent, narrative, value = content
        found[(strategy_id, number)].append(
            ReportRow(
                pk=pk,
                cycle=by_pk[cycle_id],
                subject=(strategy_id, number),
                agency=agency,
                state=state,
                stage=stage,
                progress_status=status,
                percent=percent,
                narrative=narrative,
                indicator_value=value,
                submitted_on=timezone.localdate(submitted_at) if submitted_at else None,
            )
        )
    for reports in found.values():
        reports.sort(key=lambda report: (report.cycle.end, report.cycle.pk, report.pk))
    return dict(found)


def counted_target_values(
    *,
    cycles: Iterable[CycleRow],
    strategy_ids: Collection[int] | None = None,
    numbers: Collection[str] | None = None,
) -> dict[int, dict[tuple[str, int], float]]:
    """Report id → {(target stage, target position): value} over accepted measure reports.

    Targets are keyed by stage and position, which hold across plan versions as
    long as an amendment keeps a result's numbers in order.
    """
    reports = _reports_queryset(
        indicators=False, cycles=cycles, strategy_ids=strategy_ids, numbers=numbers
    ).filter(state__in=COUNTED_STATES)
    rows = TargetValue.objects.filter(submission__in=reports.values("pk")).values_list(
        "submission_id", "target__stage", "target__position", "value"
    )
    values: dict[int, dict[tuple[str, int], float]] = defaultdict(dict)
    for submission_id, stage, position, value in rows:
        values[submission_id][(stage, position)] = value
    return dict(values)
