"""Progress status of a series, exactly as Open SDG's sdg-build computes it.

:func:`sdg_compatible_progress` takes the inputs of one sdg-build
``SeriesProgress`` configuration (observations, ``base_year``, ``target``,
``target_year``, ``direction``, ``limit``, ``progress_thresholds``) and returns the
same status and score, so that a Hədəf portal and an Open SDG portal fed the same
series agree. The rules, in the order they are applied:

1. Years written with more than four characters ("2015-2016", "2026.5") are cut
   to their first four, for every observation, once any one is longer.
2. Missing values are dropped; two values left in one year are an error.
3. The current point is the latest observation; the base point is the one in
   ``base_year`` (default 2015) or else the first one after it.
4. A target of exactly 0 becomes 0.001, and so does a base value of 0, because
   the compound growth rate divides by both.
5. ``direction`` is "positive" (higher is better) only when spelt so; anything
   else, including nothing, means lower is better.
6. The target counts as achieved as soon as the current value reaches it, even
   with a single observation; the status is then ``target_achieved``, score 5.
7. Otherwise the progress value is the signed compound growth (no target) or the
   signed ratio of observed to required compound growth (with a target), compared
   with the thresholds of :mod:`growth`; base and current values of opposite
   signs, or fewer than two distinct years, give ``not_available``.

Where sdg-build would crash on an accident of its data handling rather than
reject the input on purpose (a base year after every observation, a target year
equal to the base year, a negative target over a positive base), the status is
``not_available`` with no score. Its deliberate rejection, duplicate years, is
kept as :class:`DuplicateObservation`.

The thresholds, the growth formulas and the score lines live in :mod:`growth`;
the explicit-direction variant with linear rates, fractional years and staged
targets is :func:`hedef.domain.evaluation.path_progress.progress_status`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from hedef.domain.evaluation.errors import DuplicateObservation
from hedef.domain.evaluation.growth import (
    WITH_TARGET,
    WITHOUT_TARGET,
    IndicatorProgress,
    Thresholds,
    compound_growth,
    limit_coefficient,
    score_with_target,
    score_without_target,
    status_from_score,
    status_from_value,
)
from hedef.domain.evaluation.series import is_missing

__all__ = [
    "SDG_DEFAULT_BASE_YEAR",
    "SDG_DEFAULT_TARGET_YEAR",
    "SDG_ZERO_REPLACEMENT",
    "SdgProgress",
    "sdg_compatible_indicator_progress",
    "sdg_compatible_progress",
]

SDG_DEFAULT_BASE_YEAR = 2015
SDG_DEFAULT_TARGET_YEAR = 2030
SDG_ZERO_REPLACEMENT = 0.001
_POSITIVE = "positive"
_YEAR_DIGITS = 4

# Years as sdg-build may meet them: 2015, 2015.0, "2015", "2015-2016".
Observations = Mapping[Any, float | None] | Iterable[tuple[Any, float | None]]


@dataclass(frozen=True)
class SdgProgress:
    """Status, score and the components sdg-build reports for one series.

    ``direction`` is +1 (higher is better) or −1; ``method`` is 1 without a target
    and 2 with one; ``progress_value`` is the number compared with ``thresholds``.
    """

    status: IndicatorProgress
    score: float | None
    progress_value: float | None
    target_achieved: bool
    method: int
    direction: int
    sign: int | None
    thresholds: Thresholds
    coefficient: float | None
    base_year: float | None
    base_value: float | None
    current_year: float | None
    current_value: float | None
    target: float | None
    target_year: float


def sdg_compatible_progress(
    observations: Observations,
    *,
    base_year: float = SDG_DEFAULT_BASE_YEAR,
    target: float | None = None,
    target_year: float = SDG_DEFAULT_TARGET_YEAR,
    direction: str | None = None,
    limit: float | None = None,
    progress_thresholds: Mapping[str, float] | None = None,
) -> SdgProgress:
    """Progress status and score of one series by sdg-build's rules.

    Args:
        observations: year → value, as a mapping or (year, value) pairs; years may
            be integers, floats or strings such as "2015-2016".
        base_year: year from which growth is measured (default 2015).
        target: target value, or ``None`` for the no-target method.
        target_year: year by which ``target`` is due (default 2030).
        direction: "positive" for higher is better; anything else means lower is
            better (sdg-build's default, kept here on purpose).
        limit: natural floor or ceiling that shrinks the no-target thresholds.
        progress_thresholds: overrides for "high", "med" and "low".

    Returns:
        The status key, the score in [−5, 5] (``None`` when not available) and the
        calculation components.

    Raises:
        DuplicateObservation: when two values fall in the same (cut) year.
    """
    if target == 0:
        target = SDG_ZERO_REPLACEMENT
    sign_of_direction = 1 if direction == _POSITIVE else -1
    method = 1 if target is None else 2
    points = _filtered_points(observations)
    empty = SdgProgress(
        status=IndicatorProgress.NOT_AVAILABLE,
        score=None,
        progress_value=None,
        target_achieved=False,
        method=method,
        direction=sign_of_direction,
        sign=None,
        thresholds=WITHOUT_TARGET if method == 1 else WITH_TARGET,
        coefficient=None,
        base_year=None,
        base_value=None,
        current_year=None,
        current_value=None,
        target=target,
        target_year=target_year,
    )
    if not points:
        return empty
    current_year, current_value = points[-1]
    base = _base_point(points, base_year)
    if base is None:
        return replace(empty, current_year=current_year, current_value=current_value)
    chosen_base_year, base_value = base
    sign = -1 if base_value < 0 else 1
    thresholds, coefficient = _thresholds(
        method=method, base_value=base_value, limit=limit, overrides=progress_thresholds or {}
    )
    achieved = _target_achieved(target, current_value, sign_of_direction)
    if base_value == 0:
        base_value = SDG_ZERO_REPLACEMENT
    value = _progress_value(
        method=method,
        sign=sign * sign_of_direction,
        base=(chosen_base_year, base_value),
        current=(current_year, current_value),
        target=target,
        target_year=target_year,
        base_observed=chosen_base_year == base_year,
    )
    return SdgProgress(
        status=status_from_value(value, thresholds, target_achieved=achieved),
        score=_score(value, method, thresholds, coefficient, achieved),
        progress_value=value,
        target_achieved=achieved,
        method=method,
        direction=sign_of_direction,
        sign=sign,
        thresholds=thresholds,
        coefficient=coefficient,
        base_year=chosen_base_year,
        base_value=base_value,
        current_year=current_year,
        current_value=current_value,
        target=target,
        target_year=target_year,
    )


def sdg_compatible_indicator_progress(
    series: Sequence[SdgProgress],
) -> tuple[float | None, IndicatorProgress]:
    """Combine several series of one indicator as sdg-build's ``IndicatorProgress`` does.

    The indicator score is the mean of the series scores that exist; the status
    is read back from that score, and is ``target_achieved`` only when every
    scored series achieved its target. With no score at all the status is
    ``not_available`` (sdg-build leaves it an empty string).
    """
    scored = [item for item in series if item.score is not None]
    if not scored:
        return None, IndicatorProgress.NOT_AVAILABLE
    # numpy's mean, as sdg-build uses, so that the last digit agrees too.
    score = float(np.mean([item.score for item in scored]))
    achieved = all(item.target_achieved for item in scored)
    return score, status_from_score(score, target_achieved=achieved)


def _filtered_points(observations: Observations) -> list[tuple[float, float]]:
    """Observed (year, value) pairs in year order, after year cutting and NA removal."""
    pairs = list(observations.items() if isinstance(observations, Mapping) else observations)
    if any(len(str(year)) > _YEAR_DIGITS for year, _ in pairs):
        pairs = [(int(str(year)[:_YEAR_DIGITS]), value) for year, value in pairs]
    kept = [(float(year), float(value)) for year, value in pairs if not is_missing(value)]
    seen: dict[float, float] = {}
    for year, value in kept:
        if year in seen:
            raise DuplicateObservation(
                f"two values for year {year:g}: {seen[year]:g} and {value:g}",
                year=year,
                values=(seen[year], value),
            )
        seen[year] = value
    return sorted(kept)


def _base_point(points: list[tuple[float, float]], base_year: float) -> tuple[float, float] | None:
    """The observation of ``base_year``, or else the first one after it."""
    for year, value in points:
        if year >= base_year:
            return year, value
    return None


def _thresholds(
    *, method: int, base_value: float, limit: float | None, overrides: Mapping[str, float]
) -> tuple[Thresholds, float | None]:
    """Default thresholds of the method, updated by ``overrides``, reduced near ``limit``."""
    default = WITHOUT_TARGET if method == 1 else WITH_TARGET
    thresholds = Thresholds(
        high=float(overrides.get("high", default.high)),
        med=float(overrides.get("med", default.med)),
        low=float(overrides.get("low", default.low)),
    )
    # A limit only matters without a target; sdg-build ignores it otherwise.
    if method == 1 and limit is not None:
        coefficient = limit_coefficient(base=base_value, limit=limit)
        return thresholds.scaled(coefficient), coefficient
    return thresholds, None


def _target_achieved(target: float | None, current: float, direction: int) -> bool:
    if target is None:
        return False
    return current >= target if direction == 1 else current <= target


def _progress_value(
    *,
    method: int,
    sign: int,
    base: tuple[float, float],
    current: tuple[float, float],
    target: float | None,
    target_year: float,
    base_observed: bool,
) -> float | None:
    """Signed growth (method 1) or signed growth ratio (method 2); ``None`` if undefined."""
    base_year, base_value = base
    current_year, current_value = current
    if (base_value > 0 > current_value) or (base_value < 0 < current_value):
        return None
    if current_year - base_year < 1:
        return None
    observed = compound_growth(
        current=current_value, base=base_value, current_year=current_year, base_year=base_year
    )
    if method == 1:
        return sign * observed
    assert target is not None
    required = _required_growth(
        target / base_value, target_year - base_year, base_observed=base_observed
    )
    if math.isnan(required):
        return None
    if required == 0:
        # Floating-point division as sdg-build's numpy scalars do it: ±inf, or NaN for 0/0.
        return math.nan if observed == 0 else math.copysign(math.inf, sign * observed)
    return sign * observed / required


def _required_growth(ratio: float, span: float, *, base_observed: bool) -> float:
    """Absolute compound growth needed to turn the base into the target over ``span`` years.

    This follows sdg-build's arithmetic where it leaves the real numbers, so that
    odd inputs give the same answers there and here:

    - a target year equal to the base year gives an infinite exponent (numpy's
      1 / 0), so the rate is 0, 1 or infinite depending on the ratio;
    - a negative target over a positive base (or the reverse) has no real root:
      when the configured base year was observed, sdg-build's plain Python floats
      produce a complex root and use its modulus; when the base year was moved to
      the next observation, numpy integers produce NaN.
    """
    exponent = math.inf if span == 0 else 1.0 / span
    if ratio < 0 and math.isfinite(exponent) and not exponent.is_integer():
        if not base_observed:
            return math.nan
        return abs(complex(ratio) ** exponent - 1.0)
    try:
        return abs(float(ratio**exponent) - 1.0)
    except OverflowError:
        return math.inf


def _score(
    value: float | None,
    method: int,
    thresholds: Thresholds,
    coefficient: float | None,
    achieved: bool,
) -> float | None:
    if achieved:
        return 5.0
    if value is None:
        return None
    if method == 1:
        scale = 1.0 if coefficient is None else coefficient
        return score_without_target(value, thresholds, coefficient=scale)
    return score_with_target(value, thresholds)
