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

from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from hedef.agencies.models import Agency
from hedef.domain.evaluation.dates import fractional_year, period_label
from hedef.domain.evaluation.measure_status import STAGE_ORDER
from hedef.domain.monitoring.submissions import COUNTED_STATES
from hedef.domain.plans.model import Comparator, NumericTarget, Period, Stage
from hedef.monitoring.models import IndicatorReporter, ReportingCycle, Submission, TargetValue
from hedef.plans.models import Indicator, Measure, MeasureExecutor, MeasureTarget, PlanNode

# Only what a reviewer accepted counts: never drafts, submitted or returned reports.

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


@dataclass(frozen=True)
class StrategyRef:
    """A strategy as the dashboards name it: code and the title of its current version."""

    pk: int
    code: str
    title: str

    def __str__(self) -> str:
        return self.title


@dataclass(frozen=True)
class NodeRef:
    """A goal or priority direction a measure sits under."""

    number: str
    title: str


@dataclass(frozen=True)
class MeasureFacts:
    """A current measure with what its evaluation needs, read as plain values."""

    pk: int
    strategy: StrategyRef
    number: str
    title: str
    period_start: int | None
    period_end: int | None
    period_text: str
    stages: tuple[Stage, ...]  # the stages its result texts define
    goal: NodeRef | None
    direction: NodeRef | None
    lead: tuple[Agency, ...]  # registered agencies, each once
    co_executors: tuple[Agency, ...]
    targets: tuple[NumericTargetRow, ...]

    @property
    def ongoing(self) -> bool:
        return self.period_start is None and self.period_end is None

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end, self.period_text)

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:measure-detail", kwargs={"code": self.strategy.code, "number": self.number}
        )


@dataclass(frozen=True)
class NumericTargetRow:
    """A numeric target read from a result text, keyed by stage and position."""

    target: NumericTarget
    position: int

    @property
    def key(self) -> tuple[str, int]:
        return (self.target.stage.value, self.position)


_AGENCY_FIELDS = ("code", "acronym", "name", "name_en", "name_ru")


def current_measures(
    *, strategy_ids: Collection[int] | None = None, agency_id: int | None = None
) -> list[MeasureFacts]:
    """Measures of the current plan versions, with executors, targets and tree position.

    Three queries whatever their number; values, not model instances, so that a
    national portfolio reads quickly.
    """
    measures = Measure.objects.filter(version__strategy__current_version=F("version"))
    if strategy_ids is not None:
        measures = measures.filter(version__strategy_id__in=list(strategy_ids))
    if agency_id is not None:
        measures = measures.filter(
            pk__in=MeasureExecutor.objects.filter(agency_id=agency_id).values("measure_id")
        )
    agencies: dict[int, Agency] = {}
    executors: dict[int, dict[str, list[Agency]]] = defaultdict(lambda: {"lead": [], "co": []})
    rows = MeasureExecutor.objects.filter(
        measure__in=measures.values("pk"), agency__isnull=False
    ).order_by("measure_id", "role", "position")
    for measure_id, role, agency_pk, *fields in rows.values_list(
        "measure_id", "role", "agency_id", *(f"agency__{name}" for name in _AGENCY_FIELDS)
    ):
        agency = agencies.get(agency_pk)
        if agency is None:
            named = dict(zip(_AGENCY_FIELDS, fields, strict=True))
            agency = agencies[agency_pk] = Agency(pk=agency_pk, **named)
        if agency not in executors[measure_id][role]:
            executors[measure_id][role].append(agency)
    targets: dict[int, list[NumericTargetRow]] = defaultdict(list)
    for measure_id, stage, comparator, value, upper, unit, phrase, position in (
        MeasureTarget.objects.filter(measure__in=measures.values("pk"))
        .order_by("measure_id", "position")
        .values_list(
            "measure_id", "stage", "comparator", "value", "upper", "unit", "phrase", "position"
        )
    ):
        target = NumericTarget(Stage(stage), Comparator(comparator), value, unit, phrase, upper)
        targets[measure_id].append(NumericTargetRow(target, position))
    strategies: dict[int, StrategyRef] = {}
    found = []
    for row in measures.order_by("version__strategy__code", "position").values_list(
        "pk",
        "version__strategy_id",
        "version__strategy__code",
        "version__title",
        "number",
        "title",
        "period_start",
        "period_end",
        "period_text",
        "result_initial",
        "result_interim",
        "result_final",
        "node__level",
        "node__number",
        "node__title",
        "node__parent__number",
        "node__parent__title",
    ):
        pk, strategy_id, code, version_title, number, title, start, end, text, *rest = row
        initial, interim, final, level, node_number, node_title, up_number, up_title = rest
        strategy = strategies.setdefault(strategy_id, StrategyRef(strategy_id, code, version_title))
        node = NodeRef(node_number, node_title) if node_number is not None else None
        parent = NodeRef(up_number, up_title) if up_number is not None else None
        is_goal = level == PlanNode.Level.GOAL
        texts = zip(STAGE_ORDER, (initial, interim, final), strict=True)
        found.append(
            MeasureFacts(
                pk=pk,
                strategy=strategy,
                number=number,
                title=title,
                period_start=start,
                period_end=end,
                period_text=text,
                stages=tuple(stage for stage, result in texts if result.strip()) or STAGE_ORDER,
                goal=node if is_goal else parent,
                direction=None if is_goal else node,
                lead=tuple(executors[pk]["lead"]),
                co_executors=tuple(executors[pk]["co"]),
                targets=tuple(targets[pk]),
            )
        )
    return found


