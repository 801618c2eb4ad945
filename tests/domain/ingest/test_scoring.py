"""Gold shape and scoring by the rules of ``shared/gold/README.md``."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from hedef.domain.ingest.gold import numbers_in_results
from hedef.domain.ingest.scoring import format_scores, score, token_f1
from hedef.domain.plans.model import Measure, Period, Stage


@pytest.mark.parametrize(
    ("predicted", "gold", "f1"),
    [
        ("İnformasiya təhlükəsizliyi", "informasiya TƏHLÜKƏSİZLİYİ", 1.0),  # Azerbaijani folding
        ("rəqəm-\nsal inkişaf", "rəqəmsal inkişaf", 1.0),  # line-end hyphenation
        ("a b c d", "a b", 2 * 0.5 * 1.0 / 1.5),
        ("", "", 1.0),
        ("a", "", 0.0),
    ],
)
def test_token_f1(predicted, gold, f1):
    assert token_f1(predicted, gold) == pytest.approx(f1)


def _measure(number: str, **changes: Any) -> dict[str, Any]:
    item = {
        "number": number,
        "title": "Tədbirin adı",
        "lead": ["RİNN"],
        "co_executors": ["İN", "aidiyyəti qurumlar"],
        "period": {"start": 2025, "end": 2027, "text": "2025–2027"},
        "results": {"initial": "bir", "interim": "iki", "final": "üç"},
        "numbers_in_results": [20, 5],
        "notes": "",
    }
    item.update(changes)
    return item


GOLD = {
    "document": "sinaq.txt",
    "measures": [_measure("1.1"), _measure("1.2")],
    "target_indicators": [
        {"number": "4.1.1", "name": "x", "unit": "ədəd", "targets": {"2026": 50}}
    ],
}


def test_a_perfect_prediction_scores_one_everywhere():
    scores = score(copy.deepcopy(GOLD), GOLD)
    assert set(scores["fields"].values()) == {1.0}
    assert scores["headline_targets"] == 1.0
    assert scores["measures"] == {
        "gold": 2,
        "predicted": 2,
        "matched": 2,
        "recall": 1.0,
        "precision": 1.0,
    }


SCORING_CASES = [
    # (change to measure 1.2, field, expected mean over the two gold measures)
    ({"lead": ["İN"]}, "lead", 0.5),
    # any longer form of "aidiyyəti qurumlar" counts as it; case does not matter
    ({"co_executors": ["İN", "Aidiyyəti dövlət orqanları (qurumları)"]}, "co_executors", 1.0),
    ({"co_executors": ["aidiyyəti qurumlar", "İN"]}, "co_executors", 0.5),  # order matters
    ({"period": {"start": 2025, "end": 2026, "text": "2025–2026"}}, "period", 0.5),
    ({"results": {"initial": "bir", "interim": "", "final": "üç"}}, "interim", 0.5),
    ({"numbers_in_results": [20]}, "numbers", (1 + 2 / 3) / 2),
]


@pytest.mark.parametrize(("change", "field", "expected"), SCORING_CASES)
def test_field_scores(change, field, expected):
    predicted = copy.deepcopy(GOLD)
    predicted["measures"][1].update(change)
    assert score(predicted, GOLD)["fields"][field] == pytest.approx(expected)


def test_a_missed_measure_scores_zero_and_an_invented_one_costs_precision():
    predicted = copy.deepcopy(GOLD)
    predicted["measures"][1]["number"] = "1.3"
    scores = score(predicted, GOLD)
    assert scores["fields"]["title"] == 0.5
    assert (scores["measures"]["recall"], scores["measures"]["precision"]) == (0.5, 0.5)


def test_headline_targets_must_match_exactly():
    predicted = copy.deepcopy(GOLD)
    predicted["target_indicators"][0]["targets"] = {"2026": 50.0}
    assert score(predicted, GOLD)["headline_targets"] == 1.0
    predicted["target_indicators"][0]["targets"] = {"2026": 5000}
    assert score(predicted, GOLD)["headline_targets"] == 0.0


def test_format_scores_is_a_table_of_every_field():
    table = format_scores(score(copy.deepcopy(GOLD), GOLD))
    for name in (
        "lead",
        "co_executors",
        "period",
        "title",
        "initial",
        "numbers",
        "headline targets",
    ):
        assert name in table


def test_numbers_in_a_merged_cell_are_counted_once():
    item = Measure(
        number="1.1",
        title="t",
        lead=("RİNN",),
        co_executors=(),
        period=Period(2025, 2025, "2025"),
        results={Stage.INITIAL: "azı 5 təlim", Stage.INTERIM: "80%-nin", Stage.FINAL: "80%-nin"},
    )
    assert numbers_in_results(item) == [5, 80]
