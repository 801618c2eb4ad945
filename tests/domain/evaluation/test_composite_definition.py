"""Loading and checking index definitions and column mappings."""

import pytest

from hedef.domain.evaluation.composite import (
    builtin_index_path,
    load_column_mapping,
    load_index_definition,
    parse_index_definition,
)
from hedef.domain.evaluation.composite.definition import (
    Aggregation,
    Missing,
    Normalisation,
    RankOn,
    Weighting,
)
from hedef.domain.evaluation.errors import InvalidIndexDefinition
from hedef.domain.plans.model import Direction

MINIMAL = {"key": "x", "indicators": [{"key": "a"}, {"key": "b"}]}


def test_builtin_egdi_definition():
    egdi = load_index_definition(builtin_index_path("egdi"))
    assert [spec.key for spec in egdi.indicators] == ["osi", "hci", "tii"]
    assert (egdi.normalisation, egdi.weighting, egdi.aggregation) == (
        Normalisation.NONE,
        Weighting.EQUAL,
        Aggregation.ARITHMETIC,
    )
    assert egdi.rounding == 4
    assert egdi.ranking.on is RankOn.ROUNDED
    assert egdi.for_edition("2020").ranking.on is RankOn.UNROUNDED
    assert egdi.for_edition("2022") is egdi
    assert [group.minimum for group in egdi.groups] == [0.75, 0.50, 0.25, None]
    assert egdi.columns is not None and egdi.columns.unit == "Country Name"


def test_builtin_readiness_definition():
    readiness = load_index_definition(builtin_index_path("readiness"))
    assert readiness.normalisation is Normalisation.MIN_MAX
    assert readiness.weighting is Weighting.EQUAL
    assert readiness.aggregation is Aggregation.ARITHMETIC
    assert readiness.uncertainty.draws == 1000
    assert readiness.missing is Missing.MEAN


def test_defaults_of_a_minimal_definition():
    definition = parse_index_definition(MINIMAL)
    assert definition.indicators[0].direction is Direction.HIGHER_IS_BETTER
    assert definition.missing is Missing.LISTWISE
    assert definition.normalisation is Normalisation.MIN_MAX
    assert definition.rounding is None
    assert definition.ranking.on is RankOn.UNROUNDED
    assert parse_index_definition({**MINIMAL, "rounding": 2}).ranking.on is RankOn.ROUNDED


ERRORS = [
    # (change to the minimal definition, message fragment, location fragment)
    ({"normalisation": "minmax"}, "'minmax' is not one of none, min_max", "normalisation"),
    ({"colour": "red"}, "unknown setting 'colour'", "index"),
    ({"indicators": []}, "must list at least one indicator", "indicators"),
    ({"indicators": [{"key": "a"}, {"key": "a"}]}, "indicator 'a' is listed twice", "indicators"),
    ({"indicators": [{"key": "a", "direction": "down"}]}, "'down' is not one of", "direction"),
    ({"weighting": "budget"}, "needs a weight for every indicator; 'a' has none", "weighting"),
    ({"rounding": 2.5}, "whole number of decimals", "rounding"),
    ({"ranking": {"by": "rounded"}}, "needs a rounding setting", "ranking"),
    ({"groups": [{"key": "low"}, {"key": "high", "min": 0.5}]}, "highest minimum down", "groups"),
    ({"uncertainty": {"draws": -1}}, "whole number ≥ 0", "draws"),
    ({"uncertainty": {"weight_jitter": 1.5}}, "must be in [0, 1)", "weight_jitter"),
    (
        {"indicators": [{"key": "a", "direction": "lower_is_better"}], "normalisation": "none"},
        "cannot turn a lower-is-better indicator around",
        "normalisation",
    ),
    ({"indicators": [{"key": "a", "goalposts": [1, 0]}]}, "lower must be below upper", "goalposts"),
    (
        {"indicators": [{"key": "a", "weight": 3}, {"key": "b", "weight": 1}]},
        "indicator 'a' has a weight, but weighting is 'equal' and ignores it",
        "weighting",
    ),
    (
        {"indicators": [{"key": "a", "weight": 3}, {"key": "b"}], "weighting": "pca"},
        "weighting is 'pca' and ignores it",
        "weighting",
    ),
]


@pytest.mark.parametrize(("change", "message", "location"), ERRORS)
def test_invalid_definitions_name_the_field(change, message, location):
    with pytest.raises(InvalidIndexDefinition) as raised:
        parse_index_definition({**MINIMAL, **change})
    assert message in str(raised.value)
    assert location in raised.value.location
    assert raised.value.code == "invalid_index_definition"


def test_edition_overrides_replace_settings(tmp_path):
    definition = parse_index_definition(
        {**MINIMAL, "rounding": 3, "editions": {2021: {"aggregation": "geometric"}}}
    )
    assert definition.for_edition("2021").aggregation is Aggregation.GEOMETRIC
    assert definition.for_edition("2021").rounding == 3
    assert definition.for_edition(" 2021 ").aggregation is Aggregation.GEOMETRIC
    assert definition.for_edition("2019").aggregation is Aggregation.ARITHMETIC


def test_edition_cannot_change_the_indicators():
    with pytest.raises(InvalidIndexDefinition, match="unknown setting 'indicators'"):
        parse_index_definition({**MINIMAL, "editions": {"2021": {"indicators": []}}})


def test_unreadable_files_are_reported(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("key: [unclosed", encoding="utf-8")
    with pytest.raises(InvalidIndexDefinition, match="is not valid YAML"):
        load_index_definition(broken)
    with pytest.raises(InvalidIndexDefinition, match="cannot be read"):
        load_index_definition(tmp_path / "absent.yaml")


def test_column_mapping_is_loaded_relative_to_the_definition(tmp_path):
    (tmp_path / "cols.yaml").write_text(
        "unit: Name\nindicators: {a: A col, b: B col}\ndecimal: ','\n", encoding="utf-8"
    )
    (tmp_path / "index.yaml").write_text(
        "key: x\ncolumns: cols.yaml\nindicators: [{key: a}, {key: b}]\n", encoding="utf-8"
    )
    definition = load_index_definition(tmp_path / "index.yaml")
    assert definition.columns is not None
    assert definition.columns.indicators == {"a": "A col", "b": "B col"}
    assert definition.columns.decimal == ","


def test_column_mapping_rejects_unknown_decimal_mark(tmp_path):
    path = tmp_path / "cols.yaml"
    path.write_text("unit: Name\nindicators: {a: A}\ndecimal: ';'\n", encoding="utf-8")
    with pytest.raises(InvalidIndexDefinition, match="decimal"):
        load_column_mapping(path)


def test_weights_are_honoured_where_a_budget_is_drawn():
    """Weights are allowed when budget weighting is the choice or one of the draws."""
    weighted = [{"key": "a", "weight": 3}, {"key": "b", "weight": 1}]
    drawn = parse_index_definition(
        {"key": "x", "indicators": weighted, "uncertainty": {"weighting": ["equal", "budget"]}}
    )
    assert drawn.weighting is Weighting.EQUAL
    budget = parse_index_definition({"key": "x", "indicators": weighted, "weighting": "budget"})
    assert [spec.weight for spec in budget.indicators] == [3.0, 1.0]
