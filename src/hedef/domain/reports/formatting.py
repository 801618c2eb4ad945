"""Numbers, shares and dates written the way the dashboard writes them.

Numbers follow Django's ``floatformat:"-2"``, which the web pages use: a whole
number has no decimals, any other is rounded half up to exactly two; the decimal
mark is the language's (comma in Azerbaijani and Russian) and thousands are not
grouped. A report and a page showing the same value therefore show the same
characters. Missing values are an em dash.

Month names are locale data, not interface text, so they live here per language
rather than in the translation catalogues.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "MISSING",
    "Formats",
    "format_date",
    "format_days",
    "format_fixed",
    "format_number",
    "format_percent",
    "format_share",
    "format_year",
    "year_to_date",
]

MISSING = "—"

_DECIMAL_MARK = {"az": ",", "ru": ",", "en": "."}
_MONTHS = {
    "az": ("yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr".split()),
    "en": (
        "January February March April May June July August September October November "
        "December".split()
    ),
    "ru": (
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
    ),
}


def format_number(value: float | None, *, language: str, decimals: int = 2) -> str:
    """Write ``value`` as ``floatformat:"-<decimals>"`` would in ``language``.

    >>> format_number(12.5, language="az")
    '12,50'
    >>> format_number(300.0, language="en")
    '300'
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return MISSING
    exact = Decimal(str(value))
    if exact == exact.to_integral_value():
        text = str(int(exact))
    else:
        text = str(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # rounding made "-0.00" of a tiny negative number
    return text.replace(".", _DECIMAL_MARK.get(language, "."))


def format_fixed(value: float | None, *, language: str, decimals: int) -> str:
    """Write ``value`` with exactly ``decimals`` decimals (a score: 0.500, 0.000)."""
    if value is None or not math.isfinite(value):
        return MISSING
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".replace(".", _DECIMAL_MARK.get(language, "."))


def format_share(share: float | None, *, language: str, decimals: int = 0) -> str:
    """Write a share (0–1) as a percentage: 0.684 → "68%"."""
    if share is None or not math.isfinite(share):
        return MISSING
    exact = Decimal(str(share)) * 100
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}".replace(".", _DECIMAL_MARK.get(language, "."))
    return f"{text}%"


def format_percent(percent: float | None, *, language: str) -> str:
    """Write a value already in percent (0–100) with a percent sign: 45 → "45%"."""
    if percent is None:
        return MISSING
    return f"{format_number(percent, language=language)}%"


def format_days(days: float | None, *, language: str) -> str:
    """Write a number of days, with one decimal only when it has one (a median of two)."""
    return format_number(days, language=language, decimals=1)


def format_date(day: date | None, *, language: str, short: bool = False) -> str:
    """Write a date: "15 iyul 2026" (long) or "15.07.2026" (short; "15 Jul 2026" in English)."""
    if day is None:
        return MISSING
    months = _MONTHS.get(language, _MONTHS["en"])
    if short:
        if language == "en":
            return f"{day.day} {months[day.month - 1][:3]} {day.year}"
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {months[day.month - 1]} {day.year}"


def year_to_date(year: float) -> date:
    """The date of a fractional year, to the nearest month start: 2026.5 → 1 July 2026."""
    whole = math.floor(year)
    month = round((year - whole) * 12)
    if month == 12:
        return date(whole + 1, 1, 1)
    return date(whole, month + 1, 1)


def format_year(year: float, *, language: str) -> str:
    """Write a time point of an indicator's values, on the plans' year axis.

    On that axis, as on the dashboards' charts, the tick 2026 is the end of 2026,
    when the 2026 target is due (:func:`hedef.domain.evaluation.dates.year_end_axis`).
    A whole year is written as the year ("2026"); a fraction as the last day of
    the period its value describes: 2026.5 is the end of June 2027, "30.06.2027".
    """
    if float(year).is_integer():
        return str(int(year))
    day = year_to_date(year + 1) - timedelta(days=1)
    return format_date(day, language=language, short=True)


@dataclass(frozen=True)
class Formats:
    """The functions of this module bound to one language."""

    language: str

    def number(self, value: float | None, *, decimals: int = 2) -> str:
        return format_number(value, language=self.language, decimals=decimals)

    def fixed(self, value: float | None, *, decimals: int) -> str:
        return format_fixed(value, language=self.language, decimals=decimals)

    def share(self, share: float | None) -> str:
        return format_share(share, language=self.language)

    def percent(self, percent: float | None) -> str:
        return format_percent(percent, language=self.language)

    def days(self, days: float | None) -> str:
        return format_days(days, language=self.language)

    def date(self, day: date | None, *, short: bool = False) -> str:
        return format_date(day, language=self.language, short=short)

    def year(self, year: float) -> str:
        return format_year(year, language=self.language)
