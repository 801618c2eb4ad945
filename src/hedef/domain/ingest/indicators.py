"""Reading the headline target indicator table ("Hədəf göstəriciləri").

The table has one row per indicator: a number, the indicator's name (often over
several lines), its unit and one target per year under a header of consecutive
years. In extracted text the unit and the targets share a line ("ədəd 50 100 180
300"), sometimes with the end of the name in front of them.
"""

from __future__ import annotations

import itertools
import re

from hedef.domain.core.text import az_casefold
from hedef.domain.ingest.sections import indicator_region, split_lines
from hedef.domain.ingest.vocabulary import DASHES, join_cell_lines, numbered
from hedef.domain.plans.model import Direction, HeadlineIndicator
from hedef.domain.plans.targets import parse_number

__all__ = ["parse_indicators"]

_YEAR_HEADER = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s+(?:19|20)\d\d)+(?!\d)")
_VALUE = rf"(?:\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?|[{DASHES}])"
# Units as the documents write them, longest first so "mln AZN" wins over "AZN".
_UNITS = (
    "mlrd AZN", "mln AZN", "min AZN", "mlrd manat", "mln manat", "min manat", "AZN", "manat",
    "ABŞ dolları", "mln ABŞ dolları", "ədəd", "nəfər", "faiz", "%", "bal", "yer", "sayı",
    "mln", "mlrd", "min", "saat", "gün", "Mbit/s", "Mbps", "GB", "indeks",
)  # fmt: skip
_SPACED_LETTERS = re.compile(r"(?<!\S)\w(?: \w){2,}(?!\S)")


def parse_indicators(text: str) -> tuple[HeadlineIndicator, ...]:
    """The headline indicators that have numeric yearly targets, in document order.

    "3.000" is read as three thousand. A row whose every target is a dash is left
    out; so is a document without such a table.
    """
    lines = split_lines(text)
    region = indicator_region(lines)
    if region is None:
        return ()
    years, first_row = _year_header(lines, *region)
    if not years:
        return ()
    values = re.compile(
        rf"^(?P<before>.*?)\s*(?P<values>{_VALUE}(?:\s+{_VALUE}){{{len(years) - 1}}})\s*$"
    )
    indicators = []
    for number, block in _row_blocks(lines[first_row : region[1]], values):
        indicator = _indicator(number, block, years, values)
        if indicator is not None:
            indicators.append(indicator)
    return tuple(indicators)


def _year_header(lines: list[str], start: int, end: int) -> tuple[list[int], int]:
    for index in range(start, end):
        match = _YEAR_HEADER.search(lines[index])
        if match:
            years = [int(year) for year in match.group(0).split()]
            if all(later == earlier + 1 for earlier, later in itertools.pairwise(years)):
                return years, index + 1
    return [], end


def _row_blocks(lines: list[str], values: re.Pattern[str]) -> list[tuple[str, list[str]]]:
    """Group lines into rows; a row is complete once its line of targets is read."""
    blocks: list[tuple[str, list[str]]] = []
    complete = True
    for line in lines:
        item = numbered(line)
        if item is not None and "." in item.number:
            blocks.append((item.number, [item.rest]))
            complete = values.match(item.rest) is not None
        elif not complete and line.strip():
            blocks[-1][1].append(line)
            complete = values.match(line.strip()) is not None
    return blocks


def _indicator(
    number: str, block: list[str], years: list[int], values: re.Pattern[str]
) -> HeadlineIndicator | None:
    match = values.match(block[-1].strip())
    if match is None:
        return None
    name_lines = block[:-1]
    unit = match.group("before").strip()
    if not name_lines:
        name_part, unit = _split_unit(unit)
        name_lines.append(name_part)
    targets = {
        year: parse_number(value)
        for year, value in zip(years, match.group("values").split(), strict=True)
        if value not in DASHES
    }
    name = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), join_cell_lines(name_lines))
    if not targets or not name:
        return None
    direction = (
        Direction.LOWER_IS_BETTER if "azal" in az_casefold(name) else Direction.HIGHER_IS_BETTER
    )
    return HeadlineIndicator(
        number=number, name=name, unit=unit, targets=targets, direction=direction
    )


def _split_unit(text: str) -> tuple[str, str]:
    """Split "Yeni startapların sayı ədəd" into the name and its unit."""
    for unit in _UNITS:
        if text.endswith(" " + unit) or text == unit:
            return text[: -len(unit)].strip(), unit
    name, _, last = text.rpartition(" ")
    return (name, last) if name else (text, "")
