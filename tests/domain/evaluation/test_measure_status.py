"""Schedule-aware status of measures, and numeric targets against reported values."""

import pytest

from hedef.domain.evaluation.measure_status import (
    MeasureStatus,
    Reporting,
    TargetOutcome,
    check_target,
    elapsed_share,
    expected_stage,
    measure_status,
    numeric_target_met,
    year_end,
)
from hedef.domain.plans.model import Comparator, NumericTarget, Period, Stage

M = MeasureStatus
P2025_2027 = Period(2025, 2027, "2025-2027")
P2026 = Period(2026, 2026, "2026")
ONGOING = Period(None, None, "mütəmadi")
REPORTED = Reporting(cycles_due=4, cycles_reported=4, latest_reported=True)
SILENT = Reporting(cycles_due=4, cycles_reported=3, latest_reported=False)
GAPPY = Reporting(cycles_due=4, cycles_reported=2, latest_reported=True)

EXPECTED = [
    # (period, as of, elapsed share, expected stage)
    (P2025_2027, 2025.0, 0.0, None),
    (P2025_2027, 2025.5, 1 / 6, None),
    (P2025_2027, 2026.0, 1 / 3, Stage.INITIAL),
    (P2025_2027, year_end(2026), 2 / 3, Stage.INTERIM),  # the end of 2026
    (P2025_2027, year_end(2027), 1.0, Stage.FINAL),
    (P2026, 2026.5, 0.5, Stage.INITIAL),
    (P2026, 2024.0, -2.0, None),
    (ONGOING, 2026.0, None, None),
]


@pytest.mark.parametrize(("period", "as_of", "share", "stage"), EXPECTED)
def test_expected_stage_by_linear_share_of_the_period(period, as_of, share, stage):
    assert elapsed_share(period, as_of) == (None if share is None else pytest.approx(share))
    assert expected_stage(period, as_of) is stage


def test_two_stage_measure_is_due_at_the_half_and_the_end():
    stages = (Stage.INITIAL, Stage.FINAL)
    assert expected_stage(P2025_2027, 2026.4, stages=stages) is None
    assert expected_stage(P2025_2027, 2026.5, stages=stages) is Stage.INITIAL


STATUSES = [
    # (period, as of, stage reached, reporting, extra, status)
    # The example: 2025–2027, still at the initial stage at the end of 2026.
    (P2025_2027, year_end(2026), Stage.INITIAL, REPORTED, {}, M.BEHIND),
    (P2025_2027, year_end(2026), Stage.INTERIM, REPORTED, {}, M.ON_SCHEDULE),
    (P2025_2027, 2026.5, Stage.INITIAL, REPORTED, {}, M.ON_SCHEDULE),
    (P2025_2027, 2025.5, None, REPORTED, {}, M.ON_SCHEDULE),  # nothing due yet
    (P2025_2027, 2026.5, None, REPORTED, {}, M.BEHIND),
    (P2025_2027, 2026.5, Stage.FINAL, REPORTED, {}, M.COMPLETED),  # early
    (P2025_2027, 2028.5, Stage.INTERIM, REPORTED, {}, M.OVERDUE),
    (P2025_2027, 2028.5, Stage.FINAL, SILENT, {}, M.COMPLETED),  # done; silence is fine
    (P2025_2027, 2026.5, Stage.INITIAL, SILENT, {}, M.NOT_REPORTED),
    (P2025_2027, 2026.5, Stage.INITIAL, REPORTED, {"cancelled": True}, M.CANCELLED),
    (P2025_2027, 2024.5, None, Reporting(), {}, M.ON_SCHEDULE),  # not started
    # Ongoing measures: reporting regularity and numeric targets.
    (ONGOING, 2026.5, None, REPORTED, {}, M.ON_SCHEDULE),
    (ONGOING, 2026.5, Stage.FINAL, REPORTED, {}, M.ON_SCHEDULE),  # never "completed"
    (ONGOING, 2026.5, None, SILENT, {}, M.NOT_REPORTED),
    (ONGOING, 2026.5, None, GAPPY, {}, M.BEHIND),  # two missed cycles > 1 allowed
    (ONGOING, 2026.5, None, GAPPY, {"missed_cycles_allowed": 2}, M.ON_SCHEDULE),
]


@pytest.mark.parametrize(("period", "as_of", "reached", "reporting", "extra", "status"), STATUSES)
def test_measure_status(period, as_of, reached, reporting, extra, status):
    result = measure_status(
        period=period, as_of=as_of, stage_reached=reached, reporting=reporting, **extra
    )
    assert result.status is status


def test_not_started_measure_says_so():
    result = measure_status(
        period=P2025_2027, as_of=2024.5, stage_reached=None, reporting=Reporting()
    )
    assert result.notes == ("period_not_started",)


def target(comparator, value, upper=None):
    return NumericTarget(Stage.FINAL, comparator, value, "təchizatçı", "azı 20", upper)


def test_ongoing_measure_missing_its_numeric_target_is_behind():
    check = check_target(target(Comparator.AT_LEAST, 20), 12)
    result = measure_status(
        period=ONGOING, as_of=2026.5, stage_reached=None, reporting=REPORTED, target_checks=[check]
    )
    assert result.status is M.BEHIND
    assert result.notes == ("numeric_targets_not_met",)


def test_completed_measure_keeps_a_note_of_missed_targets():
    check = check_target(target(Comparator.AT_LEAST, 20), 12)
    result = measure_status(
        period=P2026,
        as_of=2027.0,
        stage_reached=Stage.FINAL,
        reporting=REPORTED,
        target_checks=[check],
    )
    assert result.status is M.COMPLETED
    assert result.notes == ("numeric_targets_not_met",)


TARGETS = [
    # (comparator, value, upper, reported, met)
    (Comparator.AT_LEAST, 20, None, 20, True),
    (Comparator.AT_LEAST, 20, None, 19, False),
    (Comparator.MORE_THAN, 100, None, 100, False),
    (Comparator.MORE_THAN, 100, None, 101, True),
    (Comparator.AT_MOST, 5, None, 5, True),
    (Comparator.AT_MOST, 5, None, 5.1, False),
    (Comparator.LESS_THAN, 5, None, 5, False),
    (Comparator.LESS_THAN, 5, None, 4.9, True),
    (Comparator.EQUAL, 0.3, None, 0.1 + 0.2, True),
    (Comparator.EQUAL, 20, None, 21, False),
    # Ranges ("5−10 faiz").
    (Comparator.EQUAL, 5, 10, 7, True),
    (Comparator.EQUAL, 5, 10, 10, True),
    (Comparator.EQUAL, 5, 10, 11, False),
    (Comparator.AT_LEAST, 5, 10, 6, True),
    (Comparator.AT_MOST, 5, 10, 9, True),
    (Comparator.LESS_THAN, 5, 10, 10, False),
]


@pytest.mark.parametrize(("comparator", "value", "upper", "reported", "met"), TARGETS)
def test_numeric_target_met(comparator, value, upper, reported, met):
    assert numeric_target_met(target(comparator, value, upper), reported) is met


def test_check_target_outcomes():
    at_least_20 = target(Comparator.AT_LEAST, 20)
    assert check_target(at_least_20, 25).outcome is TargetOutcome.MET
    assert check_target(at_least_20, 15).outcome is TargetOutcome.NOT_MET
    assert check_target(at_least_20, None).outcome is TargetOutcome.NOT_REPORTED
