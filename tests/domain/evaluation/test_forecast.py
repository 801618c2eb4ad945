"""Linear and compound forecasts to the target year and the plain sentence."""

import pytest

from hedef.domain.core.i18n import install
from hedef.domain.evaluation.forecast import (
    ForecastMethod,
    compound_trend,
    forecast,
    forecast_sentence,
    linear_trend,
)
from hedef.domain.evaluation.series import clean_series
from hedef.domain.plans.model import Direction

UP = Direction.HIGHER_IS_BETTER
DOWN = Direction.LOWER_IS_BETTER

STEADY = {2021: 10, 2022: 12, 2023: 14, 2024: 16, 2025: 18}  # +2 a year
DOUBLING = {2021: 1, 2022: 2, 2023: 4, 2024: 8}  # ×2 a year

CASES = [
    # (observations, target, target year, direction, method, reached year, on track)
    (STEADY, 26, 2029, UP, ForecastMethod.LINEAR, 2029, True),  # 18 + 2·4 = 26 in 2029
    (STEADY, 27, 2029, UP, ForecastMethod.LINEAR, 2030, False),  # crosses at 2029.5
    (STEADY, 34, 2029, UP, ForecastMethod.LINEAR, 2033, False),  # horizon 2033 still counts
    (STEADY, 36, 2029, UP, ForecastMethod.LINEAR, None, False),  # 2034: beyond the horizon
    (STEADY, 5, 2029, DOWN, ForecastMethod.LINEAR, None, False),  # moving away
    (DOUBLING, 64, 2027, UP, ForecastMethod.COMPOUND, 2027, True),  # 8·2³
    (DOUBLING, 100, 2027, UP, ForecastMethod.COMPOUND, 2028, False),
    ({2021: 50, 2022: 45, 2023: 40}, 20, 2029, DOWN, ForecastMethod.LINEAR, 2027, True),
]


@pytest.mark.parametrize(
    ("observations", "target", "target_year", "direction", "method", "reached", "on_track"), CASES
)
def test_forecast(observations, target, target_year, direction, method, reached, on_track):
    result = forecast(
        observations, target=target, target_year=target_year, direction=direction, method=method
    )
    assert result.method is method
    assert result.reached_year == reached
    assert result.on_track is on_track


def test_method_is_chosen_by_fit_and_named():
    assert forecast(DOUBLING, target=100, target_year=2030, direction=UP).method is (
        ForecastMethod.COMPOUND
    )
    assert forecast(STEADY, target=30, target_year=2030, direction=UP).method is (
        ForecastMethod.LINEAR
    )


def test_compound_trend_recovers_the_growth_rate():
    trend = compound_trend(clean_series(DOUBLING))
    assert trend is not None
    assert trend.annual_rate == pytest.approx(1.0)
    assert trend.value_at(2025) == pytest.approx(16.0)


def test_compound_trend_needs_positive_values():
    assert compound_trend(clean_series({2020: 0, 2021: 3})) is None
    result = forecast({2020: 0, 2021: 3}, target=9, target_year=2025, direction=UP)
    assert result.method is ForecastMethod.LINEAR  # falls back


def test_linear_trend_value_at_target_year():
    assert linear_trend(clean_series(STEADY)).value_at(2029) == pytest.approx(26.0)


def test_a_crossing_before_the_last_observation_is_moved_after_it():
    """The fitted line passes 17 in 2024.5, but the 2025 observation is still below it."""
    result = forecast(
        {2021: 10, 2022: 14, 2023: 15, 2024: 17, 2025: 16.5},
        target=17.2,
        target_year=2029,
        direction=UP,
        method=ForecastMethod.LINEAR,
    )
    assert result.reached_year == 2026


SENTENCES = [
    # (observations, target, target year, method, sentence)
    (STEADY, 26, 2029, ForecastMethod.LINEAR,
     "At the current pace the 2029 target is reached in 2029."),
    (STEADY, 24, 2029, ForecastMethod.LINEAR,
     "At the current pace the 2029 target is reached in 2028."),
    (STEADY, 60, 2029, ForecastMethod.LINEAR,
     "At the current pace the 2029 target is not reached before 2033."),
    (STEADY, 15, 2029, ForecastMethod.LINEAR, "The 2029 target has already been reached."),
    ({2025: 3}, 15, 2029, None, "There are too few observations to forecast the 2029 target."),
]  # fmt: skip


@pytest.mark.parametrize(("observations", "target", "target_year", "method", "sentence"), SENTENCES)
def test_forecast_sentence(observations, target, target_year, method, sentence):
    result = forecast(
        observations, target=target, target_year=target_year, direction=UP, method=method
    )
    assert forecast_sentence(result) == sentence


def test_forecast_sentence_goes_through_the_translator():
    catalogue = {
        "At the current pace the %(target_year)s target is reached in %(year)s.": (
            "Cari templə %(target_year)s hədəfinə %(year)s-ci ildə çatılır."
        )
    }
    install(lambda message: catalogue.get(message, message))
    try:
        result = forecast(STEADY, target=26, target_year=2029, direction=UP)
        assert forecast_sentence(result) == "Cari templə 2029 hədəfinə 2029-ci ildə çatılır."
    finally:
        install(str)


def test_horizon_is_configurable():
    result = forecast(STEADY, target=36, target_year=2029, direction=UP, horizon_years=10)
    assert result.reached_year == 2034
