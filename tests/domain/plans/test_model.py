"""Plan model rules: periods, executor kinds, numbering parents."""

import pytest

from hedef.domain.plans.model import ExecutorKind, Period, executor_kind, parent_number

PERIODS = [
    # (start, end, year, due)
    (2026, 2029, 2025, False),
    (2026, 2029, 2026, True),
    (2026, 2029, 2029, True),
    (2027, 2029, 2026, False),
    (2025, 2025, 2025, True),
    (None, None, 2040, True),  # ongoing ("mütəmadi") is always due
]


@pytest.mark.parametrize(("start", "end", "year", "due"), PERIODS)
def test_period_covers(start, end, year, due):
    assert Period(start, end, "").covers(year) is due


def test_collective_executors_are_not_agencies():
    assert executor_kind("aidiyyəti qurumlar") is ExecutorKind.RELEVANT_BODIES
    assert executor_kind("sahibkarlıq subyektləri") is ExecutorKind.ENTREPRENEURS
    assert executor_kind("RİNN") is ExecutorKind.AGENCY


def test_parent_is_the_longest_known_prefix():
    nodes = {"1", "1.1", "2", "8.1", "8.1.1"}
    assert parent_number("1.1.3", nodes) == "1.1"
    assert parent_number("2.4", nodes) == "2"  # a measure directly under a goal
    assert parent_number("8.1.1.1", nodes) == "8.1.1"
    assert parent_number("9.1", nodes) is None
