"""Vega-Lite chart specifications shared by the web pages and the monitoring reports.

Every builder returns a plain Vega-Lite v5 specification (a dict of JSON values)
with its data inline, its colours from :mod:`hedef.domain.evaluation.statuses` and the
house style of ``hedef.css`` in its ``config``. The web pages hand the same dict
to vega-embed; the reports turn it into SVG (HTML, PDF) or PNG (DOCX) with
:func:`render_svg` and :func:`render_png`, through vl-convert, offline: no remote
data, fonts or images are fetched.

Charts carry a title and an accessible ``description``; labels are translated
at build time, so build a chart after the language is active. Numbers are drawn
with the d3 locale of :func:`format_locale` (decimal comma in Azerbaijani); the
web shell passes the same locale to vega-embed's ``formatLocale`` option.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hedef.domain.charts.drawing import (
    VEGA_LITE_VERSION,
    ChartRenderError,
    format_locale,
    render_png,
    render_pngs,
    render_svg,
    render_svgs,
)
from hedef.domain.charts.style import CHART_WIDTH, INK, MUTED, VEGA_LITE_SCHEMA, chart_spec
from hedef.domain.core.i18n import gettext as _
from hedef.domain.evaluation.statuses import MEASURE_STATUS_ORDER, status_colour, status_label

__all__ = [
    "CHART_WIDTH",
    "VEGA_LITE_SCHEMA",
    "VEGA_LITE_VERSION",
    "ChartRenderError",
    "GroupCounts",
    "RatingPoint",
    "TimelinessBar",
    "format_locale",
    "indicator_chart",
    "readiness_chart",
    "render_png",
    "render_pngs",
    "render_svg",
    "render_svgs",
    "status_chart",
    "timeliness_chart",
]

_BRAND, _TARGET, _BASELINE = "#0b5394", "#8a4b00", "#6b7685"


@dataclass(frozen=True)
class GroupCounts:
    """One bar of a status chart: a group (goal, direction, strategy) and its counts per status."""

    label: str
    counts: Mapping[str, int]


@dataclass(frozen=True)
class TimelinessBar:
    """One agency's on-time share (0–1) with the median delay of its late reports, in days."""

    agency: str
    on_time_share: float
    median_delay_days: float | None = None
    reports_due: int = 0


@dataclass(frozen=True)
class RatingPoint:
    """One agency in the readiness rating: score, rank and its 5–95 % rank interval."""

    agency: str
    score: float
    rank: int
    rank_p5: float
    rank_median: float
    rank_p95: float


def indicator_chart(
    *,
    title: str,
    unit: str,
    targets: Mapping[int, float],
    actuals: Mapping[float, float],
    forecast: Sequence[tuple[float, float]] = (),
    baseline: float | None = None,
    baseline_year: int | None = None,
    subtitle: str = "",
    description: str = "",
) -> dict[str, Any]:
    """Targets as diamonds, actuals as a line with points, the forecast dashed, the baseline a rule.

    Args:
        title: the indicator's number and name.
        unit: the unit of its values (the y-axis title).
        targets: year → target.
        actuals: (fractional) year → observed value.
        forecast: (year, value) points of the trend, from the last observation on.
        baseline: the baseline value, drawn as a horizontal rule.
        baseline_year: the baseline's year, drawn as a point on the rule when given.
        subtitle: a second line under the title (unit and direction, typically).
        description: what the chart shows, for screen readers.
    """
    names = {
        "target": _("Target"),
        "actual": _("Actual"),
        "forecast": _("Forecast"),
        "baseline": _("Baseline"),
    }
    series = [key for key, present in _present_series(targets, actuals, forecast, baseline)]
    domain = [names[key] for key in series]
    legend = {"title": None, "orient": "bottom", "symbolStrokeWidth": 2.5, "labelFontSize": 11}

    def channel(range_by_series: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "field": "series",
            "type": "nominal",
            "scale": {"domain": domain, "range": [range_by_series[key] for key in series]},
            "legend": legend,
        }

    colour = channel(
        {"target": _TARGET, "actual": _BRAND, "forecast": _BRAND, "baseline": _BASELINE}
    )
    dash = channel({"target": [1, 0], "actual": [1, 0], "forecast": [6, 4], "baseline": [2, 3]})
    shape = channel(
        {"target": "diamond", "actual": "stroke", "forecast": "stroke", "baseline": "stroke"}
    )
    years = [*targets, *actuals, *(year for year, _value in forecast)]
    if baseline_year is not None:
        years.append(baseline_year)
    first, last = (min(years), max(years)) if years else (0.0, 1.0)
    x = {
        "field": "year",
        "type": "quantitative",
        "title": None,
        "scale": {"domain": [first - 0.3, last + 0.3], "nice": False, "zero": False},
        "axis": {"values": list(range(math.ceil(first), math.floor(last) + 1)), "format": "d"},
    }
    y = {"field": "value", "type": "quantitative", "title": unit or None, "scale": {"zero": False}}
    tooltip = [
        {"field": "series", "type": "nominal", "title": " "},
        {"field": "year", "type": "quantitative", "title": _("Year"), "format": ".4~f"},
        {"field": "value", "type": "quantitative", "title": unit or _("Value"), "format": ",.4~f"},
    ]
    layers: list[dict[str, Any]] = []
    if baseline is not None:
        layers.append(
            {
                "data": {"values": [{"value": baseline, "series": names["baseline"]}]},
                "mark": {"type": "rule", "strokeWidth": 1.5},
                "encoding": {"y": y, "color": colour, "strokeDash": dash},
            }
        )
    if targets:
        layers.append(
            _layer(
                [(year, value, names["target"]) for year, value in sorted(targets.items())],
                {"type": "point", "filled": True, "size": 90, "opacity": 1},
                {"x": x, "y": y, "color": colour, "shape": shape, "tooltip": tooltip},
            )
        )
    if actuals:
        layers.append(
            _layer(
                [(year, value, names["actual"]) for year, value in sorted(actuals.items())],
                {"type": "line", "strokeWidth": 2.5, "point": {"filled": True, "size": 45}},
                {"x": x, "y": y, "color": colour, "strokeDash": dash, "tooltip": tooltip},
            )
        )
    if forecast:
        layers.append(
            _layer(
                [(year, value, names["forecast"]) for year, value in forecast],
                {"type": "line", "strokeWidth": 2},
                {"x": x, "y": y, "color": colour, "strokeDash": dash, "tooltip": tooltip},
            )
        )
    if not layers:  # nothing to draw: an empty frame still says so in its title
        layers.append(_layer([], {"type": "point"}, {"x": x, "y": y}))
    return chart_spec(
        title=title,
        subtitle=subtitle,
        description=description,
        body={"height": 230, "layer": layers},
    )


