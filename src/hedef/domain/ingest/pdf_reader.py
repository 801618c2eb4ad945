"""Reading a strategy from a PDF document.

A PDF has no tables, only text and drawn lines, so the tables are found from the
page geometry with pdfplumber: ruling lines first (how Word and LibreOffice draw
tables), and only when a document has no ruled table at all, the alignment of
the text. Each table is turned into a
:class:`~hedef.domain.ingest.tables.SourceTable` whose merged cells are worked out
from the cell boxes: a box wider than its column spans the columns it covers, and
a grid position no box covers belongs to the box above it. The page text outside
the tables, line by line in reading order, is the front text.
:mod:`hedef.domain.ingest.tables` then joins the pages of the action plan.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

import pdfplumber

from hedef.domain.core.i18n import gettext as _
from hedef.domain.ingest import pipeline
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.ingest.pdf_unruled import unruled_blocks
from hedef.domain.ingest.sniff import ensure_acceptable_size, refuse_damaged
from hedef.domain.ingest.tables import (
    ActionPlan,
    Block,
    SourceCell,
    SourceRow,
    SourceTable,
    assemble,
)
from hedef.domain.ingest.vocabulary import join_cell_lines

__all__ = ["read_pdf"]

_PDF_MAGIC = b"%PDF-"
_RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
# Cell boxes are snapped to the ruling lines, but their edges may still differ by
# a fraction of a point; closer than this, two edges are the same grid line.
_EDGE_TOLERANCE = 1.0


def read_pdf(data: bytes, file_name: str) -> ParsedPlan:
    """Read the strategy in a PDF document.

    Args:
        data: the file's bytes.
        file_name: the name shown in messages and kept as the plan's source.

    Raises:
        IngestionError: the file is empty, too large, not a PDF, damaged, has no
            text layer (a scan), or has no table that is an action plan; or the
            plan's content cannot be read (raised by the row mapping).
    """
    tables = read_pdf_tables(data, file_name)
    return pipeline.plan_from_tables(tables, data=data, file_name=file_name)


def read_pdf_tables(data: bytes, file_name: str) -> ActionPlan:
    """Read a PDF as far as its front text and action-plan rows.

    Raises:
        IngestionError: as :func:`read_pdf`, except for the plan's content.
    """
    ensure_acceptable_size(len(data), file_name)
    if _PDF_MAGIC not in data[:1024]:
        raise IngestionError(
            _("The file %(file)s is not a PDF document.") % {"file": file_name}, file_name
        )
    damaged = _("The PDF %(file)s is damaged and cannot be read.") % {"file": file_name}
    with refuse_damaged(damaged, file_name), pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = list(pdf.pages)
        if not any(page.chars for page in pages):
            raise IngestionError(
                _(
                    "The PDF %(file)s has no text layer (it looks like a scan); "
                    "run it through text recognition (OCR) or upload the Word file."
                )
                % {"file": file_name},
                file_name,
            )
        plan = assemble(list(_blocks(pages)))
        if plan.header is None:
            plan = assemble(list(unruled_blocks(pages)))
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


def _blocks(pages: Sequence[Any]) -> Iterator[Block]:
    """Text lines and ruled tables of every page, top to bottom."""
    for page in pages:
        tables = [table for table in page.find_tables(_RULED) if table.cells]
        placed: list[tuple[float, int, Block]] = []
        for order, table in enumerate(tables):
            placed.append((table.bbox[1], order, _source_table(table, page.page_number)))
        outside = page.filter(lambda obj, tables=tables: not _inside_any(obj, tables))
        for line in outside.extract_text_lines():
            placed.append((line["top"], len(tables), line["text"]))
        for _top, _order, block in sorted(placed, key=lambda item: (item[0], item[1])):
            yield block


def _inside_any(obj: dict[str, Any], tables: Sequence[Any]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    for table in tables:
        x0, top, x1, bottom = table.bbox
        if x0 <= x <= x1 and top <= y <= bottom:
            return True
    return False


def _source_table(table: Any, page_number: int) -> SourceTable:
    """The cells of a pdfplumber table, with their spans worked out from the boxes."""
    boxes = [row.cells for row in table.rows]
    texts = table.extract()
    edges = _column_edges(boxes)
    rows: list[SourceRow] = []
    for row_index, (row_boxes, row_texts) in enumerate(zip(boxes, texts, strict=True), 1):
        cells: list[SourceCell] = []
        covered_to = 0
        for column, (box, text) in enumerate(zip(row_boxes, row_texts, strict=True)):
            if box is not None:
                span = _span(box, column, edges)
                lines = (text or "").split("\n")
                cells.append(SourceCell(join_cell_lines(lines), column, span))
                covered_to = column + span
            elif column >= covered_to:
                # No box starts here and none to the left reaches it: the box above
                # runs down into this row.
                cells.append(SourceCell("", column, 1, continues_above=True))
        location = _("page %(page)s, row %(row)s") % {"page": page_number, "row": row_index}
        rows.append(SourceRow(tuple(cells), location))
    return SourceTable(tuple(rows), len(edges), _("page %(page)s") % {"page": page_number})


def _column_edges(boxes: Sequence[Sequence[tuple[float, ...] | None]]) -> list[float]:
    """The left edge of each grid column, from the boxes that start in it."""
    width = max((len(row) for row in boxes), default=0)
    starts: list[list[float]] = [[] for _column in range(width)]
    for row in boxes:
        for column, box in enumerate(row):
            if box is not None:
                starts[column].append(box[0])
    return [min(column) if column else 0.0 for column in starts]


def _span(box: tuple[float, ...], column: int, edges: Sequence[float]) -> int:
    """How many grid columns a box starting in ``column`` covers."""
    right = box[2] - _EDGE_TOLERANCE
    span = 1
    while column + span < len(edges) and edges[column + span] < right:
        span += 1
    return span
