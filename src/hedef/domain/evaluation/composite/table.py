"""Data tables for composite indices, read by column mapping rather than position.

Published tables differ from edition to edition: header spelling and spacing,
country names with trailing spaces, decimal commas, ".." for missing values, a
byte-order mark. :func:`read_table` matches headers after folding case and
collapsing whitespace, trims unit names, reads numbers with either decimal mark,
and names the row and column of anything it cannot read.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hedef.domain.core.text import az_casefold, normalise_space
from hedef.domain.evaluation.composite.definition import ColumnMapping
from hedef.domain.evaluation.errors import UnreadableTable

__all__ = ["IndexTable", "parse_decimal", "read_table", "table_from_rows"]

_SNIFF_CHARACTERS = 8192
_DELIMITERS = ",;\t|"
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


@dataclass(frozen=True, eq=False)
class IndexTable:
    """Indicator values per unit: ``values[i, j]`` is unit ``i`` on indicator ``columns[j]``.

    Missing values are NaN. ``extras`` holds other mapped columns as text (for
    instance a published score kept for comparison).
    """

    units: tuple[str, ...]
    columns: tuple[str, ...]
    values: NDArray[np.float64]
    edition: str | None = None
    extras: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def column(self, key: str) -> NDArray[np.float64]:
        """The values of indicator ``key`` for every unit."""
        return self.values[:, self.columns.index(key)]


def table_from_rows(
    rows: Sequence[Mapping[str, Any]],
    *,
    unit: str,
    columns: Sequence[str],
    edition: str | None = None,
) -> IndexTable:
    """Build a table from plain records such as ``{"agency": "RİNN", "timeliness": 0.8}``.

    A missing key, ``None`` or NaN is a missing value, as in :func:`read_table`.

    Raises:
        UnreadableTable: a record without its unit, or a value that is not a finite
            number (an infinity would make every score it touches NaN), naming the
            unit and the column.
    """
    names = []
    for number, row in enumerate(rows, start=1):
        if row.get(unit) is None:
            raise UnreadableTable(
                f"record {number} has no {unit!r}", location=f"record {number}", column=unit
            )
        names.append(str(row[unit]))
    units = tuple(names)
    values = np.array(
        [
            [_as_float(row.get(key), name, key) for key in columns]
            for name, row in zip(units, rows, strict=True)
        ],
        dtype=np.float64,
    ).reshape(len(rows), len(columns))
    _check_unique(units, "rows")
    return IndexTable(units, tuple(columns), values, edition)


def read_table(
    path: str | Path, mapping: ColumnMapping, *, edition: str | None = None
) -> IndexTable:
    """Read a CSV table through ``mapping``.

    Args:
        path: the CSV file.
        mapping: header text of the unit, edition, indicator and extra columns.
        edition: keep only rows of this edition; required when the file holds
            several editions.

    Raises:
        UnreadableTable: naming the file, row and column at fault.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding=mapping.encoding)
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableTable(f"cannot be read ({error})", location=str(path)) from error
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text, mapping)))
    if not rows:
        raise UnreadableTable("is empty", location=str(path))
    positions = _positions(rows[0], mapping, str(path))
    body = [
        (number, row)
        for number, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    editions = _editions(body, positions)
    chosen = _chosen_edition(editions, edition, str(path))
    if chosen is not None:
        body = [item for item, value in zip(body, editions, strict=True) if value == chosen]
    return _table(body, positions, mapping, chosen, str(path))


def parse_decimal(text: str, *, decimal: str = "auto") -> float:
    """Read a number written with a decimal point or a decimal comma.

    With ``decimal="auto"`` the last of "." and "," in the text is the decimal
    mark and the other one groups thousands ("1.234,5" and "1,234.5" are both
    1234.5; "0,6937" is 0.6937). Spaces, non-breaking spaces and apostrophes
    grouping thousands are ignored.

    Raises:
        ValueError: when the text is not a number.
    """
    cleaned = _SPACES.sub("", text)
    if decimal == "auto":
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    thousands = "." if decimal == "," else ","
    cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    value = float(cleaned)
    if math.isinf(value):
        raise ValueError(text)
    return value


def _header_key(text: str) -> str:
    return az_casefold(text.replace("\ufeff", ""))


def _delimiter(text: str, mapping: ColumnMapping) -> str:
    if mapping.delimiter:
        return mapping.delimiter
    try:
        return csv.Sniffer().sniff(text[:_SNIFF_CHARACTERS], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _positions(header: list[str], mapping: ColumnMapping, where: str) -> dict[str, int]:
    """Column index of every mapped field, found by folded header text."""
    found = {_header_key(text): index for index, text in enumerate(header)}
    wanted = {"@unit": mapping.unit, **mapping.indicators, **mapping.extras}
    if mapping.edition:
        wanted["@edition"] = mapping.edition
    positions = {}
    for field_name, header_text in wanted.items():
        index = found.get(_header_key(header_text))
        if index is None:
            raise UnreadableTable(
                f"has no column {header_text!r}; its columns are "
                + ", ".join(repr(normalise_space(text)) for text in header),
                location=where,
                column=header_text,
            )
        positions[field_name] = index
    return positions


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _editions(body: list[tuple[int, list[str]]], positions: dict[str, int]) -> list[str | None]:
    if "@edition" not in positions:
        return [None] * len(body)
    editions: list[str | None] = []
    for _, row in body:
        value = normalise_space(_cell(row, positions["@edition"]))
        # "2022.0" from a spreadsheet export is the edition "2022".
        editions.append(value[:-2] if re.fullmatch(r"\d+\.0", value) else value)
    return editions


def _chosen_edition(editions: list[str | None], wanted: str | None, where: str) -> str | None:
    present = sorted({edition for edition in editions if edition})
    if wanted is not None:
        if str(wanted) not in present:
            raise UnreadableTable(
                f"has no rows of edition {wanted!r}; it has {', '.join(present) or 'none'}",
                location=where,
                edition=wanted,
            )
        return str(wanted)
    if len(present) > 1:
        raise UnreadableTable(
            f"holds several editions ({', '.join(present)}); choose one", location=where
        )
    return present[0] if present else None


def _table(
    body: list[tuple[int, list[str]]],
    positions: dict[str, int],
    mapping: ColumnMapping,
    edition: str | None,
    where: str,
) -> IndexTable:
    missing = {marker.casefold() for marker in mapping.missing}
    keys = tuple(mapping.indicators)
    units = []
    values = np.full((len(body), len(keys)), np.nan, dtype=np.float64)
    for row_index, (number, row) in enumerate(body):
        unit = normalise_space(_cell(row, positions["@unit"]))
        if not unit:
            raise UnreadableTable("has no unit name", location=f"{where}: row {number}")
        units.append(unit)
        for column_index, key in enumerate(keys):
            text = _cell(row, positions[key])
            if text.casefold() in missing:
                continue
            try:
                values[row_index, column_index] = parse_decimal(text, decimal=mapping.decimal)
            except ValueError:
                raise UnreadableTable(
                    f"{text!r} is not a number",
                    location=f"{where}: row {number}, column {mapping.indicators[key]!r}",
                    row=number,
                    column=mapping.indicators[key],
                    value=text,
                ) from None
    _check_unique(tuple(units), where)
    extras = {
        name: tuple(_cell(row, positions[name]) for _, row in body) for name in mapping.extras
    }
    return IndexTable(tuple(units), keys, values, edition, extras)


def _check_unique(units: tuple[str, ...], where: str) -> None:
    seen: set[str] = set()
    for unit in units:
        folded = az_casefold(unit)
        if folded in seen:
            raise UnreadableTable(f"lists {unit!r} twice", location=where, unit=unit)
        seen.add(folded)


def _as_float(value: Any, unit: str, column: str) -> float:
    if value is None:
        return math.nan
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.inf
    if math.isinf(number) or isinstance(value, bool):
        raise UnreadableTable(
            f"{value!r} is not a finite number",
            location=f"{unit!r}, column {column!r}",
            unit=unit,
            column=column,
            value=repr(value),
        )
    return number