def status_chart(
    *,
    title: str,
    groups: Sequence[GroupCounts],
    axis_title: str,
    order: Sequence[str] = MEASURE_STATUS_ORDER,
    description: str = "",
) -> dict[str, Any]:
    """Horizontal bars, one per group, stacked by status in ``order``, counts written inside.

    Statuses outside ``order`` are stacked after it, in the order first met.
    """
    seen = [key for key in order if any(group.counts.get(key) for group in groups)]
    for group in groups:
        seen.extend(key for key, count in group.counts.items() if count and key not in seen)
    rows = [
        {
            "group": group.label,
            "status": status_label(key),
            "rank": rank,
            "count": group.counts.get(key, 0),
        }
        for group in groups
        for rank, key in enumerate(seen)
        if group.counts.get(key, 0)
    ]
    colour = {
        "field": "status",
        "type": "nominal",
        "title": None,
        "scale": {
            "domain": [status_label(key) for key in seen],
            "range": [status_colour(key) for key in seen],
        },
        "legend": {"orient": "bottom", "columns": 3, "labelLimit": 200},
    }
    y = {
        "field": "group",
        "type": "nominal",
        "title": None,
        "sort": [group.label for group in groups],
        "axis": {"labelLimit": 250},
    }
    x = {"field": "count", "type": "quantitative", "title": axis_title, "stack": "zero"}
    order_channel = {"field": "rank", "type": "quantitative"}
    body = {
        "data": {"values": rows},
        "height": {"step": 26},
        "layer": [
            {
                "mark": {"type": "bar", "stroke": "white", "strokeWidth": 1},
                "encoding": {
                    "y": y,
                    "x": x,
                    "color": colour,
                    "order": order_channel,
                    "tooltip": [
                        {"field": "group", "title": " "},
                        {"field": "status", "title": _("Status")},
                        {"field": "count", "title": axis_title},
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "right", "dx": -4, "color": "white"},
                "encoding": {
                    "y": y,
                    "x": x,
                    "order": order_channel,
                    "detail": {"field": "status"},
                    "text": {"field": "count", "type": "quantitative"},
                },
            },
        ],
    }
    return chart_spec(title=title, subtitle="", description=description, body=body)


def timeliness_chart(
    *, title: str, bars: Sequence[TimelinessBar], description: str = ""
) -> dict[str, Any]:
    """Each agency's share of reports submitted on time, best first, with the share written."""
    ordered = sorted(bars, key=lambda bar: (-bar.on_time_share, bar.agency))
    rows = [
        {
            "agency": bar.agency,
            "share": bar.on_time_share,
            "delay": bar.median_delay_days,
            "due": bar.reports_due,
        }
        for bar in ordered
    ]
    y = {
        "field": "agency",
        "type": "nominal",
        "title": None,
        "sort": [bar.agency for bar in ordered],
        "axis": {"labelLimit": 250},
    }
    x = {
        "field": "share",
        "type": "quantitative",
        "title": _("Reports submitted on time"),
        "scale": {"domain": [0, 1]},
        "axis": {"format": "~%"},
    }
    body: dict[str, Any] = {
        "data": {"values": rows},
        "height": {"step": 20},
        "layer": [
            {
                "mark": {"type": "bar", "color": _BRAND},
                "encoding": {
                    "y": y,
                    "x": x,
                    "tooltip": [
                        {"field": "agency", "title": " "},
                        {"field": "share", "title": _("On time"), "format": ".0%"},
                        {"field": "due", "title": _("Reports due")},
                        {"field": "delay", "title": _("Median delay, days")},
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "color": INK},
                "encoding": {"y": y, "x": x, "text": {"field": "share", "format": ".0%"}},
            },
        ],
    }
    # Room on the right for the "100%" written past a full bar.
    body["padding"] = {"left": 8, "top": 8, "bottom": 8, "right": 44}
    return chart_spec(title=title, subtitle="", description=description, body=body)


def readiness_chart(
    *, title: str, points: Sequence[RatingPoint], description: str = ""
) -> dict[str, Any]:
    """Each agency's rank as a point on its 5–95 % rank interval; a tick marks the median.

    A rank is never drawn alone: the interval shows how far it moves when the
    rating's method choices and weights vary.
    """
    ordered = sorted(points, key=lambda point: (point.rank, point.agency))
    rows = [
        {
            "agency": point.agency,
            "score": point.score,
            "rank": point.rank,
            "p5": point.rank_p5,
            "median": point.rank_median,
            "p95": point.rank_p95,
        }
        for point in ordered
    ]
    worst = max((max(point.rank, point.rank_p95) for point in ordered), default=1)
    y = {
        "field": "agency",
        "type": "nominal",
        "title": None,
        "sort": [point.agency for point in ordered],
        "axis": {"labelLimit": 250},
    }
    scale = {"domain": [0.5, worst + 0.5], "nice": False, "zero": False}
    rank_axis = {
        "title": _("Rank (1 = best)"),
        "values": list(range(1, int(worst) + 1)),
        "format": "d",
    }
    tooltip = [
        {"field": "agency", "title": " "},
        {"field": "score", "title": _("Score"), "format": ".3f"},
        {"field": "rank", "title": _("Rank")},
        # "%%" with "% {}": a bare "% o" would read as a format directive to gettext.
        {"field": "p5", "title": _("Best rank in 90%% of simulations") % {}},
        {"field": "p95", "title": _("Worst rank in 90%% of simulations") % {}},
    ]
    body = {
        "data": {"values": rows},
        "height": {"step": 20},
        "layer": [
            {
                "mark": {"type": "rule", "strokeWidth": 3, "color": "#9dbde2"},
                "encoding": {
                    "y": y,
                    "x": {"field": "p5", "type": "quantitative", "scale": scale, "axis": rank_axis},
                    "x2": {"field": "p95"},
                },
            },
            {
                "mark": {"type": "tick", "orient": "vertical", "color": MUTED, "size": 12},
                "encoding": {"y": y, "x": {"field": "median", "type": "quantitative"}},
            },
            {
                "mark": {"type": "point", "filled": True, "size": 70, "color": _BRAND},
                "encoding": {
                    "y": y,
                    "x": {"field": "rank", "type": "quantitative"},
                    "tooltip": tooltip,
                },
            },
        ],
    }
    subtitle = (
        _(
            "Point: rank. Line: ranks taken in 90%% of the simulations (5th to 95th percentile). "
            "Tick: median rank."
        )
        % {}
    )
    return chart_spec(title=title, subtitle=subtitle, description=description, body=body)


def _present_series(
    targets: Mapping[int, float],
    actuals: Mapping[float, float],
    forecast: Sequence[tuple[float, float]],
    baseline: float | None,
) -> list[tuple[str, bool]]:
    present = [
        ("target", bool(targets)),
        ("actual", bool(actuals)),
        ("forecast", bool(forecast)),
        ("baseline", baseline is not None),
    ]
    return [(key, flag) for key, flag in present if flag]


def _layer(
    points: Sequence[tuple[float, float, str]], mark: dict[str, Any], encoding: dict[str, Any]
) -> dict[str, Any]:
    rows = [{"year": year, "value": value, "series": name} for year, value, name in points]
    return {"data": {"values": rows}, "mark": mark, "encoding": encoding}
