"""Attainment: how much of the planned change from the baseline has happened.

For a year with target T, baseline B and actual A::

    attainment = (A − B) / (T − B)

0 means no change from the baseline, 1 means the target is met, values above 1
are over-achievement and are kept, not clipped; negative values mean the
indicator moved away from its target. For a lower-is-better indicator the
mirrored form (B − A) / (B − T) is the same number, so one formula serves both;
the direction decides the two cases where the formula has no meaning:

- **T = B** ("keep the level"): attainment is 1 when A is at T or on its better
  side and 0 otherwise (basis ``maintain_target``);
- **T on the wrong side of B** (a lower-is-better indicator allowed to rise up to
  a ceiling, a higher-is-better one allowed to fall down to a floor): the target
  is a threshold and attainment is again 1 or 0 (basis ``threshold_target``).

Cumulative (accumulating) indicators count a running total: "number of services
moved online since 2024". Their targets are running totals, and so are their
actuals; when an agency reports yearly increments instead, :func:`running_totals`
adds them to the baseline stock first. The formula is then the same.

A missing baseline falls back to the first observation of the series and the
result says so in its ``basis`` and ``notes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from hedef.domain.evaluation.series import clean_series, is_missing, point_at
from hedef.domain.plans.model import Direction, HeadlineIndicator

__all__ = [
    "Attainment",
    "AttainmentBasis",
    "attainment",
    "attainment_for_year",
    "indicator_attainment",
    "running_totals",
    "target_for_year",
]


class AttainmentBasis(StrEnum):
    """Which rule produced an attainment value."""

    BASELINE = "baseline"
    FIRST_OBSERVATION = "first_observation"
    MAINTAIN_TARGET = "maintain_target"
    THRESHOLD_TARGET = "threshold_target"
    NOT_AVAILABLE = "not_available"


# Stable note keys.
NOTE_BASELINE_FROM_FIRST_OBSERVATION = "baseline_from_first_observation"
NOTE_NO_ACTUAL = "no_actual_for_year"
NOTE_NO_TARGET = "no_target_for_year"
NOTE_NO_BASELINE = "no_baseline"
NOTE_TARGET_INTERPOLATED = "target_interpolated"
NOTE_FINAL_TARGET_USED = "final_target_used_after_last_target_year"
NOTE_TARGET_EQUALS_BASELINE = "target_equals_baseline"
NOTE_TARGET_AGAINST_DIRECTION = "target_against_direction"
NOTE_OVER_ACHIEVED = "over_achieved"
NOTE_RUNNING_TOTALS = "cumulative_running_totals_from_increments"


@dataclass(frozen=True)
class Attainment:
    """Attainment of one year; ``value`` is ``None`` when it cannot be computed.

    ``basis`` says which rule produced the value and ``notes`` carry stable keys
    for everything a reader should know (a baseline taken from the first
    observation, an interpolated target, over-achievement).
    """

    value: float | None
    basis: AttainmentBasis
    actual: float | None
    target: float | None
    baseline: float | None
    baseline_year: float | None
    notes: tuple[str, ...] = ()


def attainment(
    *, actual: float, target: float, baseline: float, direction: Direction
) -> Attainment:
    """Attainment of ``actual`` against ``target`` from ``baseline``; see the module docstring."""
    sign = 1 if direction is Direction.HIGHER_IS_BETTER else -1
    planned = target - baseline
    if planned == 0 or sign * planned < 0:
        met = sign * (actual - target) >= 0
        note = NOTE_TARGET_EQUALS_BASELINE if planned == 0 else NOTE_TARGET_AGAINST_DIRECTION
        basis = AttainmentBasis.THRESHOLD_TARGET
        if planned == 0:
            basis = AttainmentBasis.MAINTAIN_TARGET
        return Attainment(1.0 if met else 0.0, basis, actual, target, baseline, None, (note,))
    value = (actual - baseline) / planned
    notes = (NOTE_OVER_ACHIEVED,) if value > 1 else ()
    return Attainment(value, AttainmentBasis.BASELINE, actual, target, baseline, None, notes)


def attainment_for_year(
    year: float,
    *,
    observations: Mapping[float, float | None],
    targets: Mapping[float, float],
    direction: Direction,
    baseline: float | None = None,
    baseline_year: float | None = None,
    cumulative: bool = False,
    increments: bool = False,
) -> Attainment:
    """Attainment of one indicator in ``year``.

    Args:
        year: the (fractional) year evaluated.
        observations: year → actual value; for a cumulative indicator, running
            totals, or yearly increments when ``increments`` is set.
        targets: year → target value (running totals for a cumulative indicator);
            a year between two target years gets the linear interpolation, a
            year after the last one the final target.
        direction: whether higher or lower is better.
        baseline: baseline value; ``None`` falls back to the first observation.
        baseline_year: year of the baseline, used for interpolation and to start
            running totals.
        cumulative: whether the indicator accumulates.
        increments: whether ``observations`` are yearly increments to be summed.
    """
    notes: list[str] = []
    points = clean_series(observations)
    if cumulative and increments:
        stock = 0.0 if baseline is None or is_missing(baseline) else baseline
        points = clean_series(running_totals(observations, start=stock, start_year=baseline_year))
        notes.append(NOTE_RUNNING_TOTALS)
    basis = AttainmentBasis.BASELINE
    if is_missing(baseline):
        first = points[0] if points else None
        if first is None:
            return _unavailable(None, None, None, baseline_year, (*notes, NOTE_NO_BASELINE))
        baseline, baseline_year = first.value, first.year
        basis = AttainmentBasis.FIRST_OBSERVATION
        notes.append(NOTE_BASELINE_FROM_FIRST_OBSERVATION)
    assert baseline is not None
    target, target_notes = target_for_year(
        year, targets, baseline=baseline, baseline_year=baseline_year
    )
    notes.extend(target_notes)
    actual = point_at(points, year)
    if actual is None:
        notes.append(NOTE_NO_ACTUAL)
    if actual is None or target is None:
        return _unavailable(
            actual.value if actual else None, target, baseline, baseline_year, tuple(notes)
        )
    result = attainment(actual=actual.value, target=target, baseline=baseline, direction=direction)
    if result.basis is AttainmentBasis.BASELINE:
        result_basis = basis
    else:
        result_basis = result.basis
    return Attainment(
        value=result.value,
        basis=result_basis,
        actual=actual.value,
        target=target,
        baseline=baseline,
        baseline_year=baseline_year,
        notes=(*notes, *result.notes),
    )


def indicator_attainment(
    indicator: HeadlineIndicator,
    year: float,
    *,
    observations: Mapping[float, float | None],
    increments: bool = False,
) -> Attainment:
    """Attainment of a plan's headline indicator in ``year`` (see :func:`attainment_for_year`)."""
    return attainment_for_year(
        year,
        observations=observations,
        targets={float(key): value for key, value in indicator.targets.items()},
        direction=indicator.direction,
        baseline=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        cumulative=indicator.cumulative,
        increments=increments,
    )


