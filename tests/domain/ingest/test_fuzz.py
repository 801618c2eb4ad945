"""Whatever text comes in, only an :class:`IngestionError` comes out, or a valid plan.

Random text and random damage to the real sample documents (lines deleted,
shuffled, duplicated or re-indented, the text cut short) must never produce any
other exception, and every plan that does come out must survive the interchange
format's schema and consistency checks.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hedef.domain.ingest import IngestionError, TableRow, parse_text, plan_from_rows
from hedef.domain.plans.interchange import dumps, loads
from tests.fixtures import SAMPLES, sample_document

pytestmark = pytest.mark.slow  # hundreds of examples each
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def sample_lines() -> list[list[str]]:
    return [sample_document(name).read_text(encoding="utf-8").split("\n") for name in SAMPLES]


def parse_or_refuse(text: str) -> None:
    try:
        parsed = parse_text(text, file_name="fuzz.txt", sha256="0" * 64)
    except IngestionError as error:
        assert error.message
        return
    assert loads(dumps(parsed.strategy)) == parsed.strategy


@FUZZ
@given(st.text(max_size=3000))
def test_random_text(text: str):
    parse_or_refuse(text)


@FUZZ
@given(
    st.lists(
        st.sampled_from(
            [
                "8.1.1.1.",
                "2026–2029",
                "RİNN İN",
                "",
                " ",
                "Məqsəd 8.1.",
                "mütəmadi",
                "Tədbirlər Planı",
                "9. Akronimlər",
                "RİNN – Nazirlik",
                "ə və ə",
                "yaradılması",
                "Azı 20",
                "1.1. Başlıq",
            ]
        ),
        max_size=80,
    )
)
def test_text_made_of_the_documents_own_pieces(pieces: list[str]):
    parse_or_refuse(
        ("Azərbaycan Respublikasında rəqəmsal inkişaf üzrə ə ə ə\n" * 10) + "\n".join(pieces)
    )


def _damage(lines: list[str], rng: random.Random, operation: str) -> list[str]:
    lines = list(lines)
    i, j = sorted(rng.randrange(len(lines)) for _ in range(2))
    if operation == "delete":
        del lines[i : j + 1]
    elif operation == "shuffle":
        window = lines[i : i + 40]
        rng.shuffle(window)
        lines[i : i + 40] = window
    elif operation == "duplicate":
        lines[j:j] = lines[i : i + 30]
    elif operation == "indent":
        lines = [" " + line if rng.random() < 0.2 else line for line in lines]
    elif operation == "drop blanks":
        lines = [line for line in lines if line.strip() or rng.random() < 0.5]
    elif operation == "truncate":
        lines = lines[:i]
    return lines


@FUZZ
@given(
    sample=st.integers(0, len(SAMPLES) - 1),
    seed=st.integers(0, 2**32 - 1),
    operations=st.lists(
        st.sampled_from(["delete", "shuffle", "duplicate", "indent", "drop blanks", "truncate"]),
        min_size=1,
        max_size=3,
    ),
)
def test_damaged_samples(sample_lines, sample: int, seed: int, operations: list[str]):
    rng = random.Random(seed)
    lines = sample_lines[sample]
    for operation in operations:
        if not lines:
            break
        lines = _damage(lines, rng, operation)
    parse_or_refuse("\n".join(lines))


@FUZZ
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "",
                    "1.1",
                    "8.1.1.1.",
                    "Məqsəd 8.1. Ad",
                    "RİNN",
                    "RİNN, İN",
                    "2026",
                    "2026–2029",
                    "mütəmadi",
                    "yaradılması",
                    "azı 20 müəssisə",
                    "x",
                ]
            ),
            min_size=0,
            max_size=9,
        ),
        max_size=12,
    )
)
def test_random_table_rows(rows: list[list[str]]):
    front = "Azərbaycan Respublikasında rəqəmsal inkişaf üzrə 2026–2029-cu illər üçün Strategiya\n"
    try:
        parsed = plan_from_rows(
            front,
            None,
            [TableRow(tuple(cells), "row") for cells in rows],
            file_name="f",
            sha256="0" * 64,
        )
    except IngestionError:
        return
    assert loads(dumps(parsed.strategy)) == parsed.strategy
