"""The text parser reads both sample documents as the gold annotations say.

Thresholds are the project's accuracy targets; the figures themselves are
printed by ``benchmarks/ingest_benchmark.py --scores``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from hedef.domain.ingest import parse_text
from hedef.domain.ingest.gold import to_gold
from hedef.domain.ingest.scoring import format_scores, score
from tests.fixtures import SAMPLES, gold_path, sample_document

THRESHOLDS = {
    # field: lowest acceptable mean over the gold measures
    "number": 0.99,
    "lead": 0.99,
    "co_executors": 0.99,
    "period": 0.99,
    "title": 0.97,
    "initial": 0.90,
    "interim": 0.90,
    "final": 0.90,
}


@pytest.fixture(scope="module", params=SAMPLES)
def scores(request: pytest.FixtureRequest) -> dict[str, Any]:
    text = sample_document(request.param).read_text(encoding="utf-8")
    gold = json.loads(gold_path(request.param).read_text(encoding="utf-8"))
    parsed = parse_text(
        text,
        file_name=f"{request.param}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    return score(to_gold(parsed), gold)


@pytest.mark.parametrize(("field", "threshold"), THRESHOLDS.items())
def test_field_meets_its_accuracy_target(scores: dict[str, Any], field: str, threshold: float):
    assert scores["fields"][field] >= threshold, format_scores(scores)


def test_every_gold_measure_is_found_and_none_invented(scores: dict[str, Any]):
    assert scores["measures"]["recall"] >= 0.99, format_scores(scores)
    assert scores["measures"]["precision"] >= 0.99, format_scores(scores)


def test_headline_targets_are_read_exactly(scores: dict[str, Any]):
    assert scores["headline_targets"] == 1.0, format_scores(scores)
