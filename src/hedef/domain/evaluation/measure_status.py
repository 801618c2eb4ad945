"""Schedule-aware status of a measure at an evaluation date.

Time is measured in fractional years: 2026.0 is the start of 2026, 2026.5 its
middle, 2027.0 its end (:func:`year_end`). A measure with period 2025–2027 runs
from 2025.0 to 2028.0; a single-year period runs through that year.

**Expected stage.** A measure's staged results (initial, interim, final) are due
at equal shares of its period: with three stages the initial results are due
after a third of the period, the interim ones after two thirds, the final ones at
its end; with only initial and final stages, at the half and at the end. The
expected stage at a date is the last one whose due point has passed. Example: a
2025–2027 measure at the end of 2026 (2027.0) has used 2/3 of its period, so its
interim results are due; if it still reports its initial stage it is ``behind``.

**Decision, in order:**

1. ``cancelled`` when the measure was cancelled;
2. ``completed`` when a time-bound measure reached its final stage;
3. ``not_reported`` when a reporting cycle has closed and the latest one has no
   report;
4. an ongoing ("mütəmadi") measure has no stages to be late on: it is ``behind``
   when it missed more cycles than allowed (default 1) or a reported number
   misses its target, else ``on_schedule``;
5. ``overdue`` when the period has ended without the final stage;
6. ``behind`` when the stage reached is earlier than the expected stage;
7. ``on_schedule`` otherwise (including before the period starts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hedef.domain.evaluation.numeric_targets import (
    TargetCheck,
    TargetOutcome,
    check_target,
    numeric_target_met,
)
from hedef.domain.plans.model import Period, Stage

__all__ = [
    "MISSED_CYCLES_ALLOWED",
    "STAGE_ORDER",
    "MeasureAssessment",
    "MeasureStatus",
    "Reporting",
    "TargetCheck",
    "TargetOutcome",
    "check_target",
    "elapsed_share",
    "expected_stage",
    "measure_status",
    "numeric_target_met",
    "year_end",
]

STAGE_ORDER = (Stage.INITIAL, Stage.INTERIM, Stage.FINAL)
MISSED_CYCLES_ALLOWED = 1
# Absorbs floating-point error when a date falls exactly on a stage's due point.
_DUE_TOLERANCE = 1e-9

NOTE_NOT_STARTED = "period_not_started"
NOTE_MISSED_CYCLES = "missed_reporting_cycles"
NOTE_TARGETS_NOT_MET = "numeric_targets_not_met"


class MeasureStatus(StrEnum):
    """Stable keys of the schedule-aware measure statuses."""

    COMPLETED = "completed"
    ON_SCHEDULE = "on_schedule"
    BEHIND = "behind"
    OVERDUE = "overdue"
    NOT_REPORTED = "not_reported"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Reporting:
    """How a measure has reported so far.

    ``cycles_due`` counts the reporting cycles closed since the measure started,
    ``cycles_reported`` those with an accepted report, ``latest_reported`` whether
    the most recent closed cycle has one.
    """

    cycles_due: int = 0
    cycles_reported: int = 0
    latest_reported: bool = False

    @property
    def missed_cycles(self) -> int:
        """Closed cycles without an accepted report."""
        return max(0, self.cycles_due - self.cycles_reported)


@dataclass(frozen=True)
class MeasureAssessment:
    """A measure's status with what it was judged on."""

    status: MeasureStatus
    expected_stage: Stage | None
    stage_reached: Stage | None
    elapsed_share: float | None
    missed_cycles: int
    target_checks: tuple[TargetCheck, ...] = ()
    notes: tuple[str, ...] = ()


def year_end(year: int) -> float:
    """The fractional-year date of the end of ``year`` (the start of the next)."""
    return float(year + 1)


def elapsed_share(period: Period, as_of: float) -> float | None:
    """Share of a time-bound period used by ``as_of``: 0 at its start, 1 at its end.

    Negative before the start and above 1 after the end; ``None`` for an ongoing
    measure.
    """
    bounds = _bounds(period)
    if bounds is None:
        return None
    start, end = bounds
    return (as_of - start) / (end - start)


def expected_stage(
    period: Period, as_of: float, *, stages: Sequence[Stage] = STAGE_ORDER
) -> Stage | None:
    """The latest of ``stages`` due by ``as_of``; ``None`` before the first is due."""
    share = elapsed_share(period, as_of)
    if share is None:
        return None
    ordered = _ordered(stages)
    due = None
    for index, stage in enumerate(ordered, start=1):
        if share + _DUE_TOLERANCE >= index / len(ordered):
            due = stage
    return due


def measure_status(
    *,
    period: Period,
    as_of: float,
    stage_reached: Stage | None,
    reporting: Reporting,
    cancelled: bool = False,
    stages: Sequence[Stage] = STAGE_ORDER,
    target_checks: Sequence[TargetCheck] = (),
    missed_cycles_allowed: int = MISSED_CYCLES_ALLOWED,
) -> MeasureAssessment:
    """Status of one measure at ``as_of``; see the module docstring for the rules.

    Args:
        period: the measure's period from the plan.
        as_of: evaluation date in fractional years (:func:`year_end` for a year's end).
        stage_reached: the latest stage the agency reported as reached, if any.
        reporting: the measure's reporting record.
        cancelled: whether the measure was cancelled.
        stages: the stages the measure's results define (default all three).
        target_checks: reported numbers compared with the measure's numeric targets.
        missed_cycles_allowed: missed cycles an ongoing measure may have.
    """
    checks = tuple(target_checks)
    share = elapsed_share(period, as_of)
    expected = expected_stage(period, as_of, stages=stages)

    def result(status: MeasureStatus, *notes: str) -> MeasureAssessment:
        return MeasureAssessment(
            status, expected, stage_reached, share, reporting.missed_cycles, checks, notes
        )

    targets_missed = any(check.outcome is TargetOutcome.NOT_MET for check in checks)
    target_notes = (NOTE_TARGETS_NOT_MET,) if targets_missed else ()
    if cancelled:
        return result(MeasureStatus.CANCELLED)
    final = _ordered(stages)[-1]
    if share is not None and stage_reached is not None and _rank(stage_reached) >= _rank(final):
        return result(MeasureStatus.COMPLETED, *target_notes)
    if reporting.cycles_due > 0 and not reporting.latest_reported:
        return result(MeasureStatus.NOT_REPORTED)
    if share is None:
        if reporting.missed_cycles > missed_cycles_allowed:
            return result(MeasureStatus.BEHIND, NOTE_MISSED_CYCLES, *target_notes)
        if targets_missed:
            return result(MeasureStatus.BEHIND, *target_notes)
        return result(MeasureStatus.ON_SCHEDULE)
    if share >= 1:
        return result(MeasureStatus.OVERDUE, *target_notes)
    if expected is not None and (stage_reached is None or _rank(stage_reached) < _rank(expected)):
        return result(MeasureStatus.BEHIND, *target_notes)
    return result(MeasureStatus.ON_SCHEDULE, *((NOTE_NOT_STARTED,) if share < 0 else ()))


def _bounds(period: Period) -> tuple[float, float] | None:
    """Start and end dates of a time-bound period; ``None`` when ongoing."""
    if period.ongoing:
        return None
    start = period.start if period.start is not None else period.end
    end = period.end if period.end is not None else period.start
    assert start is not None and end is not None
    return float(start), year_end(end)


def _rank(stage: Stage) -> int:
    return STAGE_ORDER.index(stage)


def _ordered(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    ordered = tuple(sorted(set(stages), key=_rank))
    return ordered or STAGE_ORDER
