"""Numbers and numeric targets read out of result texts."""

from __future__ import annotations

import pytest

from hedef.domain.plans.model import Comparator, Stage
from hedef.domain.plans.targets import numbers_in, parse_number, targets_in


@pytest.mark.parametrize(
    ("text", "number"),
    [("3.000", 3000), ("40.000", 40000), ("1.66", 1.66), ("1,5", 1.5), ("12", 12)],
)
def test_parse_number_reads_thousands_groups_and_decimals(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("4-cü Sənaye İnqilabı və 2026-cı il", []),  # ordinals are not quantities
        ("azı 5−10 faiz artması", [5, 10]),
        ("80%-nin rəqəmsal şəkildə", [80]),
        ("sayının 200-ə çatması", [200]),
        ("30000 sorğu/il səviyyəsinə", [30000]),
    ],
)
def test_numbers_in(text, numbers):
    assert numbers_in(text) == numbers


TARGETS = [
    # (text, (comparator, value, upper, unit) for each target)
    ("azı 20 təchizatçının qeydiyyatı", [(Comparator.AT_LEAST, 20, None, "təchizatçı")]),
    ("100-dən çox müəssisənin çıxışı", [(Comparator.MORE_THAN, 100, None, "müəssisə")]),
    ("payının 20 faizə çatması", [(Comparator.EQUAL, 20, None, "%")]),
    ("minimum 85%-ə çatdırılması", [(Comparator.AT_LEAST, 85, None, "%")]),
    ("azı 5−10 faiz artması", [(Comparator.AT_LEAST, 5, 10, "%")]),
    ("10000 nəfəri üstələməsi", [(Comparator.MORE_THAN, 10000, None, "nəfər")]),
    # the counted noun comes after its adjectives and carries the case ending
    ("12 dövlət qurumunun diaqnostikası", [(Comparator.EQUAL, 12, None, "qurum")]),
    ("4 pilot layihənin həyata keçirilməsi", [(Comparator.EQUAL, 4, None, "layihə")]),
    # two targets close together are both found
    (
        "azı 5 iri müəssisə və 10 KOB-un qoşulması",
        [(Comparator.AT_LEAST, 5, None, "müəssisə"), (Comparator.EQUAL, 10, None, "kob")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TARGETS)
def test_targets_in(text, expected):
    found = targets_in(text, Stage.FINAL)
    assert [(t.comparator, t.value, t.upper, t.unit) for t in found] == expected
    assert all(t.stage is Stage.FINAL and t.phrase for t in found)
