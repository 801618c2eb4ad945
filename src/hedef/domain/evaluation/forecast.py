"""Forecasts to the target year: where the current trend leads, and when.

Two trends are fitted by least squares to every observation of a series:

- **linear**: value = a + b·t, the pace of an indicator that grows by a steady
  amount a year;
- **compound** (log-linear): ln(value) = a + g·t, i.e. a constant annual growth
  rate CAGR = e^g − 1, for indicators that grow by a steady share; it needs every
  value to be positive.

The target is reached in the first whole year at or after the crossing of the
fitted trend with the target, and never earlier than the year after the last
observation (a fit can cross before the data do). A trend moving away from the
target never reaches it. Crossings later than the horizon (by default four years
after the target year) are reported as "not before" the horizon year, because a
straight line drawn far beyond the data says little.

With ``method=None`` the compound trend is used when it applies and fits the
observations better (smaller squared error in the indicator's own units), the
linear one otherwise; the result always names the method used.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from hedef.domain.core.i18n import gettext as _
from hedef.domain.evaluation.series import Point, clean_series
from hedef.domain.plans.model import Direction

__all__ = [
    "DEFAULT_HORIZON_YEARS",
    "Forecast",
    "ForecastMethod",
    "Trend",
    "compound_trend",
    "forecast",
    "forecast_sentence",
    "linear_trend",
]

DEFAULT_HORIZON_YEARS = 4
MIN_OBSERVATIONS = 2

NOTE_TOO_FEW = "too_few_observations"
NOTE_NOT_POSITIVE = "compound_trend_needs_positive_values"
NOTE_NOT_REACHED = "trend_does_not_reach_target"


class ForecastMethod(StrEnum):
    """Trend fitted to the observations."""

    LINEAR = "linear"
    COMPOUND = "compound"


@dataclass(frozen=True)
class Trend:
    """A fitted trend around the mean year ``centre``.

    Linear: value = level + slope·(t − centre). Compound: ln(value) = level +
    slope·(t − centre); ``annual_rate`` is then e^slope − 1, the CAGR.
    """

    method: ForecastMethod
    centre: float
    level: float
    slope: float
    squared_error: float

    @property
    def annual_rate(self) -> float:
        """Change per year: units per year (linear) or growth rate (compound)."""
        return math.expm1(self.slope) if self.method is ForecastMethod.COMPOUND else self.slope

    def value_at(self, year: float) -> float:
        """The trend's value in ``year``."""
        fitted = self.level + self.slope * (year - self.centre)
        return math.exp(fitted) if self.method is ForecastMethod.COMPOUND else fitted

    def crossing(self, target: float) -> float | None:
        """The (fractional) year the trend equals ``target``; ``None`` if flat or undefined."""
        if self.slope == 0:
            return None
        if self.method is ForecastMethod.COMPOUND:
            if target <= 0:
                return None
            return self.centre + (math.log(target) - self.level) / self.slope
        return self.centre + (target - self.level) / self.slope


@dataclass(frozen=True)
class Forecast:
    """Where the trend leads by ``target_year`` and the year the target is reached.

    ``reached_year`` is ``None`` when the target is not reached by
    ``horizon_year`` (or the trend moves away from it); ``already_reached`` is set
    when the latest observation meets the target.
    """

    method: ForecastMethod | None
    trend: Trend | None
    target: float
    target_year: float
    direction: Direction
    value_at_target_year: float | None
    reached_year: int | None
    already_reached: bool
    horizon_year: int
    last: Point | None
    notes: tuple[str, ...] = ()

    @property
    def on_track(self) -> bool:
        """Whether the target is met now or will be by the target year at this pace."""
        if self.already_reached:
            return True
        return self.reached_year is not None and self.reached_year <= self.target_year


def linear_trend(points: tuple[Point, ...]) -> Trend:
    """Least-squares straight line through ``points`` (at least two years)."""
    years, values = _arrays(points)
    centre = float(years.mean())
    slope, level = np.polyfit(years - centre, values, 1)
    fitted = level + slope * (years - centre)
    return Trend(
        ForecastMethod.LINEAR, centre, float(level), float(slope), _squared(values, fitted)
    )


def compound_trend(points: tuple[Point, ...]) -> Trend | None:
    """Least-squares log-linear trend through ``points``; ``None`` unless all are positive."""
    years, values = _arrays(points)
    if np.any(values <= 0):
        return None
    centre = float(years.mean())
    slope, level = np.polyfit(years - centre, np.log(values), 1)
    fitted = np.exp(level + slope * (years - centre))
    return Trend(
        ForecastMethod.COMPOUND, centre, float(level), float(slope), _squared(values, fitted)
    )


