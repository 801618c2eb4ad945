"""What the engine refuses in a table, and how it names the place."""

import math

import numpy as np
import pytest

from hedef.domain.evaluation.composite import IndexTable, compute_index, parse_index_definition
from hedef.domain.evaluation.errors import InvalidInput

DEFINITION = parse_index_definition(
    {"key": "x", "indicators": [{"key": "a"}, {"key": "b"}], "missing": "listwise"}
)


def table(values):
    return IndexTable(("RİNN", "ETN", "İN"), ("a", "b"), np.array(values, dtype=np.float64))


@pytest.mark.parametrize("infinity", [math.inf, -math.inf])
def test_an_infinite_value_is_refused_naming_unit_and_indicator(infinity):
    """An infinity would give NaN scores that still take a rank; the engine refuses it."""
    with pytest.raises(InvalidInput) as raised:
        compute_index(DEFINITION, table([[1, 2], [3, infinity], [5, 6]]))
    assert raised.value.params == {"unit": "ETN", "indicator": "b"}
    assert "'ETN' has an infinite value of indicator 'b'" in str(raised.value)


def test_when_missing_data_leaves_no_unit_the_column_is_named():
    nan = math.nan
    with pytest.raises(InvalidInput) as raised:
        compute_index(DEFINITION, table([[1, nan], [nan, nan], [3, nan]]))
    assert raised.value.params["indicator"] == "b"
    assert "3 of 3 units have no value of indicator 'b'" in str(raised.value)


def test_finite_values_are_scored_and_ranked():
    result = compute_index(DEFINITION, table([[1, 2], [3, 4], [5, 6]]))
    assert [row.unit for row in result.rows] == ["İN", "ETN", "RİNN"]
    assert all(math.isfinite(row.score) for row in result.rows)
