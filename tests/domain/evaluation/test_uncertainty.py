"""Monte Carlo uncertainty and sensitivity of ranks."""

import json

import numpy as np
import pytest

from hedef.domain.evaluation.composite import (
    compute_index,
    parse_index_definition,
    result_to_json,
    table_from_rows,
)
from hedef.domain.evaluation.errors import InvalidInput

ROWS = [
    {"unit": "A", "x": 0.9, "y": 0.2, "z": 0.5},
    {"unit": "B", "x": 0.5, "y": 0.6, "z": 0.5},
    {"unit": "C", "x": 0.1, "y": 0.95, "z": 0.4},
    {"unit": "D", "x": 0.3, "y": 0.3, "z": 0.3},
    {"unit": "E", "x": 0.8, "y": 0.7, "z": 0.9},
]
TABLE = table_from_rows(ROWS, unit="unit", columns=("x", "y", "z"))
INDICATORS = [{"key": "x"}, {"key": "y"}, {"key": "z"}]


def definition(**uncertainty):
    return parse_index_definition(
        {"key": "t", "indicators": INDICATORS, "rounding": 3, "uncertainty": uncertainty}
    )


def test_a_single_alternative_without_noise_reproduces_the_nominal_rank():
    result = compute_index(definition(draws=50, seed=1), TABLE)
    for row in result.rows:
        assert row.rank_p5 == row.rank_median == row.rank_p95 == row.rank
    assert result.mean_rank_shift == 0
    assert result.variance_shares["normalisation"] == 0


def test_draws_are_reproducible_from_the_seed_and_vary_with_it():
    spec = definition(
        draws=400,
        seed=5,
        normalisation=["min_max", "z_score", "rank"],
        aggregation=["arithmetic", "geometric"],
        weight_jitter=0.3,
    )
    first, second = compute_index(spec, TABLE), compute_index(spec, TABLE)
    other = compute_index(spec, TABLE, seed=6)
    assert first == second
    assert first.variance_shares != other.variance_shares
    for row in first.rows:
        assert 1 <= row.rank_p5 <= row.rank_median <= row.rank_p95 <= len(ROWS)


def test_variance_shares_add_up_to_one():
    spec = definition(
        draws=600,
        seed=3,
        normalisation=["min_max", "rank"],
        aggregation=["arithmetic", "geometric"],
    )
    shares = compute_index(spec, TABLE).variance_shares
    assert set(shares) == {
        "normalisation",
        "weighting",
        "aggregation",
        "interactions_and_weight_noise",
    }
    assert sum(shares.values()) == pytest.approx(1.0)
    assert shares["weighting"] == 0  # only one weighting alternative
    assert all(share >= 0 for share in shares.values())


def test_rank_shift_is_reported_for_each_alternative():
    spec = definition(draws=600, seed=4, aggregation=["arithmetic", "geometric"])
    result = compute_index(spec, TABLE)
    shifts = result.rank_shift_by_alternative
    assert set(shifts["aggregation"]) == {"arithmetic", "geometric"}
    assert shifts["aggregation"]["arithmetic"] == 0  # the nominal choice, no noise
    assert result.mean_rank_shift == pytest.approx(sum(shifts["aggregation"].values()) / 2, rel=0.2)


def test_without_draws_there_is_no_interval():
    result = compute_index(definition(draws=500), TABLE, draws=0)
    assert result.rows[0].rank_median is None
    assert result.draws == 0
    with pytest.raises(InvalidInput):
        compute_index(definition(), TABLE, draws=-1)


def test_json_is_plain_and_serialisable():
    spec = definition(draws=100, seed=2, normalisation=["min_max", "z_score"])
    data = result_to_json(compute_index(spec, TABLE))
    assert json.loads(json.dumps(data)) == data
    row = data["rows"][0]
    assert set(row) == {"unit", "score", "unrounded_score", "rank", "group", "group_label",
                        "rank_interval"}  # fmt: skip
    assert set(row["rank_interval"]) == {"p5", "median", "p95"}
    assert data["uncertainty"]["draws"] == 100
    assert data["weights"] == pytest.approx({"x": 1 / 3, "y": 1 / 3, "z": 1 / 3})


def test_listwise_deletion_reports_the_excluded_units():
    table = table_from_rows(
        [*ROWS, {"unit": "F", "x": None, "y": 0.1, "z": 0.1}], unit="unit", columns=("x", "y", "z")
    )
    result = compute_index(definition(), table)
    assert result.excluded == ("F",)
    assert len(result.rows) == len(ROWS)


def test_scores_are_rounded_and_ties_share_the_rank():
    table = table_from_rows(
        [{"unit": "A", "x": 0.3334}, {"unit": "B", "x": 0.3331}, {"unit": "C", "x": 0.1}],
        unit="unit",
        columns=("x",),
    )
    spec = parse_index_definition(
        {"key": "t", "indicators": [{"key": "x"}], "normalisation": "none", "rounding": 3}
    )
    result = compute_index(spec, table)
    assert [(row.unit, row.score, row.rank) for row in result.rows] == [
        ("A", 0.333, 1),
        ("B", 0.333, 1),
        ("C", 0.1, 3),
    ]
    assert np.isclose(result.rows[0].unrounded_score, 0.3334)
