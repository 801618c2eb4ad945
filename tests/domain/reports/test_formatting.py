"""Numbers and dates are written as the dashboard writes them, per language."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hedef.domain.reports.formatting import (
    format_date,
    format_days,
    format_fixed,
    format_number,
    format_percent,
    format_share,
    format_year,
    year_to_date,
)


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        # Django's floatformat:"-2": whole numbers bare, others with two decimals.
        (300, "az", "300"),
        (300.0, "en", "300"),
        (12.5, "az", "12,50"),
        (12.5, "en", "12.50"),
        (1.875, "az", "1,88"),  # half up, as Decimal rounds it
        (2.675, "en", "2.68"),  # not 2.67, the binary float's rounding
        (-0.001, "en", "0.00"),  # no "-0.00", as Django writes it
        (-3.25, "ru", "-3,25"),
        (40000, "az", "40000"),  # no thousands grouping, like the pages
        (None, "az", "—"),
        (float("nan"), "az", "—"),
    ],
)
def test_number_follows_floatformat(value, language, expected):
    assert format_number(value, language=language) == expected


@pytest.mark.parametrize(
    ("share", "language", "expected"),
    [
        (0.684, "az", "68%"),
        (0.685, "en", "69%"),
        (1.0, "az", "100%"),
        (1.236, "en", "124%"),  # over-achievement is shown as it is
        (0, "en", "0%"),
        (None, "az", "—"),
    ],
)
def test_share_is_a_whole_percentage(share, language, expected):
    assert format_share(share, language=language) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [(0.5, "az", "0,500"), (0.0, "en", "0.000"), (0.74851, "az", "0,749"), (None, "en", "—")],
)
def test_fixed_keeps_every_decimal(value, language, expected):
    assert format_fixed(value, language=language, decimals=3) == expected


@pytest.mark.parametrize(
    ("day", "language", "short", "expected"),
    [
        (date(2028, 7, 15), "az", False, "15 iyul 2028"),
        (date(2028, 7, 15), "en", False, "15 July 2028"),
        (date(2028, 7, 15), "ru", False, "15 июля 2028"),
        (date(2029, 1, 3), "az", True, "03.01.2029"),
        (date(2029, 1, 3), "en", True, "3 Jan 2029"),
        (None, "az", True, "—"),
    ],
)
def test_date_in_each_language(day, language, short, expected):
    assert format_date(day, language=language, short=short) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2026, date(2026, 1, 1)),
        (2026.5, date(2026, 7, 1)),
        (2026.25, date(2026, 4, 1)),
        (2026.999, date(2027, 1, 1)),
    ],
)
def test_fractional_year_is_the_nearest_month_start(year, expected):
    assert year_to_date(year) == expected


@pytest.mark.parametrize(
    ("year", "language", "expected"),
    [
        (2027, "az", "2027"),
        (2027.0, "en", "2027"),
        (2027.5, "az", "30.06.2028"),
        (2026.25, "en", "31 Mar 2027"),
    ],
)
def test_year_label(year, language, expected):
    assert format_year(year, language=language) == expected


def test_percent_and_days():
    assert format_percent(45, language="az") == "45%"
    assert format_percent(None, language="az") == "—"
    assert format_days(2.5, language="az") == "2,5"
    assert format_days(3.0, language="en") == "3"


@settings(max_examples=500)
@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.sampled_from(["az", "en", "ru"]),
)
def test_number_reads_back_to_within_its_rounding(value, language):
    text = format_number(value, language=language)
    assert re.fullmatch(r"-?\d+([.,]\d\d)?", text)  # never "1e-05", never "-0"
    assert not re.fullmatch(r"-0([.,]00)?", text)
    assert abs(float(text.replace(",", ".")) - value) <= 0.005 + 1e-12 * abs(value)