def target_for_year(
    year: float,
    targets: Mapping[float, float],
    *,
    baseline: float | None = None,
    baseline_year: float | None = None,
) -> tuple[float | None, tuple[str, ...]]:
    """The target that applies in ``year`` and the notes on how it was found.

    An exact target year wins; between two target years (or between the baseline
    year and the first target year) the target is interpolated linearly; after
    the last target year the final target applies; before the first target year
    with no baseline year to interpolate from, there is none.
    """
    if year in targets:
        return targets[year], ()
    anchors = sorted(targets.items())
    if baseline is not None and baseline_year is not None and baseline_year not in targets:
        anchors = sorted([*anchors, (baseline_year, baseline)])
    if not anchors:
        return None, (NOTE_NO_TARGET,)
    if targets and year > max(targets):
        return targets[max(targets)], (NOTE_FINAL_TARGET_USED,)
    for (start_year, start), (end_year, end) in pairwise(anchors):
        if start_year < year < end_year:
            share = (year - start_year) / (end_year - start_year)
            return start + share * (end - start), (NOTE_TARGET_INTERPOLATED,)
    return None, (NOTE_NO_TARGET,)


def running_totals(
    increments: Mapping[float, float | None], *, start: float = 0.0, start_year: float | None = None
) -> dict[float, float]:
    """Turn yearly increments into running totals from the stock ``start``.

    Increments dated at or before ``start_year`` are taken to be inside the
    starting stock already and are skipped.
    """
    totals: dict[float, float] = {}
    running = start
    for point in clean_series(increments):
        if start_year is not None and point.year <= start_year:
            continue
        running += point.value
        totals[point.year] = running
    return totals


def _unavailable(
    actual: float | None,
    target: float | None,
    baseline: float | None,
    baseline_year: float | None,
    notes: tuple[str, ...],
) -> Attainment:
    return Attainment(
        None, AttainmentBasis.NOT_AVAILABLE, actual, target, baseline, baseline_year, notes
    )
