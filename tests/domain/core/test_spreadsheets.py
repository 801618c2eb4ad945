"""Cells Hədəf writes: text stays text in workbooks, and is neutralised in CSV."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from hedef.domain.core.spreadsheets import csv_text, write_cell, write_row


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2 days", "'-2 days"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("8.1.1.1", "8.1.1.1"),
        ("a=b", "a=b"),
        ("", ""),
        (" =x", " =x"),
    ],
    ids=repr,
)
def test_csv_text_prefixes_what_a_spreadsheet_would_run(value, written):
    assert csv_text(value) == written


def test_written_cells_keep_text_as_text_and_numbers_as_numbers():
    """A string that looks like a formula is a string cell; a number is a number cell."""
    book = Workbook()
    sheet = book.active
    write_cell(sheet, 1, 1, "=1+1")
    write_row(sheet, 2, ["@x", -2.5, None, 3])
    buffer = io.BytesIO()
    book.save(buffer)
    again = load_workbook(io.BytesIO(buffer.getvalue()))
    sheet = again.active
    assert (sheet["A1"].value, sheet["A1"].data_type) == ("=1+1", "s")
    assert [c.value for c in sheet[2]] == ["@x", -2.5, None, 3]
    assert sheet["B2"].data_type == "n"
