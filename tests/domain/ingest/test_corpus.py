"""The reader on the corpus: the samples in layouts it was not tuned on (tests/corpus).

The documents and their gold files are built by ``python -m tests.corpus.build``;
``benchmarks/ingest_corpus.py`` prints every document's per-field scores. Here the
gold files are checked against their derivation, and the documents at goal are
held there.
"""

from __future__ import annotations

import json

import pytest

from hedef.domain.ingest.documents import read_document
from hedef.domain.ingest.gold import to_gold
from hedef.domain.ingest.scoring import format_scores, meets_goals, score
from tests.corpus.build import (
    CORPUS_GOLD_DIR,
    DOCUMENTS_DIR,
    derived_gold,
    document_named,
    documents,
)

# The corpus documents the reader reads at goal today, by file name.
AT_GOAL_DOCX = ("001-unnamed", "001-period-first", "002-unnamed", "002-period-first")


@pytest.mark.parametrize("document", documents(), ids=lambda document: document.stem)
def test_each_gold_file_is_the_derivation_of_its_sample_gold(document):
    committed = json.loads((CORPUS_GOLD_DIR / f"{document.stem}.json").read_text("utf-8"))
    assert committed == derived_gold(document)


def test_four_level_numbering_renumbers_goals_directions_and_measures_alike():
    gold = derived_gold(document_named("001-unnamed"))
    assert max(len(m["number"].split(".")) for m in gold["measures"]) == 4
    assert all(m["number"].startswith("8.") for m in gold["measures"])
    assert [g["number"] for g in gold["goals"]] == ["8.1", "8.2", "8.3"]


def test_shared_results_give_the_lower_measure_the_upper_ones():
    gold = derived_gold(document_named("002-period-first"))
    sample = derived_gold(document_named("002-unnamed"))
    changed = [
        m["number"]
        for m, original in zip(gold["measures"], sample["measures"], strict=True)
        if m["results"] != original["results"]
    ]
    assert changed
    by_number = {m["number"]: m for m in gold["measures"]}
    for number in changed:
        index = list(by_number).index(number)
        above = gold["measures"][index - 1]
        assert by_number[number]["results"] == above["results"]


def _scores(name: str) -> dict:
    path = DOCUMENTS_DIR / name
    gold = json.loads((CORPUS_GOLD_DIR / f"{path.stem}.json").read_text("utf-8"))
    return score(to_gold(read_document(path.read_bytes(), path.name)), gold)


@pytest.mark.parametrize("stem", AT_GOAL_DOCX)
def test_corpus_word_documents_meet_the_accuracy_goals(stem):
    scores = _scores(f"{stem}.docx")
    assert meets_goals(scores), format_scores(scores)


@pytest.mark.slow
@pytest.mark.parametrize("stem", AT_GOAL_DOCX)
def test_corpus_pdf_documents_meet_the_accuracy_goals(stem):
    scores = _scores(f"{stem}.pdf")
    assert meets_goals(scores), format_scores(scores)