def current_indicators(
    *, strategy_ids: Collection[int] | None = None, agency_id: int | None = None
) -> list[Indicator]:
    """Headline indicators of the current plan versions, with their targets.

    With ``agency_id``, those the agency answers for: named responsible in the plan,
    or, where the plan names no one, assigned to it as reporter by monitoring.
    """
    indicators = Indicator.objects.filter(version__strategy__current_version=F("version"))
    if strategy_ids is not None:
        indicators = indicators.filter(version__strategy_id__in=list(strategy_ids))
    if agency_id is not None:
        reporter = IndicatorReporter.objects.filter(
            strategy_id=OuterRef("version__strategy_id"),
            indicator_number=OuterRef("number"),
            agency_id=agency_id,
        )
        indicators = indicators.alias(reported=Exists(reporter)).filter(
            Q(responsible_id=agency_id) | Q(responsible__isnull=True, reported=True)
        )
    return list(
        indicators.select_related("version__strategy", "responsible")
        .prefetch_related("targets")
        .order_by("version__strategy__code", "position")
    )


def indicator_reporters(*, strategy_ids: Collection[int] | None = None) -> dict[SubjectKey, Agency]:
    """(strategy id, indicator number) → the agency monitoring assigned to report it."""
    reporters = IndicatorReporter.objects.select_related("agency")
    if strategy_ids is not None:
        reporters = reporters.filter(strategy_id__in=list(strategy_ids))
    return {
        (reporter.strategy_id, reporter.indicator_number): reporter.agency for reporter in reporters
    }


def _reports_queryset(
    *,
    indicators: bool,
    cycles: Iterable[CycleRow],
    strategy_ids: Collection[int] | None,
    subjects: Collection[SubjectKey] | None,
) -> QuerySet[Submission]:
    subject = "indicator" if indicators else "measure"
    reports = Submission.objects.filter(
        **{f"{subject}__isnull": False}, cycle_id__in=[cycle.pk for cycle in cycles]
    )
    if strategy_ids is not None:
        reports = reports.filter(**{f"{subject}__version__strategy_id__in": list(strategy_ids)})
    if subjects is not None:
        # One IN over "strategy:number" keys: a plain condition, however many strategies.
        key = Concat(
            Cast(f"{subject}__version__strategy_id", CharField()),
            Value(":"),
            f"{subject}__number",
            output_field=CharField(),
        )
        wanted = sorted(f"{strategy_id}:{number}" for strategy_id, number in subjects)
        reports = reports.alias(subject_key=key).filter(subject_key__in=wanted)
    return reports


def reports_by_subject(
    *,
    indicators: bool,
    cycles: Iterable[CycleRow],
    strategy_ids: Collection[int] | None = None,
    subjects: Collection[SubjectKey] | None = None,
) -> dict[SubjectKey, list[ReportRow]]:
    """Every report (any state) on measures (or indicators) in ``cycles``, oldest cycle first.

    Keyed by (strategy id, number), so reports on an earlier plan version count for
    the same-numbered measure of the current one. ``subjects`` narrows the read to
    those (strategy id, number) keys.
    """
    cycles = list(cycles)
    by_pk = {cycle.pk: cycle for cycle in cycles}
    subject = "indicator" if indicators else "measure"
    rows = _reports_queryset(
        indicators=indicators, cycles=cycles, strategy_ids=strategy_ids, subjects=subjects
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
    subjects: Collection[SubjectKey] | None = None,
) -> dict[int, dict[tuple[str, int], float]]:
    """Report id → {(target stage, target position): value} over accepted measure reports.

    Targets are keyed by stage and position, which hold across plan versions as
    long as an amendment keeps a result's numbers in order.
    """
    reports = _reports_queryset(
        indicators=False, cycles=cycles, strategy_ids=strategy_ids, subjects=subjects
    ).filter(state__in=[s.value for s in COUNTED_STATES])
    rows = TargetValue.objects.filter(submission__in=reports.values("pk")).values_list(
        "submission_id", "target__stage", "target__position", "value"
    )
    values: dict[int, dict[tuple[str, int], float]] = defaultdict(dict)
    for submission_id, stage, position, value in rows:
        values[submission_id][(stage, position)] = value
    return dict(values)
