"""Attainment, progress status and forecast of each headline indicator.

Observations are the values of accepted (or published) indicator reports, dated
by the end of their cycle's period (methodology, "Conventions"). Yearly targets
are due at the end of their year and the plan's baseline describes the end of its
year; a baseline without a year is taken to describe the state when the plan
starts. The rules are the pure core's:

- attainment (§1) at the latest observation, and at each one for the table;
- progress status (§2.3), judged against the next stage of the plan's path;
- forecast (§4) to the final target, fitted to the baseline and the observations;
  its sentence speaks in the plan's target years ("the 2029 target is reached in
  2028": reached during 2028).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from hedef.agencies.models import Agency
from hedef.domain.evaluation.attainment import Attainment, attainment_for_year
from hedef.domain.evaluation.dates import target_dates, year_end_axis
from hedef.domain.evaluation.disagreement import reported_status_key, self_reported_disagrees
from hedef.domain.evaluation.forecast import Forecast, forecast, forecast_sentence
from hedef.domain.evaluation.path_progress import Progress, progress_status
from hedef.domain.evaluation.rollup import MeasureRecord
from hedef.domain.evaluation.series import Point
from hedef.domain.plans.model import Direction
from hedef.evaluation.selectors.dates import EvaluationDate
from hedef.evaluation.selectors.loading import (
    ReportRow,
    StrategyRef,
    current_indicators,
    indicator_reporters,
    reports_by_subject,
)
from hedef.plans.models import Indicator


@dataclass(frozen=True)
class Observation:
    """One accepted value: the report it came from, its date and its attainment."""

    report: ReportRow
    at: float  # fractional-year date: the end of the cycle's period
    value: float
    target: float | None
    attainment: float | None

    @property
    def period(self) -> str:
        return self.report.cycle.period

    @property
    def year(self) -> float:
        """Where the value is drawn on the year-end axis of the charts."""
        return year_end_axis(self.at)


@dataclass(frozen=True)
class IndicatorEvaluation:
    """One indicator at the evaluation date: where it stands, how it moves, where it leads."""

    indicator: Indicator
    targets: dict[int, float]  # target year → value, as the plan states them
    agency: Agency | None  # the agency that answers for it: responsible, or assigned reporter
    baseline: Point | None  # the plan's baseline, dated
    reports: tuple[ReportRow, ...]  # every report on it in the cycles seen, oldest first
    observations: tuple[Observation, ...]
    attainment: Attainment
    progress: Progress
    forecast: Forecast | None  # None without a target
    sentence: str
    claimed: str | None
    disagrees: bool

    @property
    def strategy(self) -> StrategyRef:
        version = self.indicator.version
        return StrategyRef(version.strategy_id, version.strategy.code, version.title)

    @property
    def key(self) -> tuple[str, str]:
        return (self.strategy.code, self.indicator.number)

    @property
    def responsible(self) -> str | None:
        """The code of the agency that answers for the indicator."""
        return self.agency.code if self.agency else None

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    @cached_property
    def report_records(self) -> tuple[MeasureRecord, ...]:
        """One roll-up record per report asked for, for timeliness: who wrote it, when."""
        return tuple(
            MeasureRecord(
                number=self.indicator.number,
                strategy=self.strategy.code,
                status=report.state,
                lead=(report.agency,),
                submitted_at=report.submitted_on,
                due_at=report.cycle.due,
            )
            for report in self.reports
        )

    def forecast_points(self) -> list[tuple[float, float]]:
        """The trend on the chart axis: from the latest value to the final target's year."""
        result = self.forecast
        if result is None or result.trend is None or result.last is None:
            return []
        last = result.last
        points = [(year_end_axis(last.year), last.value)]
        for due in range(math.floor(last.year) + 1, math.ceil(result.target_year) + 1):
            points.append((year_end_axis(due), result.trend.value_at(due)))
        return points


