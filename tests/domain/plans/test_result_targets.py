"""Numeric targets read out of result texts."""

import pytest

from hedef.domain.plans.model import Comparator, Stage
from hedef.domain.plans.targets import numbers_in, parse_number, targets_in

TARGETS = [
    # (result text, comparator, value, upper, unit)
    ("platformada azı 20 təchizatçının qeydiyyatının olması", Comparator.AT_LEAST, 20, None,
     "təchizatçı"),
    ("100-dən çox müəssisənin reyestr vasitəsilə", Comparator.MORE_THAN, 100, None, "müəssisə"),
    ("müəssisələrin payının 20 faizə çatması", Comparator.EQUAL, 20, None, "%"),
    ("əməliyyatların 80%-nin rəqəmsal şəkildə", Comparator.EQUAL, 80, None, "%"),
    ("səmərəliliyinin azı 5−10 faiz artması", Comparator.AT_LEAST, 5, 10, "%"),
    ("minimum 85%-ə çatdırılması", Comparator.AT_LEAST, 85, None, "%"),
    ("istifadəçilərin sayının 10000 nəfəri üstələməsi", Comparator.MORE_THAN, 10000, None,
     "nəfər"),
    ("3.000 nəfərin təlimə cəlb edilməsi", Comparator.EQUAL, 3000, None, "nəfər"),
    ("Azı 2 data mərkəzinin istifadəyə verilməsi", Comparator.AT_LEAST, 2, None, "mərkəz"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "comparator", "value", "upper", "unit"), TARGETS)
def test_target_is_read_with_its_comparator_and_unit(text, comparator, value, upper, unit):
    (target,) = targets_in(text, Stage.FINAL)
    assert (target.comparator, target.value, target.upper, target.unit) == (
        comparator,
        value,
        upper,
        unit,
    )
    assert target.stage is Stage.FINAL


def test_ordinals_are_not_targets():
    assert targets_in("4-cü Sənaye İnqilabının texnologiyaları", Stage.INITIAL) == []
    assert numbers_in("2022-ci il 22 iyul") == [22]


@pytest.mark.parametrize(
    ("text", "value"), [("3.000", 3000), ("1,5", 1.5), ("1.66", 1.66), ("40000", 40000)]
)
def test_numbers_are_read_as_the_documents_write_them(text, value):
    assert parse_number(text) == value
