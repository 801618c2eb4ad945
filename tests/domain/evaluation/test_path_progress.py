"""progress_status: explicit direction, linear rates, fractional years, staged targets."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hedef.domain.evaluation.growth import IndicatorProgress
from hedef.domain.evaluation.path_progress import Rate, progress_status, stage_ahead
from hedef.domain.evaluation.progress import sdg_compatible_progress
from hedef.domain.evaluation.series import Point
from hedef.domain.plans.model import Direction

S = IndicatorProgress
UP = Direction.HIGHER_IS_BETTER
DOWN = Direction.LOWER_IS_BETTER


def test_direction_is_required():
    with pytest.raises(TypeError):
        progress_status({2015: 100, 2020: 110})  # type: ignore[call-arg]


CASES = [
    # (observations, options, status, value)
    # Agrees with the Statistics Canada method when the series is ordinary.
    ({2015: 100, 2020: 110}, {"direction": UP}, S.SUBSTANTIAL_PROGRESS, 0.019245),
    ({2015: 100, 2020: 110}, {"direction": DOWN}, S.DETERIORATION, -0.019245),
    ({2015: 100, 2020: 130}, {"direction": UP, "targets": {2030: 200}},
     S.SUBSTANTIAL_PROGRESS, 1.139126),
    # A count from zero: the automatic rate is linear (10 a year against 100/5 = 20 required).
    ({2024: 0, 2025: 10}, {"direction": UP, "targets": {2029: 100}}, S.LIMITED_PROGRESS, 0.5),
    ({2024: 0, 2025: 20}, {"direction": UP, "targets": {2029: 100}}, S.SUBSTANTIAL_PROGRESS, 1.0),
    # Asking for a compound rate over a zero base is refused rather than patched.
    ({2024: 0, 2025: 10}, {"direction": UP, "targets": {2029: 100}, "rate": Rate.COMPOUND},
     S.NOT_AVAILABLE, None),
    # Linear rate chosen explicitly: 10 → 14 in 2 years, 2 a year against 40/8 = 5 a year.
    ({2022: 10, 2024: 14}, {"direction": UP, "targets": {2030: 50}, "rate": Rate.LINEAR},
     S.LIMITED_PROGRESS, 0.4),
    # Semi-annual observations: 2.5 years from 2024.0 to 2026.5.
    ({2024: 0, 2026.5: 25}, {"direction": UP, "targets": {2029: 100}}, S.LIMITED_PROGRESS, 0.5),
    # Without a target and from zero, a relative rate does not exist.
    ({2024: 0, 2025: 10}, {"direction": UP}, S.NOT_AVAILABLE, None),
    # Linear without a target: change per year relative to the base (2 % a year).
    ({2020: 50, 2025: 55}, {"direction": UP, "rate": Rate.LINEAR}, S.SUBSTANTIAL_PROGRESS, 0.02),
    # Final target met.
    ({2024: 0, 2026: 120}, {"direction": UP, "targets": {2029: 100}}, S.TARGET_ACHIEVED, None),
    ({2020: 40, 2026: 9}, {"direction": DOWN, "targets": {2029: 10}}, S.TARGET_ACHIEVED, None),
]  # fmt: skip


@pytest.mark.parametrize(("observations", "options", "status", "value"), CASES)
def test_progress_status(observations, options, status, value):
    result = progress_status(observations, **options)
    assert result.status is status
    if value is not None:
        assert result.value == pytest.approx(value, abs=1e-6)


def test_staged_targets_judge_against_the_next_stage():
    """On the path to the 2026 stage but far from the pace the 2029 target alone needs."""
    observations = {2024: 0, 2025: 20}
    targets = {2026: 40, 2027: 60, 2029: 200}
    staged = progress_status(observations, direction=UP, targets=targets)
    final_only = progress_status(observations, direction=UP, targets=targets, staged=False)
    assert (staged.stage_year, staged.stage_target) == (2026, 40)
    assert staged.value == pytest.approx(1.0)  # 20 a year against 20 a year
    assert staged.status is S.SUBSTANTIAL_PROGRESS
    assert final_only.value == pytest.approx(0.5)  # 20 a year against 40 a year
    assert final_only.status is S.LIMITED_PROGRESS
    assert not staged.final_target_achieved


def test_a_met_stage_counts_as_substantial_progress():
    result = progress_status({2024: 0, 2026: 45}, direction=UP, targets={2026: 40, 2029: 100})
    assert result.status is S.SUBSTANTIAL_PROGRESS
    assert result.stage_year == 2026


STAGES = [
    # (current year, base year, stage)
    (2025, 2024, (2026, 40)),
    (2026, 2024, (2026, 40)),
    (2026.5, 2024, (2027, 60)),
    (2031, 2024, (2029, 200)),
    (2025, 2026, (2027, 60)),  # the 2026 stage is not after the base
]


@pytest.mark.parametrize(("current", "base", "stage"), STAGES)
def test_stage_ahead(current, base, stage):
    assert (
        stage_ahead({2026: 40, 2027: 60, 2029: 200}, current_year=current, base_year=base) == stage
    )


def test_baseline_point_is_used_when_the_series_lacks_its_year():
    result = progress_status(
        {2026: 30}, direction=UP, targets={2029: 100}, baseline=Point(2024, 10)
    )
    assert result.base == Point(2024, 10)
    assert result.value is not None


def test_base_year_picks_the_first_observation_at_or_after_it():
    result = progress_status({2018: 5, 2021: 10, 2024: 20}, direction=UP, base_year=2020)
    assert result.base == Point(2021, 10)


@given(
    values=st.lists(st.floats(1, 1000), min_size=2, max_size=8),
    target=st.floats(1, 2000),
    higher=st.booleans(),
)
def test_ordinary_series_agree_with_the_sdg_build_method(values, target, higher):
    """Positive values, one target ahead of the base: both functions say the same."""
    direction = UP if higher else DOWN
    assume((target - values[0]) * (1 if higher else -1) > 1e-6 * values[0])
    observations = {2015 + offset: value for offset, value in enumerate(values)}
    ours = progress_status(
        observations, direction=direction, targets={2030: target}, rate=Rate.COMPOUND
    )
    theirs = sdg_compatible_progress(
        observations, target=target, direction="positive" if higher else "negative"
    )
    assert ours.status is theirs.status
    assert ours.score == pytest.approx(theirs.score)
