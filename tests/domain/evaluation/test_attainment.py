"""Attainment (A − B) / (T − B), with its fallbacks and special cases."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.evaluation.attainment import (
    AttainmentBasis,
    attainment,
    attainment_for_year,
    indicator_attainment,
    running_totals,
    target_for_year,
)
from hedef.domain.plans.model import Direction, HeadlineIndicator

UP = Direction.HIGHER_IS_BETTER
DOWN = Direction.LOWER_IS_BETTER
B = AttainmentBasis

CASES = [
    # (actual, target, baseline, direction, value, basis, notes)
    (60, 80, 40, UP, 0.5, B.BASELINE, ()),
    (80, 80, 40, UP, 1.0, B.BASELINE, ()),
    (100, 80, 40, UP, 1.5, B.BASELINE, ("over_achieved",)),  # kept, not clipped
    (30, 80, 40, UP, -0.25, B.BASELINE, ()),  # moved away from the target
    (40, 80, 40, UP, 0.0, B.BASELINE, ()),
    # Lower is better: the mirrored form (B − A) / (B − T) is the same number.
    (15, 10, 20, DOWN, 0.5, B.BASELINE, ()),
    (5, 10, 20, DOWN, 1.5, B.BASELINE, ("over_achieved",)),
    (25, 10, 20, DOWN, -0.5, B.BASELINE, ()),
    # T = B: keep the level; met or not.
    (50, 50, 50, UP, 1.0, B.MAINTAIN_TARGET, ("target_equals_baseline",)),
    (51, 50, 50, UP, 1.0, B.MAINTAIN_TARGET, ("target_equals_baseline",)),
    (49, 50, 50, UP, 0.0, B.MAINTAIN_TARGET, ("target_equals_baseline",)),
    (49, 50, 50, DOWN, 1.0, B.MAINTAIN_TARGET, ("target_equals_baseline",)),
    # A ceiling above the baseline for a lower-is-better indicator: a threshold.
    (11, 12, 10, DOWN, 1.0, B.THRESHOLD_TARGET, ("target_against_direction",)),
    (13, 12, 10, DOWN, 0.0, B.THRESHOLD_TARGET, ("target_against_direction",)),
]


@pytest.mark.parametrize(
    ("actual", "target", "baseline", "direction", "value", "basis", "notes"), CASES
)
def test_attainment(actual, target, baseline, direction, value, basis, notes):
    result = attainment(actual=actual, target=target, baseline=baseline, direction=direction)
    assert result.value == pytest.approx(value)
    assert result.basis is basis
    assert result.notes == notes


def test_missing_baseline_falls_back_to_the_first_observation_and_says_so():
    result = attainment_for_year(
        2026, observations={2024: 10, 2025: 14, 2026: 20}, targets={2026: 30}, direction=UP
    )
    assert result.value == pytest.approx(0.5)
    assert (result.baseline, result.baseline_year) == (10, 2024)
    assert result.basis is B.FIRST_OBSERVATION
    assert "baseline_from_first_observation" in result.notes


def test_no_baseline_and_no_observation_is_not_available():
    result = attainment_for_year(2026, observations={}, targets={2026: 30}, direction=UP)
    assert result.value is None
    assert result.basis is B.NOT_AVAILABLE
    assert "no_baseline" in result.notes


def test_missing_actual_for_the_year_is_not_available():
    result = attainment_for_year(
        2026, observations={2025: 14}, targets={2026: 30}, direction=UP, baseline=10
    )
    assert result.value is None
    assert "no_actual_for_year" in result.notes


TARGETS = {2026: 40.0, 2029: 100.0}
TARGET_CASES = [
    # (year, target, notes)
    (2026, 40.0, ()),
    (2027, 60.0, ("target_interpolated",)),
    (2025, 30.0, ("target_interpolated",)),  # from the 2024 baseline of 20
    (2030, 100.0, ("final_target_used_after_last_target_year",)),
    (2023, None, ("no_target_for_year",)),
]


@pytest.mark.parametrize(("year", "target", "notes"), TARGET_CASES)
def test_target_for_year(year, target, notes):
    assert target_for_year(year, TARGETS, baseline=20.0, baseline_year=2024) == (target, notes)


def test_semi_annual_target_is_interpolated_within_the_year():
    assert target_for_year(2026.5, TARGETS)[0] == pytest.approx(50.0)


def test_cumulative_indicator_compares_running_totals():
    """20 services at the 2024 baseline, +5 and +7 reported, 2026 target 40 in total."""
    result = attainment_for_year(
        2026,
        observations={2025: 5, 2026: 7},
        targets={2026: 40},
        direction=UP,
        baseline=20,
        baseline_year=2024,
        cumulative=True,
        increments=True,
    )
    assert result.actual == 32
    assert result.value == pytest.approx(12 / 20)
    assert "cumulative_running_totals_from_increments" in result.notes


def test_cumulative_running_totals_reported_as_such_are_used_directly():
    result = attainment_for_year(
        2026,
        observations={2025: 25, 2026: 32},
        targets={2026: 40},
        direction=UP,
        baseline=20,
        baseline_year=2024,
        cumulative=True,
    )
    assert result.value == pytest.approx(0.6)


def test_running_totals_skip_increments_inside_the_starting_stock():
    assert running_totals({2024: 3, 2025: 5, 2026: None, 2027: 2}, start=20, start_year=2024) == {
        2025: 25,
        2027: 27,
    }


def test_indicator_attainment_reads_the_plan():
    indicator = HeadlineIndicator(
        number="1",
        name="E-services share",
        unit="%",
        targets={2026: 60, 2029: 90},
        baseline_value=40,
        baseline_year=2024,
    )
    result = indicator_attainment(indicator, 2026, observations={2026: 55})
    assert result.value == pytest.approx(0.75)
    assert result.basis is B.BASELINE


@given(
    st.floats(-1e6, 1e6),
    st.floats(-1e6, 1e6),
    st.floats(-1e6, 1e6),
    st.sampled_from(list(Direction)),
)
def test_reaching_the_target_is_always_full_attainment(target, baseline, noise, direction):
    result = attainment(actual=target, target=target, baseline=baseline, direction=direction)
    assert result.value == pytest.approx(1.0)
