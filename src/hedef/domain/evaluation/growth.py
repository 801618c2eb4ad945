"""The progress measure's building blocks: growth rates, thresholds, statuses, scores.

The method is Statistics Canada's progress assessment for the Sustainable
Development Goals, itself derived from Eurostat's, as Open SDG implements it in
sdg-build ``sdg/ProgressMeasure.py``:

- without a target, the compound annual growth rate between the base and the
  current observation, signed so that a positive rate is the desired direction,
  is compared with 1.5 %, 0.5 % and 0 per year;
- with a target, the ratio of that observed rate to the rate required to go from
  the base to the target by the target year is compared with 0.95, 0.60 and 0;
- a score in [−5, 5] is a piecewise-linear function of the same value, and an
  indicator status can be read back from a (mean) score.

The functions here take plain numbers and return numbers or status keys; picking
the base and current points is left to ``progress`` and ``path_progress``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "LIMIT_EXPONENT",
    "SCORE_MAX",
    "SCORE_MIN",
    "WITHOUT_TARGET",
    "WITH_TARGET",
    "IndicatorProgress",
    "Thresholds",
    "compound_growth",
    "limit_coefficient",
    "linear_growth",
    "score_with_target",
    "score_without_target",
    "status_from_score",
    "status_from_value",
]


class IndicatorProgress(StrEnum):
    """Stable keys of the progress statuses (translated by the web shell)."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


@dataclass(frozen=True)
class Thresholds:
    """Lower bounds of substantial (``high``), moderate (``med``) and limited (``low``) progress."""

    high: float
    med: float
    low: float

    def scaled(self, coefficient: float) -> Thresholds:
        """The three thresholds multiplied by ``coefficient``."""
        return Thresholds(self.high * coefficient, self.med * coefficient, self.low * coefficient)


# Ratio of observed to required growth (Statistics Canada, methodology 2).
WITH_TARGET = Thresholds(high=0.95, med=0.60, low=0.0)
# Observed compound annual growth in the desired direction (methodology 1).
WITHOUT_TARGET = Thresholds(high=0.015, med=0.005, low=0.0)

SCORE_MAX = 5.0
SCORE_MIN = -5.0
# Steepness of the threshold reduction near a natural limit (sdg-build's ``a``).
LIMIT_EXPONENT = 4.44

# Score lines for methodology 2, as sdg-build writes them (rounded slopes, kept as
# published so that scores agree to the last digit): the upper line passes through
# (0.60, 0) and (0.95, 2.5), the lower one through (0, −2.5) and (0.60, 0).
_UPPER_SLOPE, _UPPER_INTERCEPT = 7.1429, -4.2857
_LOWER_SLOPE, _LOWER_INTERCEPT = 4.1667, -2.5
# Score lines for methodology 1, at the default thresholds 1.5 % / 0.5 % / 0.
_M1_HIGH = (500.0, -5.0)
_M1_MED = (250.0, -1.25)
_M1_LOW = (500.0, -2.5)
_M1_NEGATIVE = (125.0, -2.5)
_SCORE_SUBSTANTIAL = 2.5
_SCORE_MODERATE = 0.0
_SCORE_LIMITED = -2.5


