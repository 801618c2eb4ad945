"""Report rows straight from evaluation results, so that no figure is retyped.

The shell evaluates once (roll-ups, forecasts, the readiness index) and passes
the results here; the dashboard reads the same results, which is what keeps the
report's numbers equal to the dashboard's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from hedef.domain.evaluation.composite import IndexResult
from hedef.domain.evaluation.forecast import Forecast, forecast_sentence
from hedef.domain.evaluation.rollup import Rollup
from hedef.domain.reports.data import ForecastLine, GroupStatus, ReadinessRow, TimelinessRow

__all__ = ["forecast_line", "group_statuses", "readiness_rows", "timeliness_rows"]


def forecast_line(result: Forecast, *, step: float = 0.5) -> ForecastLine:
    """The trend from the last observation to the target year, every ``step`` years.

    The line starts at the last observation itself so that the chart's dashed
    forecast continues the solid line of actual values. Without a trend (too few
    observations, target already met) it has no points, only its sentence.
    """
    points: list[tuple[float, float]] = []
    if result.trend is not None and result.last is not None:
        points.append((result.last.year, result.last.value))
        year = math.floor(result.last.year / step) * step + step
        while year <= result.target_year + 1e-9:
            points.append((year, result.trend.value_at(year)))
            year += step
    method = result.method.value if result.method is not None and result.trend else None
    return ForecastLine(
        method=method,
        points=tuple(points),
        sentence=forecast_sentence(result),
        on_track=result.on_track,
    )


def group_statuses(
    rollups: Sequence[Rollup], *, titles: Mapping[str, str], order: Sequence[str] = ()
) -> tuple[GroupStatus, ...]:
    """Goal or direction roll-ups as status rows, titled from ``titles`` (number → title).

    A roll-up's group number is the last part of its key. Rows follow ``order``
    (the plan's numbers) when given, else the roll-ups' own order.
    """
    rows = {
        rollup.key[-1]: GroupStatus(
            rollup.key[-1], titles.get(rollup.key[-1], ""), dict(rollup.by_status)
        )
        for rollup in rollups
    }
    ordered = [number for number in order if number in rows]
    ordered += [number for number in rows if number not in ordered]
    return tuple(rows[number] for number in ordered)


def timeliness_rows(rollups: Sequence[Rollup]) -> tuple[TimelinessRow, ...]:
    """Agency roll-ups as timeliness rows; agencies with no report due are left out."""
    return tuple(
        TimelinessRow(
            agency=rollup.key[0],
            reports_due=rollup.reports_due,
            submitted_on_time=rollup.submitted_on_time,
            on_time_share=rollup.on_time_share,
            median_delay_days=rollup.median_delay_days,
            not_submitted=rollup.not_submitted,
        )
        for rollup in rollups
        if rollup.reports_due
    )


def readiness_rows(result: IndexResult) -> tuple[ReadinessRow, ...]:
    """The rating's rows in rank order; a unit without a rank interval gets its own rank.

    A rating computed without Monte Carlo draws has no interval; the rank then
    stands for all three bounds (pass ``readiness_draws=0`` so that the report
    says no simulation was run).
    """
    return tuple(
        ReadinessRow(
            agency=row.unit,
            score=row.score,
            rank=row.rank,
            rank_p5=row.rank_p5 if row.rank_p5 is not None else float(row.rank),
            rank_median=row.rank_median if row.rank_median is not None else float(row.rank),
            rank_p95=row.rank_p95 if row.rank_p95 is not None else float(row.rank),
            group=row.group_label,
        )
        for row in result.rows
    )
