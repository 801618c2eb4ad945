"""Progress status judged against the path the plan sets, where sdg-build is weak.

The statuses, thresholds and scores are those of :mod:`growth` (Statistics Canada
/ Eurostat), with four changes for national strategies:

- **Direction is explicit.** The caller passes a :class:`Direction`; there is no
  default, so a forgotten direction is an error, not "lower is better".
- **Linear rates beside compound ones.** A count that starts at zero ("number of
  AI solutions deployed": 0 in 2024) has no compound growth rate; sdg-build
  replaces the zero by 0.001 and reports absurd rates. Here the rate is chosen:
  ``COMPOUND`` (refuses a base ≤ 0), ``LINEAR`` (average change per year), or
  ``AUTO`` (compound when base, current value and target are all positive,
  linear otherwise, and the result says so).
- **Fractional years.** Semi-annual observations are dated 2026.5 and every
  duration is a difference of such dates; nothing is cut to four digits.
- **Staged targets.** With several target years (2026: 40, 2027: 60, 2029: 90)
  the progress is judged against the next stage still ahead of or at the current
  observation, along the path from the base to that stage; ``target_achieved``
  still means the final target is met.

With a target the progress value is ``observed rate / required rate``, signed so
that a positive value moves in the desired direction; without one it is the
relative change per year (compound growth, or linear change divided by the base).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from hedef.domain.evaluation.growth import (
    WITH_TARGET,
    WITHOUT_TARGET,
    IndicatorProgress,
    Thresholds,
    compound_growth,
    linear_growth,
    score_with_target,
    score_without_target,
    status_from_value,
)
from hedef.domain.evaluation.series import Point, clean_series, first_at_or_after
from hedef.domain.plans.model import Direction

__all__ = ["Progress", "Rate", "progress_status", "stage_ahead"]


class Rate(StrEnum):
    """Kind of growth rate: compound, linear, or chosen from the values."""

    COMPOUND = "compound"
    LINEAR = "linear"
    AUTO = "auto"


# Stable note keys (translated by the web shell).
NOTE_LINEAR_FOR_NON_POSITIVE = "linear_rate_for_non_positive_values"
NOTE_COMPOUND_NEEDS_POSITIVE = "compound_rate_needs_positive_values"
NOTE_ONE_OBSERVATION = "fewer_than_two_observations"
NOTE_NO_BASE = "no_observation_at_or_after_base_year"
NOTE_STAGE_MET = "stage_target_met"
NOTE_STAGE_NOT_AHEAD = "stage_target_not_ahead_of_base"
NOTE_ZERO_BASE_WITHOUT_TARGET = "zero_base_without_target"


@dataclass(frozen=True)
class Progress:
    """Progress of one series: the status key, its score and what it was judged on.

    ``value`` is the growth ratio (with a target) or the relative annual change
    (without); ``stage_year``/``stage_target`` are the target it was judged
    against, which is the final one unless a nearer stage was ahead.
    """

    status: IndicatorProgress
    score: float | None
    value: float | None
    rate: Rate | None
    direction: Direction
    base: Point | None
    current: Point | None
    stage_year: float | None
    stage_target: float | None
    final_target_achieved: bool
    notes: tuple[str, ...] = ()


def progress_status(
    observations: Mapping[float, float | None],
    *,
    direction: Direction,
    targets: Mapping[float, float] | None = None,
    base_year: float | None = None,
    baseline: Point | None = None,
    rate: Rate = Rate.AUTO,
    staged: bool = True,
    thresholds: Thresholds | None = None,
) -> Progress:
    """Judge the latest observation against the plan's path.

    Args:
        observations: (fractional) year → value; missing values are ignored.
        direction: whether higher or lower values are better; required.
        targets: target year → target value; several years are stages, the
            latest is the final target. ``None`` or empty: no-target method.
        base_year: first year to measure from; the earliest observation at or
            after it is the base. Default: the earliest observation.
        baseline: the plan's baseline point, used as an observation when the
            series does not contain its year.
        rate: compound, linear, or automatic choice (see the module docstring).
        staged: judge against the next stage (``True``) or the final target only.
        thresholds: override the Statistics Canada thresholds of the method.

    Returns:
        A :class:`Progress`; ``not_available`` with a note when no rate exists.
    """
    points = _points(observations, baseline)
    targets = dict(targets or {})
    final = max(targets.items()) if targets else None
    if not points:
        return _unavailable(direction, rate, None, None, final, (NOTE_ONE_OBSERVATION,))
    current = points[-1]
    achieved = final is not None and _meets(current.value, final[1], direction)
    if achieved:
        assert final is not None
        return Progress(
            status=IndicatorProgress.TARGET_ACHIEVED,
            score=5.0,
            value=None,
            rate=None,
            direction=direction,
            base=None,
            current=current,
            stage_year=final[0],
            stage_target=final[1],
            final_target_achieved=True,
        )
    base = first_at_or_after(points, base_year) if base_year is not None else points[0]
    if base is None:
        return _unavailable(direction, rate, None, current, final, (NOTE_NO_BASE,))
    if current.year <= base.year:
        return _unavailable(direction, rate, base, current, final, (NOTE_ONE_OBSERVATION,))
    if final is None:
        return _without_target(base, current, direction, rate, thresholds or WITHOUT_TARGET)
    stage = final
    if staged:
        stage = stage_ahead(targets, current_year=current.year, base_year=base.year)
    return _with_target(base, current, stage, direction, rate, thresholds or WITH_TARGET)


def stage_ahead(
    targets: Mapping[float, float], *, current_year: float, base_year: float
) -> tuple[float, float]:
    """The stage a series is judged against: the first target year at or after ``current_year``.

    Stages dated at or before the base year cannot be reached from it and are
    skipped; past the last stage, the final target is used.
    """
    ordered = sorted(targets.items())
    for year, value in ordered:
        if year > base_year and year >= current_year:
            return year, value
    return ordered[-1]


def _points(
    observations: Mapping[float, float | None], baseline: Point | None
) -> tuple[Point, ...]:
    points = clean_series(observations)
    if baseline is not None and all(point.year != baseline.year for point in points):
        points = tuple(sorted((*points, baseline)))
    return points


def _meets(value: float, target: float, direction: Direction) -> bool:
    if direction is Direction.HIGHER_IS_BETTER:
        return value >= target
    return value <= target


def _sign(direction: Direction) -> int:
    return 1 if direction is Direction.HIGHER_IS_BETTER else -1


def _chosen_rate(rate: Rate, *values: float) -> tuple[Rate | None, tuple[str, ...]]:
    """Resolve ``AUTO`` and refuse a compound rate over values that are not all positive."""
    positive = all(value > 0 for value in values)
    if rate is Rate.AUTO:
        return (Rate.COMPOUND, ()) if positive else (Rate.LINEAR, (NOTE_LINEAR_FOR_NON_POSITIVE,))
    if rate is Rate.COMPOUND and not positive:
        return None, (NOTE_COMPOUND_NEEDS_POSITIVE,)
    return rate, ()


def _rate_between(rate: Rate, start: Point, end: Point) -> float:
    if rate is Rate.COMPOUND:
        return compound_growth(
            current=end.value, base=start.value, current_year=end.year, base_year=start.year
        )
    return linear_growth(
        current=end.value, base=start.value, current_year=end.year, base_year=start.year
    )


def _without_target(
    base: Point, current: Point, direction: Direction, rate: Rate, thresholds: Thresholds
) -> Progress:
    chosen, notes = _chosen_rate(rate, base.value, current.value)
    if chosen is None:
        return _unavailable(direction, rate, base, current, None, notes)
    if chosen is Rate.LINEAR and base.value == 0:
        # A relative change per year needs a non-zero base.
        return _unavailable(
            direction, chosen, base, current, None, (*notes, NOTE_ZERO_BASE_WITHOUT_TARGET)
        )
    growth = _rate_between(chosen, base, current)
    if chosen is Rate.LINEAR:
        growth /= abs(base.value)
    value = _sign(direction) * growth
    return Progress(
        status=status_from_value(value, thresholds),
        score=score_without_target(value, thresholds),
        value=value,
        rate=chosen,
        direction=direction,
        base=base,
        current=current,
        stage_year=None,
        stage_target=None,
        final_target_achieved=False,
        notes=notes,
    )


def _with_target(
    base: Point,
    current: Point,
    stage: tuple[float, float],
    direction: Direction,
    rate: Rate,
    thresholds: Thresholds,
) -> Progress:
    stage_point = Point(*stage)
    chosen, notes = _chosen_rate(rate, base.value, current.value, stage_point.value)
    if chosen is None:
        return _unavailable(direction, rate, base, current, stage, notes)
    sign = _sign(direction)
    value: float | None = None
    score: float | None = None
    if sign * (stage_point.value - base.value) > 0 and stage_point.year > base.year:
        # Meeting the stage early means a rate at least the required one, so a met
        # stage always lands in substantial progress without a special case.
        required = abs(_rate_between(chosen, base, stage_point))
        value = sign * _rate_between(chosen, base, current) / required
        status = status_from_value(value, thresholds)
        score = score_with_target(value, thresholds)
    elif _meets(current.value, stage_point.value, direction):
        # The stage asks for no movement from the base and the series holds it.
        status, notes = IndicatorProgress.SUBSTANTIAL_PROGRESS, (*notes, NOTE_STAGE_MET)
    else:
        status, notes = IndicatorProgress.DETERIORATION, (*notes, NOTE_STAGE_NOT_AHEAD)
    return Progress(
        status=status,
        score=score,
        value=value,
        rate=chosen,
        direction=direction,
        base=base,
        current=current,
        stage_year=stage_point.year,
        stage_target=stage_point.value,
        final_target_achieved=False,
        notes=notes,
    )


def _unavailable(
    direction: Direction,
    rate: Rate | None,
    base: Point | None,
    current: Point | None,
    stage: tuple[float, float] | None,
    notes: tuple[str, ...],
) -> Progress:
    return Progress(
        status=IndicatorProgress.NOT_AVAILABLE,
        score=None,
        value=None,
        rate=rate,
        direction=direction,
        base=base,
        current=current,
        stage_year=stage[0] if stage else None,
        stage_target=stage[1] if stage else None,
        final_target_achieved=False,
        notes=notes,
    )
