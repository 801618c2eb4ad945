"""sdg_compatible_progress: hand-checked cases of sdg-build's ProgressMeasure logic.

Each row was worked out by hand from the rules of ``sdg/ProgressMeasure.py``
(progress-measure branch): compound annual growth ((current / base) ** (1 / years)
− 1), the ratio to the required growth when there is a target, the thresholds
0.95 / 0.60 / 0 and 0.015 / 0.005 / 0, and the score lines.
"""

import math

import pytest

from hedef.domain.evaluation.errors import DuplicateObservation
from hedef.domain.evaluation.growth import IndicatorProgress
from hedef.domain.evaluation.progress import (
    sdg_compatible_indicator_progress,
    sdg_compatible_progress,
)

S = IndicatorProgress

CASES = [
    # (observations, options, status, score, progress value)
    # No target: growth 1.1 ** 0.2 − 1 = 1.92 % a year ≥ 1.5 %; score 500·v − 5.
    ({2015: 100, 2020: 110}, {"direction": "positive"}, S.SUBSTANTIAL_PROGRESS, 4.6224, 0.019245),
    # Same series, direction left out: sdg-build's default is "lower is better".
    ({2015: 100, 2020: 110}, {}, S.DETERIORATION, -4.9056, -0.019245),
    # 1.02 ** 0.2 − 1 = 0.40 %: limited; score 500·v − 2.5.
    ({2015: 100, 2020: 102}, {"direction": "positive"}, S.LIMITED_PROGRESS, -0.5158, 0.003968),
    # 1.05 ** 0.2 − 1 = 0.98 %: moderate; score 250·v − 1.25.
    ({2015: 100, 2020: 105}, {"direction": "positive"}, S.MODERATE_PROGRESS, 1.2014, 0.009806),
    # Target 200 by 2030: observed 5.39 %, required 2 ** (1/15) − 1 = 4.73 %, ratio 1.139.
    ({2015: 100, 2020: 130}, {"direction": "positive", "target": 200},
     S.SUBSTANTIAL_PROGRESS, 3.8510, 1.139126),
    # Ratio 0.407: limited; score 4.1667·v − 2.5.
    ({2015: 100, 2020: 110}, {"direction": "positive", "target": 200},
     S.LIMITED_PROGRESS, -0.8045, 0.406919),
    # Falling while a rise is required: negative ratio.
    ({2015: 100, 2020: 95}, {"direction": "positive", "target": 200},
     S.DETERIORATION, -3.3992, -0.215803),
    # Lower is better, target 10 by 2025: observed −5.59 %, required −12.94 %, ratio 0.432.
    ({2015: 40, 2020: 30}, {"target": 10, "target_year": 2025},
     S.LIMITED_PROGRESS, -0.7003, 0.431925),
    # Target reached: status and score fixed, whatever the growth.
    ({2015: 100, 2020: 125}, {"direction": "positive", "target": 120}, S.TARGET_ACHIEVED, 5.0, 1.0),
    # ... even from a single observation.
    ({2020: 130}, {"direction": "positive", "target": 120}, S.TARGET_ACHIEVED, 5.0, None),
    # A single observation and no target: nothing to measure.
    ({2020: 130}, {"direction": "positive"}, S.NOT_AVAILABLE, None, None),
    # Base value 0 becomes 0.001: (5 / 0.001) ** 0.2 − 1 = 449 %, score capped at 5.
    ({2015: 0, 2020: 5}, {"direction": "positive"}, S.SUBSTANTIAL_PROGRESS, 5.0, 4.492803),
    # Base and current of opposite signs: no growth rate.
    ({2015: -5, 2020: 5}, {"direction": "positive"}, S.NOT_AVAILABLE, None, None),
    # Both negative: the sign of the base turns the rate around; −10 → −5 is a rise.
    ({2015: -10, 2020: -5}, {"direction": "positive"}, S.SUBSTANTIAL_PROGRESS, 5.0, 0.129449),
    # Near a limit of 100 the thresholds shrink by 1 − 0.95 ** 4.44 = 0.2037:
    # 0.21 % a year is moderate (above 0.102 %, below 0.306 %), score 250·v/0.2037 − 1.25.
    ({2015: 95, 2020: 96}, {"direction": "positive", "limit": 100},
     S.MODERATE_PROGRESS, 1.3233, 0.002096),
    # A base on the limit makes every threshold 0: any non-negative rate is substantial, 5.
    ({2015: 100, 2020: 100.5}, {"direction": "positive", "limit": 100},
     S.SUBSTANTIAL_PROGRESS, 5.0, 0.000998),
    # Custom thresholds move the status but not the score lines.
    ({2015: 100, 2020: 130}, {"direction": "positive", "target": 200,
     "progress_thresholds": {"high": 1.2}}, S.MODERATE_PROGRESS, 3.8510, 1.139126),
    # A base year after every observation.
    ({2015: 100, 2020: 130}, {"direction": "positive", "base_year": 2021},
     S.NOT_AVAILABLE, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("observations", "options", "status", "score", "value"), CASES)
def test_hand_checked_cases(observations, options, status, score, value):
    result = sdg_compatible_progress(observations, **options)
    assert result.status is status, options
    if score is None:
        assert result.score is None
    else:
        assert result.score == pytest.approx(score, abs=1e-4)
    if value is None or status is S.TARGET_ACHIEVED:
        return
    assert result.progress_value == pytest.approx(value, abs=1e-6)


def test_base_year_moves_to_the_next_observation():
    result = sdg_compatible_progress({2016: 100, 2018: 104}, base_year=2015, direction="positive")
    assert (result.base_year, result.base_value) == (2016, 100)


def test_base_year_defaults_to_2015_and_earlier_years_are_ignored():
    result = sdg_compatible_progress({2010: 1, 2015: 100, 2020: 110}, direction="positive")
    assert (result.base_year, result.base_value, result.current_year) == (2015, 100, 2020)


def test_year_ranges_are_cut_to_their_first_year():
    result = sdg_compatible_progress([("2015-2016", 100), ("2020-2021", 110)], direction="positive")
    assert (result.base_year, result.current_year) == (2015, 2020)
    assert result.status is S.SUBSTANTIAL_PROGRESS


def test_fractional_years_are_cut_like_sdg_build_does():
    """A semi-annual 2020.5 becomes 2020, which then collides with the annual 2020."""
    with pytest.raises(DuplicateObservation) as raised:
        sdg_compatible_progress([(2015, 1), (2020, 2), (2020.5, 3)], direction="positive")
    assert raised.value.code == "duplicate_observation"
    assert raised.value.params["year"] == 2020


def test_missing_values_are_dropped_before_picking_points():
    result = sdg_compatible_progress(
        {2015: 100, 2019: 110, 2020: None, 2021: math.nan}, direction="positive"
    )
    assert result.current_year == 2019


def test_target_zero_is_replaced_by_a_thousandth():
    result = sdg_compatible_progress({2015: 10, 2020: 0}, target=0)
    assert result.target == 0.001
    assert result.status is S.TARGET_ACHIEVED


def test_direction_is_positive_only_when_spelt_so():
    for spelling in ("Positive", "up", "higher", None):
        assert sdg_compatible_progress({2015: 1, 2020: 2}, direction=spelling).direction == -1


def test_indicator_score_is_the_mean_of_series_scores():
    series = [
        sdg_compatible_progress({2015: 100, 2020: 110}, direction="positive"),  # 4.6224
        sdg_compatible_progress({2015: 100, 2020: 102}, direction="positive"),  # −0.5158
        sdg_compatible_progress({2020: 1}, direction="positive"),  # no score: left out
    ]
    score, status = sdg_compatible_indicator_progress(series)
    assert score == pytest.approx((4.6224 - 0.5158) / 2, abs=1e-4)
    assert status is S.MODERATE_PROGRESS  # 2.05 is below 2.5


def test_indicator_target_achieved_needs_every_series():
    achieved = sdg_compatible_progress({2015: 1, 2020: 9}, direction="positive", target=5)
    missed = sdg_compatible_progress({2015: 1, 2020: 2}, direction="positive", target=5)
    assert sdg_compatible_indicator_progress([achieved, achieved])[1] is S.TARGET_ACHIEVED
    assert sdg_compatible_indicator_progress([achieved, missed])[1] is not S.TARGET_ACHIEVED


def test_indicator_status_is_read_from_the_mean_score():
    series = [
        sdg_compatible_progress({2015: 100, 2020: 105}, direction="positive"),  # 1.2014
        sdg_compatible_progress({2015: 100, 2020: 102}, direction="positive"),  # −0.5158
    ]
    score, status = sdg_compatible_indicator_progress(series)
    assert score == pytest.approx(0.3428, abs=1e-4)
    assert status is S.MODERATE_PROGRESS


def test_indicator_without_any_score_is_not_available():
    assert sdg_compatible_indicator_progress([]) == (None, S.NOT_AVAILABLE)
