"""The Handbook's steps: missing data, normalisation, weighting, aggregation, ranking."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from hedef.domain.evaluation.composite.definition import (
    Aggregation,
    GroupSpec,
    IndicatorSpec,
    Missing,
    Normalisation,
    Ties,
)
from hedef.domain.evaluation.composite.ranking import group_of, rank_rows, rank_scores
from hedef.domain.evaluation.composite.steps import aggregate, impute, normalise
from hedef.domain.evaluation.composite.weighting import budget_weights, pca_weights, varimax
from hedef.domain.plans.model import Direction

VALUES = np.array([[10.0, 1.0], [20.0, 3.0], [40.0, 2.0]])
UP_DOWN = np.array([1.0, -1.0])

NORMALISATIONS = [
    # (method, extra arguments, expected matrix); the second indicator is lower-is-better
    (Normalisation.NONE, {}, VALUES),
    (Normalisation.MIN_MAX, {}, [[0.0, 1.0], [1 / 3, 0.0], [1.0, 0.5]]),
    (
        Normalisation.MIN_MAX,
        {"goalposts": np.array([[0.0, 0.0], [50.0, 4.0]])},
        [[0.2, 0.75], [0.4, 0.25], [0.8, 0.5]],
    ),
    (Normalisation.Z_SCORE, {}, [[-0.8729, 1.0], [-0.2182, -1.0], [1.0911, 0.0]]),
    (Normalisation.RANK, {}, [[0.0, 1.0], [0.5, 0.0], [1.0, 0.5]]),
    # Distance to target: 1 at the target; leader (40, and 1 for lower-is-better) by default.
    (Normalisation.DISTANCE_TO_TARGET, {}, [[0.25, 1.0], [0.5, -1.0], [1.0, 0.0]]),
    (
        Normalisation.DISTANCE_TO_TARGET,
        {"targets": np.array([50.0, 2.0])},
        [[0.2, 1.5], [0.4, 0.5], [0.8, 1.0]],
    ),
]


@pytest.mark.parametrize(("method", "extra", "expected"), NORMALISATIONS)
def test_normalise(method, extra, expected):
    result = normalise(VALUES, method, directions=UP_DOWN, **extra)
    assert result == pytest.approx(np.array(expected), abs=1e-4)


def test_constant_indicator_does_not_divide_by_zero():
    values = np.array([[1.0, 5.0], [2.0, 5.0]])
    ones = np.ones(2)
    assert normalise(values, Normalisation.MIN_MAX, directions=ones)[:, 1].tolist() == [0.5, 0.5]
    assert normalise(values, Normalisation.Z_SCORE, directions=ones)[:, 1].tolist() == [0.0, 0.0]


def test_rank_normalisation_shares_tied_places():
    values = np.array([[1.0], [2.0], [2.0], [3.0]])
    ranks = normalise(values, Normalisation.RANK, directions=np.ones(1))[:, 0]
    assert ranks.tolist() == pytest.approx([0.0, 0.5, 0.5, 1.0])


WITH_GAPS = np.array([[1.0, np.nan], [3.0, 4.0], [5.0, 8.0], [np.nan, 9.0]])
IMPUTATIONS = [
    (Missing.LISTWISE, [[3.0, 4.0], [5.0, 8.0]], [False, True, True, False]),
    (Missing.MEAN, [[1.0, 7.0], [3.0, 4.0], [5.0, 8.0], [3.0, 9.0]], [True] * 4),
    (Missing.MEDIAN, [[1.0, 8.0], [3.0, 4.0], [5.0, 8.0], [3.0, 9.0]], [True] * 4),
]


@pytest.mark.parametrize(("method", "expected", "kept"), IMPUTATIONS)
def test_impute(method, expected, kept):
    values, keep = impute(WITH_GAPS, method)
    assert values.tolist() == expected
    assert keep.tolist() == kept


AGGREGATIONS = [
    (Aggregation.ARITHMETIC, [[0.2, 0.8]], [0.5, 0.5], [0.5]),
    (Aggregation.GEOMETRIC, [[0.2, 0.8]], [0.5, 0.5], [0.4]),
    (Aggregation.ARITHMETIC, [[1.0, 4.0]], [0.75, 0.25], [1.75]),
    (Aggregation.GEOMETRIC, [[1.0, 16.0]], [0.75, 0.25], [2.0]),
]


@pytest.mark.parametrize(("method", "values", "weights", "scores"), AGGREGATIONS)
def test_aggregate(method, values, weights, scores):
    result = aggregate(np.array(values), np.array(weights), method)
    assert result == pytest.approx(np.array(scores))


def test_geometric_mean_shifts_columns_that_reach_zero():
    """A zero would make every geometric mean zero; the column is lifted by 1 % of its range."""
    scores = aggregate(
        np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([0.5, 0.5]), Aggregation.GEOMETRIC
    )
    assert scores[0] == pytest.approx(0.1)
    assert scores[1] == pytest.approx(np.sqrt(1.01))


def test_budget_weights_scale_expert_points():
    specs = [
        IndicatorSpec("a", "A", Direction.HIGHER_IS_BETTER, weight=50),
        IndicatorSpec("b", "B", Direction.HIGHER_IS_BETTER, weight=30),
        IndicatorSpec("c", "C", Direction.HIGHER_IS_BETTER, weight=20),
    ]
    assert budget_weights(specs).tolist() == pytest.approx([0.5, 0.3, 0.2])


def test_pca_weights_favour_the_indicators_of_the_stronger_factor():
    """Two independent factors; three indicators load on the first, one on the second."""
    rng = np.random.default_rng(1)
    first, second = rng.normal(size=(2, 400))
    noise = rng.normal(scale=0.3, size=(4, 400))
    values = np.column_stack([first + noise[0], first + noise[1], first + noise[2], second])
    weights = pca_weights(values)
    assert weights.sum() == pytest.approx(1.0)
    assert np.all(weights > 0)
    # The lone indicator carries its whole factor; each of the three shares theirs.
    assert weights[3] < weights[:3].sum()
    assert weights[0] == pytest.approx(weights[1], abs=0.05)


def test_pca_weights_of_a_single_factor_are_close_to_equal():
    rng = np.random.default_rng(2)
    base = rng.normal(size=300)
    values = np.column_stack([base + rng.normal(scale=0.1, size=300) for _ in range(3)])
    assert pca_weights(values) == pytest.approx(np.full(3, 1 / 3), abs=0.02)


def test_varimax_keeps_communalities():
    loadings = np.array([[0.8, 0.3], [0.7, 0.4], [0.2, 0.9], [0.3, 0.8]])
    rotated = varimax(loadings)
    assert (rotated**2).sum(axis=1) == pytest.approx((loadings**2).sum(axis=1))


RANKS = [
    # (scores, ties, ranks)
    ([0.9, 0.7, 0.7, 0.5], Ties.MIN, [1, 2, 2, 4]),
    ([0.9, 0.7, 0.7, 0.5], Ties.DENSE, [1, 2, 2, 3]),
    ([0.5, 0.9, 0.7, 0.9], Ties.MIN, [4, 1, 3, 1]),
]


@pytest.mark.parametrize(("scores", "ties", "ranks"), RANKS)
def test_rank_scores(scores, ties, ranks):
    assert rank_scores(np.array(scores), ties=ties).tolist() == ranks


@given(arrays(np.float64, (5, 12), elements=st.integers(0, 6).map(float)))
def test_rank_rows_equals_one_plus_the_number_scoring_higher(scores):
    ranks = rank_rows(scores)
    expected = 1 + (scores[:, np.newaxis, :] > scores[:, :, np.newaxis]).sum(axis=2)
    assert (ranks == expected).all()


GROUPS = (
    GroupSpec("very_high", "Very High", 0.75),
    GroupSpec("high", "High", 0.5),
    GroupSpec("low", "Low", None),
)


@pytest.mark.parametrize(
    ("score", "group"), [(0.75, "very_high"), (0.7499, "high"), (0.5, "high"), (0.1, "low")]
)
def test_group_of(score, group):
    assert group_of(score, GROUPS).key == group
