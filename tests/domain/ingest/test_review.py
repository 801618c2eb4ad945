"""A reviewer's corrections applied to a parsed plan."""

import pytest

from hedef.domain.ingest.review import ReviewError, apply_edits, field_value
from hedef.domain.plans import interchange

ECONOMY = "digital-economy-2026-2029"


@pytest.fixture
def plan(gold_plans):
    return interchange.plan_to_dict(gold_plans[ECONOMY])


def test_unchanged_fields_change_nothing(plan):
    edits = {"measures.0.title": field_value(plan, "measures.0.title"), "measures.0.lead": "İN"}
    edited, _ = apply_edits(plan, edits)
    assert edited == plan


def test_executor_lists_periods_and_titles_are_corrected(plan):
    _, strategy = apply_edits(
        plan,
        {
            "measures.2.lead": "RİNN, İN",
            "measures.2.period.start": "2027",
            "measures.2.title": "  Yeni   ad ",
            "strategy.title": "Düzəldilmiş ad",
        },
    )
    measure = strategy.measures[2]
    assert measure.lead == ("RİNN", "İN")
    assert measure.period.start == 2027
    assert measure.title == "Yeni ad"
    assert strategy.title == "Düzəldilmiş ad"


def test_corrected_result_text_re_reads_its_targets(plan):
    _, strategy = apply_edits(plan, {"measures.0.results.final": "azı 35 müəssisənin qoşulması"})
    finals = [t for t in strategy.measures[0].targets if t.stage.value == "final"]
    assert [(t.comparator.value, t.value) for t in finals] == [("at_least", 35)]


def test_yearly_targets_are_edited_as_one_line(plan):
    assert field_value(plan, "indicators.0.targets") == "2026: 50; 2027: 100; 2028: 180; 2029: 300"
    _, strategy = apply_edits(
        plan, {"indicators.0.targets": "2026: 50; 2027: 100; 2028: 180; 2029: 320"}
    )
    assert strategy.indicators[0].targets[2029] == 320
    _, strategy = apply_edits(
        plan, {"indicators.0.baseline.value": "12,5", "indicators.0.baseline.year": "2024"}
    )
    assert (strategy.indicators[0].baseline_value, strategy.indicators[0].baseline_year) == (
        12.5,
        2024,
    )


# (path, bad value, the location the error must name)
BAD = [
    ("measures.4.period.start", "iki min", "measures.4.period.start"),
    ("indicators.1.targets", "2026 - 7", "indicators.1.targets"),
    ("measures.99.title", "x", "measures.99.title"),
    ("measures.3.title", "", "measures.3.title"),
    ("strategy.period.0", "20x6", "strategy.period.0"),
]


@pytest.mark.parametrize(("path", "value", "location"), BAD)
def test_a_bad_correction_names_its_field(plan, path, value, location):
    with pytest.raises(ReviewError) as caught:
        apply_edits(plan, {path: value})
    assert caught.value.location == location
