"""Growth rates, thresholds, statuses and scores of the progress measure."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.evaluation.growth import (
    WITH_TARGET,
    WITHOUT_TARGET,
    IndicatorProgress,
    compound_growth,
    limit_coefficient,
    linear_growth,
    score_with_target,
    score_without_target,
    status_from_score,
    status_from_value,
)

S = IndicatorProgress

STATUS_WITH_TARGET = [
    # (ratio, status)
    (1.5, S.SUBSTANTIAL_PROGRESS),
    (0.95, S.SUBSTANTIAL_PROGRESS),
    (0.9499, S.MODERATE_PROGRESS),
    (0.60, S.MODERATE_PROGRESS),
    (0.5999, S.LIMITED_PROGRESS),
    (0.0, S.LIMITED_PROGRESS),
    (-0.0001, S.DETERIORATION),
    (math.nan, S.NOT_AVAILABLE),
    (None, S.NOT_AVAILABLE),
]


@pytest.mark.parametrize(("value", "status"), STATUS_WITH_TARGET)
def test_status_with_target_thresholds(value, status):
    assert status_from_value(value, WITH_TARGET) is status


STATUS_WITHOUT_TARGET = [
    (0.015, S.SUBSTANTIAL_PROGRESS),
    (0.0149, S.MODERATE_PROGRESS),
    (0.005, S.MODERATE_PROGRESS),
    (0.0049, S.LIMITED_PROGRESS),
    (0.0, S.LIMITED_PROGRESS),
    (-0.001, S.DETERIORATION),
]


@pytest.mark.parametrize(("value", "status"), STATUS_WITHOUT_TARGET)
def test_status_without_target_thresholds(value, status):
    assert status_from_value(value, WITHOUT_TARGET) is status


def test_target_achieved_wins_over_any_value():
    assert status_from_value(-3.0, WITH_TARGET, target_achieved=True) is S.TARGET_ACHIEVED


SCORES_WITH_TARGET = [
    # (ratio, score): lines through (0, −2.5), (0.6, 0), (0.95, 2.5), capped at ±5
    (0.0, -2.5),
    (0.6, 0.00004),
    (0.95, 2.500055),
    (2.0, 5.0),
    (-1.0, -5.0),
]


@pytest.mark.parametrize(("value", "score"), SCORES_WITH_TARGET)
def test_score_with_target(value, score):
    assert score_with_target(value) == pytest.approx(score, abs=1e-6)


SCORES_WITHOUT_TARGET = [
    (0.015, 2.5),
    (0.005, 0.0),
    (0.0, -2.5),
    (-0.02, -5.0),
    (0.02, 5.0),
]


@pytest.mark.parametrize(("value", "score"), SCORES_WITHOUT_TARGET)
def test_score_without_target(value, score):
    assert score_without_target(value) == pytest.approx(score, abs=1e-9)


SCORE_STATUSES = [
    (5.0, S.SUBSTANTIAL_PROGRESS),
    (2.5, S.SUBSTANTIAL_PROGRESS),
    (2.4999, S.MODERATE_PROGRESS),
    (0.0, S.MODERATE_PROGRESS),
    (-0.0001, S.LIMITED_PROGRESS),
    (-2.5, S.LIMITED_PROGRESS),
    (-2.5001, S.DETERIORATION),
    (None, S.NOT_AVAILABLE),
]


@pytest.mark.parametrize(("score", "status"), SCORE_STATUSES)
def test_status_from_score(score, status):
    assert status_from_score(score) is status


LIMIT_COEFFICIENTS = [
    # (base, limit, coefficient)
    (0.0, 100.0, 1.0),
    (100.0, 100.0, 0.0),
    (200.0, 100.0, 1.0),
    (50.0, 100.0, 1 - 0.5**4.44),
    (150.0, 100.0, 1 - 0.5**4.44),  # mirrored above the limit
    (0.0, 0.0, 1.0),
]


@pytest.mark.parametrize(("base", "limit", "coefficient"), LIMIT_COEFFICIENTS)
def test_limit_coefficient(base, limit, coefficient):
    assert limit_coefficient(base=base, limit=limit) == pytest.approx(coefficient)


def test_compound_growth_of_opposite_signs_is_nan():
    assert math.isnan(compound_growth(current=-1, base=1, current_year=2020, base_year=2015))


def test_linear_growth_uses_fractional_years():
    assert linear_growth(current=15, base=10, current_year=2026.5, base_year=2024) == 2.0


@given(
    st.floats(min_value=0.01, max_value=1e6),
    st.floats(min_value=0.01, max_value=1e6),
    st.integers(min_value=1, max_value=40),
)
def test_compound_growth_compounds_back_to_the_current_value(base, current, years):
    rate = compound_growth(current=current, base=base, current_year=2000 + years, base_year=2000)
    assert base * (1 + rate) ** years == pytest.approx(current, rel=1e-6)


@given(st.floats(min_value=-10, max_value=10, allow_nan=False))
def test_scores_stay_in_range_and_grow_with_the_value(value):
    for score in (score_with_target, score_without_target):
        low, high = score(value), score(value + 0.01)
        assert -5 <= low <= 5
        assert high >= low
