"""Calendar dates as fractional years, period labels and the chart's year-end axis."""

from datetime import date

import pytest

from hedef.domain.evaluation.dates import (
    fractional_year,
    period_label,
    target_dates,
    year_end_axis,
)

ENDS = [
    # (last day of a period, its fractional-year date)
    (date(2026, 6, 30), 2026.5),
    (date(2026, 12, 31), 2027.0),
    (date(2026, 3, 31), 2026.25),
    (date(2026, 9, 30), 2026.75),
    (date(2024, 2, 29), 2024 + 2 / 12),  # a leap day ends February
    (date(2026, 1, 1), 2026 + 1 / 365),  # mid-month: share of the year's days
    (date(2024, 7, 14), 2024 + 196 / 366),
]


@pytest.mark.parametrize(("day", "expected"), ENDS)
def test_fractional_year_dates_the_end_of_a_day(day, expected):
    assert fractional_year(day) == pytest.approx(expected, abs=1e-12)


LABELS = [
    (date(2026, 1, 1), date(2026, 12, 31), "2026"),
    (date(2026, 1, 1), date(2026, 6, 30), "2026-S1"),
    (date(2026, 7, 1), date(2026, 12, 31), "2026-S2"),
    (date(2026, 4, 1), date(2026, 6, 30), "2026-Q2"),
    (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4"),
    (date(2026, 2, 1), date(2026, 7, 31), "2026-02-01/2026-07-31"),  # six months, not a half
    (date(2025, 7, 1), date(2026, 6, 30), "2025-07-01/2026-06-30"),  # a year across two
    (date(2026, 1, 15), date(2026, 6, 30), "2026-01-15/2026-06-30"),
]


@pytest.mark.parametrize(("start", "end", "expected"), LABELS)
def test_period_label(start, end, expected):
    assert period_label(start, end) == expected


def test_a_year_target_is_due_at_its_end_and_drawn_on_its_tick():
    assert target_dates({2026: 50.0, 2029: 300.0}) == {2027.0: 50.0, 2030.0: 300.0}
    assert year_end_axis(2027.0) == 2026.0
    assert year_end_axis(fractional_year(date(2026, 6, 30))) == 2025.5
