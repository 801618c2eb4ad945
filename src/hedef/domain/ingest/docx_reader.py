"""Reading a strategy from a Word (.docx) document.

The body is walked in order: paragraphs become front text, tables become
:class:`~hedef.domain.ingest.tables.SourceTable` with their merges taken from the
XML itself (``gridSpan`` for a cell across columns, ``vMerge`` for a cell down
rows), because python-docx's ``row.cells`` repeats a merged cell without saying
so. :mod:`hedef.domain.ingest.tables` does the rest, the same way as for PDF.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from hedef.domain.core.i18n import gettext as _
from hedef.domain.ingest import pipeline
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.ingest.sniff import archive_members, ensure_acceptable_size, refuse_damaged
from hedef.domain.ingest.tables import (
    ActionPlan,
    Block,
    SourceCell,
    SourceRow,
    SourceTable,
    assemble,
)

__all__ = ["read_docx"]

_DOCUMENT_PART = "word/document.xml"
_ZIP_MAGIC = b"PK\x03\x04"
# The runs of a paragraph, also those one level down in a wrapper element.
_RUNS = (
    "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
    " | ./w:customXml/w:r | ./w:sdt/w:sdtContent/w:r"
)


def read_docx(data: bytes, file_name: str) -> ParsedPlan:
    """Read the strategy in a Word document.

    Args:
        data: the file's bytes.
        file_name: the name shown in messages and kept as the plan's source.

    Raises:
        IngestionError: the file is empty, too large, not a Word document, damaged,
            has no tables, or has no table that is an action plan; or the plan's
            content cannot be read (raised by the row mapping).
    """
    tables = read_docx_tables(data, file_name)
    return pipeline.plan_from_tables(tables, data=data, file_name=file_name)


def read_docx_tables(data: bytes, file_name: str) -> ActionPlan:
    """Read a Word document as far as its front text and action-plan rows.

    Raises:
        IngestionError: as :func:`read_docx`, except for the plan's content.
    """
    ensure_acceptable_size(len(data), file_name)
    if not data.startswith(_ZIP_MAGIC) or _DOCUMENT_PART not in archive_members(data, file_name):
        raise IngestionError(
            _("The file %(file)s is not a Word (.docx) document.") % {"file": file_name},
            file_name,
        )
    damaged = _("The Word document %(file)s is damaged and cannot be read.") % {"file": file_name}
    with refuse_damaged(damaged, file_name):
        blocks = list(_blocks(Document(io.BytesIO(data))))
    if not any(isinstance(block, SourceTable) for block in blocks):
        raise IngestionError(
            _("The document %(file)s has no tables, so it has no action plan to read.")
            % {"file": file_name},
            file_name,
        )
    plan = assemble(blocks)
    if plan.header is None:
        raise IngestionError(
            _(
                "No table in %(file)s has the columns of an action plan (measure, "
                "lead executor, period, initial / interim / final results)."
            )
            % {"file": file_name},
            file_name,
        )
    return plan


def _blocks(document: Any) -> Iterator[Block]:
    """Paragraph texts and tables of the document body, in reading order."""
    table_number = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _paragraph_text(item._p)
        elif isinstance(item, Table):
            table_number += 1
            yield _source_table(item, table_number)


def _paragraph_text(paragraph: Any) -> str:
    """The text of a ``w:p``, including runs that python-docx's ``text`` leaves out.

    Runs inside a tracked insertion, a smart tag, a simple field or an inline
    content control are text the reader sees; deleted text (``w:delText``) is not.
    """
    return "".join(Run(run, None).text for run in paragraph.xpath(_RUNS))  # type: ignore[arg-type]


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs, one per line; a table nested in the cell adds its cells' lines."""
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            lines.extend(_cell_text(cell) for cell in child.xpath("./w:tr/w:tc"))
    return "\n".join(lines)


def _source_table(table: Table, number: int) -> SourceTable:
    rows: list[SourceRow] = []
    width = 0
    for row_index, tr in enumerate(table._tbl.tr_lst, start=1):
        column = max(tr.grid_before, 0)
        cells: list[SourceCell] = []
        for tc in tr.tc_lst:
            span = max(tc.grid_span, 1)
            cells.append(
                SourceCell(
                    text=_cell_text(tc),
                    column=column,
                    span=span,
                    continues_above=tc.vMerge == "continue",
                )
            )
            column += span
        width = max(width, column)
        location = _("table %(table)s, row %(row)s") % {"table": number, "row": row_index}
        rows.append(SourceRow(tuple(cells), location))
    return SourceTable(
        tuple(rows),
        max(width, table._tbl.col_count),
        _("table %(table)s") % {"table": number},
    )
