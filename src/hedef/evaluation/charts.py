"""Chart specifications of the dashboards, built with the shared Vega-Lite builders.

The pages hand these to vega-embed (served from ``static/hedef/vendor``) and show
the same figures in a data table beside each chart, so nothing depends on
JavaScript. Build them after the page's language is active: labels are
translated when the specification is built.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from hedef.domain import charts
from hedef.domain.evaluation.statuses import direction_label
from hedef.evaluation.selectors import GroupFigures, IndicatorEvaluation, Rating


def indicator_spec(item: IndicatorEvaluation) -> dict[str, Any]:
    """Targets as marks, accepted values as a line, the forecast dashed, the baseline a rule.

    Years are drawn on the plans' axis, where the tick "2026" is the end of 2026
    and the 2026 target is due; a tooltip names a value's reporting period.
    """
    indicator = item.indicator
    baseline = item.baseline
    spec = charts.indicator_chart(
        title=f"{indicator.number}. {indicator.name}",
        unit=indicator.unit,
        targets=item.targets,
        actuals={observation.year: observation.value for observation in item.observations},
        forecast=item.forecast_points(),
        baseline=baseline.value if baseline else None,
        baseline_year=math.floor(baseline.year) - 1 if baseline else None,
        subtitle=" · ".join(
            part for part in (indicator.unit, direction_label(indicator.direction)) if part
        ),
        description=_("Targets by year, accepted values and the forecast of indicator %(number)s.")
        % {"number": indicator.number},
    )
    periods = {observation.year: observation.period for observation in item.observations}
    return _periods_in_tooltips(spec, periods)


def status_spec(groups: Sequence[GroupFigures], *, title: str) -> dict[str, Any]:
    """One bar per group, stacked by measure status."""
    return charts.status_chart(
        title=title,
        groups=[
            charts.GroupCounts(group.label, group.statuses.by_status if group.statuses else {})
            for group in groups
        ],
        axis_title=_("Measures"),
        description=_("Number of measures by status in each group."),
    )


def timeliness_spec(groups: Sequence[GroupFigures], *, title: str) -> dict[str, Any]:
    """Each group's share of reports submitted by the due date."""
    bars = [
        charts.TimelinessBar(
            agency=group.label,
            on_time_share=group.timeliness.on_time_share,
            median_delay_days=group.timeliness.median_delay_days,
            reports_due=group.timeliness.reports_due,
        )
        for group in groups
        if group.timeliness is not None and group.timeliness.on_time_share is not None
    ]
    return charts.timeliness_chart(
        title=title,
        bars=bars,
        description=_("Share of reports submitted by the due date, by agency."),
    )


def rating_spec(rating: Rating) -> dict[str, Any]:
    """Each agency's rank on its 5–95 % rank interval."""
    points = [
        charts.RatingPoint(
            agency=rated.agency.acronym or rated.agency.display_name,
            score=rated.row.score,
            rank=rated.row.rank,
            rank_p5=rated.row.rank_p5 if rated.row.rank_p5 is not None else rated.row.rank,
            rank_median=(
                rated.row.rank_median if rated.row.rank_median is not None else rated.row.rank
            ),
            rank_p95=rated.row.rank_p95 if rated.row.rank_p95 is not None else rated.row.rank,
        )
        for rated in rating.agencies
    ]
    return charts.readiness_chart(
        title=_("Digital readiness of state bodies: ranks and rank intervals"),
        points=points,
        # "%%" with "% {}": a bare "% o" would read as a format directive to gettext.
        description=_(
            "Each agency's rank, with the ranks it takes in 90%% of the simulations "
            "that vary the rating's method and weights."
        )
        % {},
    )


def _periods_in_tooltips(spec: dict[str, Any], periods: dict[float, str]) -> dict[str, Any]:
    """Name each point's reporting period ("2026-S1") in the tooltip instead of its axis year."""
    for layer in spec.get("layer", []):
        rows = layer.get("data", {}).get("values", [])
        if not rows or "year" not in rows[0]:
            continue
        for row in rows:
            row["period"] = periods.get(row["year"]) or f"{row['year']:g}"
        tooltip = layer.get("encoding", {}).get("tooltip")
        if isinstance(tooltip, list):
            layer["encoding"]["tooltip"] = [
                {"field": "period", "type": "nominal", "title": _("Period")}
                if entry.get("field") == "year"
                else entry
                for entry in tooltip
            ]
    return spec
