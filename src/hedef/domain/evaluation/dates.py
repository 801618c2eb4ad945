"""Calendar dates as the evaluation rules see them: fractional years and period labels.

The rules measure time in fractional years (methodology, "Conventions"): 2026.0
is 1 January 2026, 2026.5 is 1 July 2026 and 2027.0 the end of 2026. A reporting
period is dated by its end, so the first half of 2026 (1 January – 30 June) is
dated 2026.5 and the whole of 2026 is dated 2027.0. A yearly target is due at the
end of its year: the 2026 target is dated 2027.0, and so is a baseline stated for
2026 (the state at the end of that year).

Charts and tables label years the way plans write targets: the tick "2026" is
where the 2026 target is due, the end of 2026. :func:`year_end_axis` moves a date
onto that axis, so a value at the end of June 2026 is drawn halfway between the
ticks 2025 and 2026, and an annual value of 2026 right on the 2026 target.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta

__all__ = [
    "fractional_year",
    "period_label",
    "target_dates",
    "year_end_axis",
]

_MONTHS = 12
_HALF = 6
_QUARTER = 3


def fractional_year(day: date) -> float:
    """The end of ``day`` as a fractional year: 30 June 2026 → 2026.5, 31 December → 2027.0.

    A day that ends a month gives an exact twelfth, so semi-annual and quarterly
    periods land on .25, .5 and .75 whatever the length of the months; any other
    day is placed by its share of the days of its year.
    """
    following = day + timedelta(days=1)
    if following.day == 1:
        return following.year + (following.month - 1) / _MONTHS
    days = 366 if calendar.isleap(following.year) else 365
    return following.year + (following.timetuple().tm_yday - 1) / days


def target_dates(targets: Mapping[int, float]) -> dict[float, float]:
    """Yearly targets keyed by their due date: the 2026 target is due at 2027.0."""
    return {float(year + 1): value for year, value in targets.items()}


def year_end_axis(moment: float) -> float:
    """A fractional-year date on the chart axis whose tick ``Y`` is the end of year ``Y``."""
    return moment - 1.0


def period_label(start: date, end: date) -> str:
    """A reporting period's short label: "2026", "2026-S1", "2026-Q3" or "2026-01-15/2026-05-31".

    Whole calendar years, halves and quarters get the labels of the open data
    files; any other span is written as its ISO dates.
    """
    month_end = calendar.monthrange(end.year, end.month)[1]
    aligned = start.day == 1 and end.day == month_end and start.year == end.year
    months = end.month - start.month + 1
    if aligned and months == _MONTHS:
        return str(start.year)
    if aligned and months == _HALF and start.month in (1, 7):
        return f"{start.year}-S{1 if start.month == 1 else 2}"
    if aligned and months == _QUARTER and start.month in (1, 4, 7, 10):
        return f"{start.year}-Q{(start.month - 1) // _QUARTER + 1}"
    return f"{start.isoformat()}/{end.isoformat()}"