def indicator_evaluations(
    *,
    when: EvaluationDate,
    strategy_ids: Sequence[int] | None = None,
    agency_id: int | None = None,
    numbers: Sequence[str] | None = None,
) -> list[IndicatorEvaluation]:
    """Every current headline indicator (of ``strategy_ids``, or answered for by ``agency_id``).

    The agency answering for an indicator is the one its plan names responsible, or
    else the reporter monitoring assigned to it.
    """
    indicators = current_indicators(strategy_ids=strategy_ids, agency_id=agency_id)
    if numbers is not None:
        indicators = [indicator for indicator in indicators if indicator.number in numbers]
    if not indicators:
        return []
    scope = sorted({i.version.strategy_id for i in indicators})
    reporters = indicator_reporters(strategy_ids=scope)

    def answering(indicator: Indicator) -> Agency | None:
        if indicator.responsible is not None:
            return indicator.responsible
        return reporters.get((indicator.version.strategy_id, indicator.number))

    narrowed = agency_id is not None or numbers is not None
    reports = reports_by_subject(
        indicators=True,
        cycles=when.cycles,
        strategy_ids=scope,
        subjects={(i.version.strategy_id, i.number) for i in indicators} if narrowed else None,
    )
    return [
        indicator_evaluation(
            indicator,
            reports=reports.get((indicator.version.strategy_id, indicator.number), []),
            responsible=answering(indicator),
            when=when,
        )
        for indicator in indicators
    ]


def indicator_evaluation(
    indicator: Indicator,
    *,
    reports: Sequence[ReportRow],
    responsible: Agency | None,
    when: EvaluationDate,
) -> IndicatorEvaluation:
    """Evaluate one indicator from its reports (oldest first) at ``when``."""
    direction = Direction(indicator.direction)
    targets = {target.year: target.value for target in indicator.targets.all()}
    due = target_dates(targets)
    baseline = _baseline(indicator)
    # One value per date: a later cycle ending on the same day replaces an earlier one.
    counted = {
        report.cycle.ends_at: report
        for report in reports
        if report.counted and report.indicator_value is not None
    }
    series = {at: report.indicator_value for at, report in sorted(counted.items())}

    def attainment_at(moment: float) -> Attainment:
        return attainment_for_year(
            moment,
            observations=series,
            targets=due,
            direction=direction,
            baseline=baseline.value if baseline else None,
            baseline_year=baseline.year if baseline else None,
            cumulative=indicator.cumulative,
        )

    observations = []
    for at, report in sorted(counted.items()):
        assert report.indicator_value is not None
        result = attainment_at(at)
        observations.append(
            Observation(report, at, report.indicator_value, result.target, result.value)
        )
    current = attainment_at(observations[-1].at if observations else when.as_of)
    progress = progress_status(series, direction=direction, targets=due or None, baseline=baseline)
    projection, sentence = _forecast(series, targets, baseline, direction)
    latest = observations[-1].report if observations else None
    claimed = reported_status_key(latest.progress_status) if latest else None
    return IndicatorEvaluation(
        indicator=indicator,
        targets=targets,
        agency=responsible,
        baseline=baseline,
        reports=tuple(reports),
        observations=tuple(observations),
        attainment=current,
        progress=progress,
        forecast=projection,
        sentence=sentence,
        claimed=claimed,
        disagrees=claimed is not None and self_reported_disagrees(claimed, progress.status.value),
    )


def _baseline(indicator: Indicator) -> Point | None:
    """The plan's baseline, dated at the end of its year (or at the plan's start)."""
    if indicator.baseline_value is None:
        return None
    if indicator.baseline_year is not None:
        return Point(float(indicator.baseline_year + 1), indicator.baseline_value)
    return Point(float(indicator.version.period_start), indicator.baseline_value)


def _forecast(
    series: dict[float, float | None],
    targets: dict[int, float],
    baseline: Point | None,
    direction: Direction,
) -> tuple[Forecast | None, str]:
    """The forecast to the final target and its sentence in the plan's target years."""
    if not targets:
        return None, ""
    final = max(targets)
    points = dict(series)
    if baseline is not None:
        points.setdefault(baseline.year, baseline.value)
    result = forecast(
        points, target=targets[final], target_year=float(final + 1), direction=direction
    )
    # Dates count year ends; sentences count the years in which things happen.
    worded = replace(
        result,
        target_year=float(final),
        reached_year=None if result.reached_year is None else result.reached_year - 1,
        horizon_year=result.horizon_year - 1,
    )
    return result, forecast_sentence(worded)