def forecast(
    observations: Mapping[float, float | None],
    *,
    target: float,
    target_year: float,
    direction: Direction,
    method: ForecastMethod | None = None,
    horizon_years: int = DEFAULT_HORIZON_YEARS,
) -> Forecast:
    """Project ``observations`` to ``target_year`` and find when ``target`` is reached.

    Args:
        observations: (fractional) year → value; missing values are ignored.
        target: the value to reach.
        target_year: the year it is due.
        direction: whether the target is a floor (higher is better) or a ceiling.
        method: linear or compound; ``None`` picks the better-fitting applicable one.
        horizon_years: how far after ``target_year`` a crossing is still reported.
    """
    points = clean_series(observations)
    horizon_year = math.ceil(target_year) + horizon_years
    empty = Forecast(
        method=method,
        trend=None,
        target=target,
        target_year=target_year,
        direction=direction,
        value_at_target_year=None,
        reached_year=None,
        already_reached=False,
        horizon_year=horizon_year,
        last=points[-1] if points else None,
    )
    if points and _meets(points[-1].value, target, direction):
        return replace(empty, already_reached=True)
    if len(points) < MIN_OBSERVATIONS:
        return replace(empty, notes=(NOTE_TOO_FEW,))
    trend = _trend(points, method)
    if trend is None:
        return replace(empty, notes=(NOTE_NOT_POSITIVE,))
    reached = _reached_year(trend, target, direction, after=points[-1].year)
    notes: tuple[str, ...] = () if reached is not None else (NOTE_NOT_REACHED,)
    if reached is not None and reached > horizon_year:
        reached, notes = None, ()
    return Forecast(
        method=trend.method,
        trend=trend,
        target=target,
        target_year=target_year,
        direction=direction,
        value_at_target_year=trend.value_at(target_year),
        reached_year=reached,
        already_reached=False,
        horizon_year=horizon_year,
        last=points[-1],
        notes=notes,
    )


def forecast_sentence(result: Forecast) -> str:
    """A plain translated sentence: "At the current pace the 2029 target is reached in 2028"."""
    target_year = _year_label(result.target_year)
    if result.already_reached:
        return _("The %(target_year)s target has already been reached.") % {
            "target_year": target_year
        }
    if result.trend is None:
        return _("There are too few observations to forecast the %(target_year)s target.") % {
            "target_year": target_year
        }
    if result.reached_year is None:
        return _(
            "At the current pace the %(target_year)s target is not reached before %(year)s."
        ) % {"target_year": target_year, "year": result.horizon_year}
    return _("At the current pace the %(target_year)s target is reached in %(year)s.") % {
        "target_year": target_year,
        "year": result.reached_year,
    }


def _trend(points: tuple[Point, ...], method: ForecastMethod | None) -> Trend | None:
    if method is ForecastMethod.LINEAR:
        return linear_trend(points)
    compound = compound_trend(points)
    if method is ForecastMethod.COMPOUND or compound is None:
        return compound if method is ForecastMethod.COMPOUND else linear_trend(points)
    linear = linear_trend(points)
    return compound if compound.squared_error < linear.squared_error else linear


def _reached_year(trend: Trend, target: float, direction: Direction, *, after: float) -> int | None:
    sign = 1 if direction is Direction.HIGHER_IS_BETTER else -1
    if sign * trend.slope <= 0:
        return None
    crossing = trend.crossing(target)
    if crossing is None:
        return None
    # Not before the first whole year after the last observation.
    return max(math.ceil(crossing), math.floor(after) + 1)


def _meets(value: float, target: float, direction: Direction) -> bool:
    return value >= target if direction is Direction.HIGHER_IS_BETTER else value <= target


def _arrays(points: tuple[Point, ...]) -> tuple[NDArray[np.float64], ...]:
    years = np.fromiter((point.year for point in points), dtype=np.float64, count=len(points))
    values = np.fromiter((point.value for point in points), dtype=np.float64, count=len(points))
    return years, values


def _squared(values: NDArray[np.float64], fitted: NDArray[np.float64]) -> float:
    return float(np.sum((values - fitted) ** 2))


def _year_label(year: float) -> str:
    return str(int(year)) if float(year).is_integer() else f"{year:g}"
