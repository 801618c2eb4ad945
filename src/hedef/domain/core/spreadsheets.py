"""Text in the spreadsheets Hədəf writes: a value is data, never a formula.

Titles, agency names and narratives come from people, and a spreadsheet program
runs what looks like a formula: ``=HYPERLINK("https://…?"&A1)`` in a downloaded
file sends the sheet's content away when clicked. Every writer of a workbook or
a CSV file goes through this module.

* In a workbook (openpyxl), a string is written as a string cell: openpyxl would
  otherwise store a value starting with ``=`` as a formula. Read back, the cell
  gives the exact text, so a round trip keeps every character.
* In CSV there are no cell types, so a text value a spreadsheet program would
  run (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
  gets a leading apostrophe, as OWASP recommends against CSV injection. Numbers
  stay numbers: the writers format a number themselves and never pass it here,
  so ``-5`` is written unchanged while the text "-2 days" becomes "'-2 days".

Reading, an uploaded workbook is untrusted XML: with defusedxml installed (a
dependency), openpyxl refuses any entity declaration, so a "billion laughs"
file fails fast instead of expanding in memory; :func:`declares_entities` tells
that failure from other damage so the message can say what is wrong.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from typing import Any

from defusedxml import DefusedXmlException
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "FORMULA_TRIGGERS",
    "READ_ERRORS",
    "csv_text",
    "declares_entities",
    "write_cell",
    "write_row",
]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# What openpyxl and the XML parsers under it raise on a damaged or hostile file
# (``ParseError`` is a ``SyntaxError``; ``BadZipFile`` and defusedxml's errors are
# ``ValueError``-like or ``OSError``), opening it or iterating its rows.
READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    SyntaxError,
    EOFError,
)


def write_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write ``value`` at ``row``, ``column``; text is stored as text, never as a formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    assert isinstance(cell, Cell)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def write_row(sheet: Worksheet, row: int, values: Iterable[Any]) -> list[Cell]:
    """Write ``values`` in ``row`` from the first column on, as :func:`write_cell` does."""
    return [write_cell(sheet, row, column, value) for column, value in enumerate(values, start=1)]


def csv_text(value: str) -> str:
    """``value`` safe for a CSV cell: text a spreadsheet would run as a formula gets a ``'``."""
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def declares_entities(error: BaseException) -> bool:
    """Whether reading a workbook failed because its XML declares entities (or a DTD)."""
    seen: BaseException | None = error
    for _depth in range(10):
        if seen is None:
            return False
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
