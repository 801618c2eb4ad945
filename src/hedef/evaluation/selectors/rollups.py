"""Roll-ups by direction, goal, strategy and agency, and reporting timeliness.

The figures are :func:`hedef.domain.evaluation.rollup.rollup` (methodology §6)
over two kinds of records: one per measure, carrying its status, and one per
report due, carrying its due and submission dates. A report's timeliness counts
for the agency that writes it (its reports) and for the measure's co-executors.
Mean attainment is the mean over the headline indicators of a strategy or of an
agency; goals and priority directions have none of their own, since a plan's
headline indicators belong to the strategy as a whole.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from hedef.domain.evaluation.rollup import GroupBy, MeasureRecord, Rollup, rollup
from hedef.domain.evaluation.statuses import MEASURE_STATUS_ORDER
from hedef.evaluation.selectors.dates import EvaluationDate
from hedef.evaluation.selectors.indicators import IndicatorEvaluation
from hedef.evaluation.selectors.loading import CycleRow, ReportRow
from hedef.evaluation.selectors.measures import MeasureEvaluation


@dataclass(frozen=True)
class GroupFigures:
    """One group of a roll-up: its measures by status, its attainment and its timeliness."""

    by: GroupBy
    key: tuple[str, ...]
    label: str
    statuses: Rollup | None
    timeliness: Rollup | None
    mean_attainment: float | None = None
    attainment_count: int = 0

    @property
    def count(self) -> int:
        return self.statuses.count if self.statuses else 0

    @property
    def status_counts(self) -> list[tuple[str, int, float]]:
        """(status, count, share) for every measure status, in the display order."""
        statuses = self.statuses
        if statuses is None:
            return [(key, 0, 0.0) for key in MEASURE_STATUS_ORDER]
        return [
            (key, statuses.by_status.get(key, 0), statuses.shares.get(key, 0.0))
            for key in MEASURE_STATUS_ORDER
        ]


def report_records(
    measures: Iterable[MeasureEvaluation], indicators: Iterable[IndicatorEvaluation] = ()
) -> list[MeasureRecord]:
    """One record per report asked for: its due date, when it was submitted, who wrote it."""
    return [record for item in [*measures, *indicators] for record in item.report_records]


def group_figures(
    *,
    by: GroupBy,
    measures: Sequence[MeasureEvaluation],
    indicators: Sequence[IndicatorEvaluation] = (),
    when: EvaluationDate,
    label: Callable[[tuple[str, ...]], str] = lambda key: key[-1],
) -> list[GroupFigures]:
    """The figures of every group by ``by``, in the order of their keys.

    Args:
        by: the grouping (strategy, goal, direction, lead agency, co-executor).
        measures: the evaluated measures; their statuses are counted.
        indicators: the evaluated indicators, for timeliness of their reports and,
            by strategy or agency, the mean attainment.
        when: the evaluation date; reports due after it are not yet due.
        label: the display name of a group key.
    """
    statuses = {item.key: item for item in rollup([m.record for m in measures], by=by)}
    timely = {
        item.key: item
        for item in rollup(report_records(measures, indicators), by=by, as_of=when.on)
    }
    attained = _attainment(by, indicators)
    keys = list(statuses) + [key for key in timely if key not in statuses]
    figures = []
    for key in keys:
        values = attained.get(key, [])
        figures.append(
            GroupFigures(
                by=by,
                key=key,
                label=label(key),
                statuses=statuses.get(key),
                timeliness=timely.get(key),
                mean_attainment=statistics.fmean(values) if values else None,
                attainment_count=len(values),
            )
        )
    return figures


def timeliness_by_cycle(
    reports: Iterable[ReportRow], *, when: EvaluationDate
) -> list[tuple[CycleRow, Rollup]]:
    """Timeliness of ``reports`` in each cycle due by the evaluation date, latest cycle first."""
    cycles: dict[int, CycleRow] = {}
    records = []
    for report in reports:
        cycles[report.cycle.pk] = report.cycle
        # The core groups by strategy; here the "strategy" of a record is its cycle.
        records.append(
            MeasureRecord(
                number=str(report.pk),
                strategy=str(report.cycle.pk),
                status=report.state,
                submitted_at=report.submitted_on,
                due_at=report.cycle.due,
            )
        )
    figures = [
        (cycles[int(item.key[0])], item)
        for item in rollup(records, by=GroupBy.STRATEGY, as_of=when.on)
        if item.reports_due
    ]
    return sorted(figures, key=lambda pair: (pair[0].end, pair[0].pk), reverse=True)


def mean_attainment_by_agency(indicators: Iterable[IndicatorEvaluation]) -> dict[str, float]:
    """Agency code → mean attainment of the indicators it answers for (those with a value)."""
    return {
        key[0]: statistics.fmean(values)
        for key, values in _attainment(GroupBy.LEAD_AGENCY, indicators).items()
        if values
    }


def _attainment(
    by: GroupBy, indicators: Iterable[IndicatorEvaluation]
) -> dict[tuple[str, ...], list[float]]:
    values: dict[tuple[str, ...], list[float]] = defaultdict(list)
    for item in indicators:
        value = item.attainment.value
        if value is None:
            continue
        if by is GroupBy.STRATEGY:
            values[(item.strategy.code,)].append(value)
        elif by is GroupBy.LEAD_AGENCY and item.responsible:
            values[(item.responsible,)].append(value)
    return values