def compound_growth(*, current: float, base: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate from ``base`` to ``current``.

    Returns NaN where the rate is not a real number (values of opposite signs).

    Raises:
        ZeroDivisionError: when the two years are equal.
    """
    ratio = current / base
    exponent = 1.0 / (current_year - base_year)
    if ratio < 0:
        return math.nan
    if ratio == 0:
        return -1.0 if exponent > 0 else math.inf
    try:
        return float(ratio**exponent - 1.0)
    except OverflowError:
        return math.inf


def linear_growth(*, current: float, base: float, current_year: float, base_year: float) -> float:
    """Average absolute change per year from ``base`` to ``current``.

    Raises:
        ZeroDivisionError: when the two years are equal.
    """
    return (current - base) / (current_year - base_year)


def status_from_value(
    value: float | None, thresholds: Thresholds, *, target_achieved: bool = False
) -> IndicatorProgress:
    """Compare a progress value (a growth rate or a growth ratio) with ``thresholds``."""
    if target_achieved:
        return IndicatorProgress.TARGET_ACHIEVED
    if value is None or math.isnan(value):
        return IndicatorProgress.NOT_AVAILABLE
    if value >= thresholds.high:
        return IndicatorProgress.SUBSTANTIAL_PROGRESS
    if value >= thresholds.med:
        return IndicatorProgress.MODERATE_PROGRESS
    if value >= thresholds.low:
        return IndicatorProgress.LIMITED_PROGRESS
    return IndicatorProgress.DETERIORATION


def score_with_target(value: float, thresholds: Thresholds = WITH_TARGET) -> float | None:
    """Score in [−5, 5] of a growth ratio (methodology 2); ``None`` for NaN.

    The lines are fixed at the default thresholds whatever ``thresholds`` says;
    only the switch between them follows ``thresholds.med``, as in sdg-build.
    """
    if math.isnan(value):
        return None
    # sdg-build tests ``high`` then ``med`` with the same line: custom thresholds
    # with ``high`` below ``med`` therefore move the switch down to ``high``.
    if value >= thresholds.high or value >= thresholds.med:
        return min(_UPPER_SLOPE * value + _UPPER_INTERCEPT, SCORE_MAX)
    return max(_LOWER_SLOPE * value + _LOWER_INTERCEPT, SCORE_MIN)


def score_without_target(
    value: float, thresholds: Thresholds = WITHOUT_TARGET, *, coefficient: float = 1.0
) -> float | None:
    """Score in [−5, 5] of an annual growth rate (methodology 1).

    ``thresholds`` are the ones actually compared with, already multiplied by
    ``coefficient`` when a natural limit reduced them; the positive branches
    divide the value by the same coefficient so that the lines stay on the
    default scale. A coefficient of zero (the base sits on the limit) turns any
    non-negative rate into the top score. NaN gives ``None``, except on a zero
    coefficient where sdg-build's order of tests gives 5.
    """
    if value < thresholds.low:
        slope, intercept = _M1_NEGATIVE
        return max(slope * value + intercept, SCORE_MIN)
    if coefficient == 0:
        return SCORE_MAX
    if math.isnan(value):
        return None
    if value >= thresholds.high:
        slope, intercept = _M1_HIGH
        return min(slope * value / coefficient + intercept, SCORE_MAX)
    if value >= thresholds.med:
        slope, intercept = _M1_MED
        return slope * value / coefficient + intercept
    slope, intercept = _M1_LOW
    return slope * value / coefficient + intercept


def status_from_score(score: float | None, *, target_achieved: bool = False) -> IndicatorProgress:
    """Read an indicator status back from a (mean) score in [−5, 5]."""
    if target_achieved:
        return IndicatorProgress.TARGET_ACHIEVED
    if score is None or math.isnan(score):
        return IndicatorProgress.NOT_AVAILABLE
    if score >= _SCORE_SUBSTANTIAL:
        return IndicatorProgress.SUBSTANTIAL_PROGRESS
    if score >= _SCORE_MODERATE:
        return IndicatorProgress.MODERATE_PROGRESS
    if score >= _SCORE_LIMITED:
        return IndicatorProgress.LIMITED_PROGRESS
    return IndicatorProgress.DETERIORATION


def limit_coefficient(*, base: float, limit: float) -> float:
    """Factor in [0, 1] that shrinks the no-target thresholds near a natural limit.

    A series already close to a floor or ceiling it cannot pass (a share near
    100 %, a rate near 0) cannot keep growing at 1.5 % a year; the closer the base
    is to the limit, the smaller the growth counted as substantial. Absolute
    values are compared, as in sdg-build.
    """
    base, limit = abs(base), abs(limit)
    if base >= 2 * limit:
        return 1.0
    if base <= limit:
        return 1.0 - float((base / limit) ** LIMIT_EXPONENT)
    return 1.0 - float(((2 * limit - base) / limit) ** LIMIT_EXPONENT)
