"""Rebuilding the action-plan table from text in which its cells are interleaved.

A PDF's text layer gives the table row by row, but inside a row the cells come
one after another, broken into short lines, and the columns' borders are lost.
Each row is rebuilt from anchors that every document of the family shares:

* a numbered line opens a row ("1.1.1. Title", "8.1.1.1.") or a heading
  ("Məqsəd 8.1. ...", "1.2. ..."): a heading has no period cell;
* the period cell (years or "mütəmadi") is the row's spine: the executor list
  right before it ends the title, and everything after it is results;
* executors are recognised through the document's own acronym list;
* the results are split by :mod:`.result_cells`.

The output is one :class:`TableRow` per row, in the same shape a table reader
produces, so both paths share the row → measure mapping.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.text import az_casefold
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.executors import ExecutorRun, is_executor_list
from hedef.domain.ingest.model import Flag, TableRow
from hedef.domain.ingest.result_cells import LeadingColumn, ResultLayout, lay_out_results
from hedef.domain.ingest.row_spine import find_spine
from hedef.domain.ingest.sections import plan_region
from hedef.domain.ingest.sentences import Piece, end_of, stages_by_markers
from hedef.domain.ingest.vocabulary import join_cell_lines, numbered

__all__ = ["TEXT_HEADER", "TextRow", "text_rows"]

TEXT_HEADER = TableRow(
    (
        "Sıra №", "Tədbirin adı", "Əsas icraçı", "Digər icraçılar", "İcra müddəti",
        "İlkin nəticələr", "Aralıq nəticələr", "Yekun nəticələr",
    ),
    "text",
)  # fmt: skip
_STAGE_FIELDS = ("results.initial", "results.interim", "results.final")
_CLOSE_CALL = 1.0  # a reading less than this far ahead of the next one is worth a check
_REPEATED_HEADER_LINES = 3
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*$")
_SHORT_HEADING_LINES = 2


@dataclass(frozen=True)
class TextRow:
    """One rebuilt row: its cells, the lines it came from (1-based) and its doubts."""

    row: TableRow
    first_line: int
    last_line: int
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class _Block:
    number: str
    keyword: str
    first: int  # line index of the numbered line
    stop: int  # line index after the block


@dataclass(frozen=True)
class _MeasureDraft:
    """A measure row before its results are split: everything else is known."""

    block: _Block
    title: str
    title_column: LeadingColumn
    executors: ExecutorRun | None
    executor_column: LeadingColumn
    period: str
    pieces: tuple[Piece, ...]
    last_line: int


def text_rows(lines: Sequence[str], known: set[str]) -> list[TextRow]:
    """Rebuild the action plan's rows from the document's lines.

    Args:
        lines: the document split by :func:`.sections.split_lines`.
        known: the acronyms of the document's acronym list.

    Raises:
        IngestionError: the document has no action plan, or no row in it.
    """
    region = plan_region(list(lines))
    if region is None:
        raise IngestionError(_("The document has no action plan (“Tədbirlər Planı”)."))
    cleaned = _without_page_furniture(lines, *region)
    blocks = _blocks(cleaned, *region, known)
    if not blocks:
        raise IngestionError(_("The action plan has no numbered rows."), _line_location(region[0]))
    drafts: dict[int, _MeasureDraft] = {}
    for index, block in enumerate(blocks):
        draft = _measure_draft(cleaned, block, known)
        if draft is not None:
            drafts[index] = draft
    width = _typical_width([piece for draft in drafts.values() for piece in draft.pieces])
    rows = []
    for index, block in enumerate(blocks):
        if index in drafts:
            rows.append(_measure_row(drafts[index], width, known))
        else:
            rows.append(_heading_row(cleaned, block))
    return rows


def _line_location(index: int) -> str:
    return _("line %(number)d") % {"number": index + 1}


def _without_page_furniture(lines: Sequence[str], start: int, stop: int) -> list[str]:
    """The lines with page numbers and repeated column headings blanked out.

    A table that runs over several pages may print a page number and repeat its
    headings on each page; inside a row they would read as cell text. A page
    number is a number alone between blank lines (a result cell's number always
    has words next to it).
    """
    cleaned = list(lines)
    for index in range(start, stop):
        if (
            _PAGE_NUMBER.match(lines[index])
            and not lines[index - 1].strip()
            and (index + 1 >= len(lines) or not lines[index + 1].strip())
        ):
            cleaned[index] = ""
    first_row = next((i for i in range(start, stop) if numbered(lines[i])), stop)
    header = {az_casefold(line) for line in lines[start:first_row] if line.strip()}
    run: list[int] = []
    for index in range(first_row, stop):
        folded = az_casefold(lines[index])
        if not folded:
            continue
        if folded in header:
            run.append(index)
            continue
        if len(run) >= _REPEATED_HEADER_LINES:
            for blanked in run:
                cleaned[blanked] = ""
        run = []
    return cleaned


def _blocks(lines: Sequence[str], start: int, stop: int, known: set[str]) -> list[_Block]:
    """The numbered rows of the plan, each up to the next one.

    A numbered line only opens a row if it fits: a measure (it has a period cell)
    must come after the previous measure in numbering order, and a heading must
    be short or announce the number of what follows. Anything else is a numbered
    phrase inside a cell, and stays part of the row before it.
    """
    candidates = []
    for index in range(start, stop):
        item = numbered(lines[index])
        if item is not None:
            candidates.append((index, item.number, item.keyword))
    blocks: list[_Block] = []
    last_measure: tuple[int, ...] = ()
    for position, (index, number, keyword) in enumerate(candidates):
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        end = following[0] if following else stop
        block = _Block(number, keyword, index, end)
        key = tuple(int(part) for part in number.split("."))
        if not keyword and find_spine(_block_text(lines, block)[0], known) is not None:
            accepted = key > last_measure
            if accepted:
                last_measure = key
        else:
            accepted = bool(keyword) or _plausible_heading(lines, block, following)
        if accepted:
            blocks.append(block)
        elif blocks:
            blocks[-1] = _Block(blocks[-1].number, blocks[-1].keyword, blocks[-1].first, end)
    return blocks


def _plausible_heading(
    lines: Sequence[str], block: _Block, following: tuple[int, str, str] | None
) -> bool:
    if following is not None and following[1].startswith(block.number + "."):
        return True
    text_lines = [line for line in lines[block.first : block.stop] if line.strip()]
    return len(text_lines) <= _SHORT_HEADING_LINES


def _block_text(lines: Sequence[str], block: _Block) -> tuple[str, list[int]]:
    """The block's text after its number, and the line index each text line came from."""
    item = numbered(lines[block.first])
    first = item.rest if item is not None else lines[block.first]
    texts = [first, *lines[block.first + 1 : block.stop]]
    return "\n".join(texts), list(range(block.first, block.stop))


def _measure_draft(lines: Sequence[str], block: _Block, known: set[str]) -> _MeasureDraft | None:
    text, origins = _block_text(lines, block)
    spine = find_spine(text, known) if not block.keyword else None
    if spine is None:
        return None
    title_text = text[: spine.title_end]
    executor_text = text[spine.title_end : spine.executors_end]
    title = join_cell_lines(title_text.split("\n"))
    return _MeasureDraft(
        block=block,
        title=title,
        title_column=LeadingColumn(end_of(title), _height(title_text)),
        executors=spine.executors,
        executor_column=LeadingColumn(end_of(executor_text), _height(executor_text)),
        period=spine.period,
        pieces=_pieces(text, origins, spine.results_start),
        last_line=_last_text_line(text, origins),
    )


def _last_text_line(text: str, origins: list[int]) -> int:
    """The 1-based number of the block's last line that holds text."""
    lines = text.split("\n")
    return max((origins[i] for i, line in enumerate(lines) if line.strip()), default=origins[0]) + 1


def _height(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


def _pieces(text: str, origins: list[int], offset: int) -> tuple[Piece, ...]:
    """Cut the text after ``offset`` into pieces at blank lines and at new indents."""
    line_index = text.count("\n", 0, offset)
    rest = text[offset:].split("\n")
    pieces: list[Piece] = []
    current: list[str] = []
    first_line = 0
    new_chunk = False
    gap = True
    for position, line in enumerate(rest):
        origin = origins[line_index + position] + 1
        if not line.strip():
            gap = True
            continue
        indented = position > 0 and line[:1].isspace()
        if current and (gap or indented):
            pieces.append(Piece(tuple(current), first_line, new_chunk))
            current = []
        if not current:
            first_line, new_chunk = origin, indented and not gap
        current.append(line)
        gap = False
    if current:
        pieces.append(Piece(tuple(current), first_line, new_chunk))
    return tuple(pieces)


def _typical_width(pieces: list[Piece]) -> float:
    """The width of one result column, in characters, as the document prints it.

    A piece's widest line is about the column's width, or less when its words
    break early; the upper quartile over all multi-line pieces is the column width
    that most cells fill, and is not pulled up by the few merged cells.
    """
    widths = sorted(piece.width for piece in pieces if piece.line_count >= 2)
    if not widths:
        return 0.0
    return float(statistics.quantiles(widths, n=4)[2]) if len(widths) > 1 else float(widths[0])


def _measure_row(draft: _MeasureDraft, width: float, known: set[str]) -> TextRow:
    number = draft.block.number
    marked = stages_by_markers(join_cell_lines([line for p in draft.pieces for line in p.lines]))
    if marked is not None:
        layout = ResultLayout(marked, (1, 1, 1), (), 0, float("inf"))
    else:
        layout = lay_out_results(
            draft.pieces,
            draft.title_column,
            draft.executor_column,
            width,
            lambda text: is_executor_list(text, known),
        )
    title = draft.title
    groups = list(draft.executors.groups) if draft.executors is not None else []
    for tail in layout.tails:
        if tail.column == "title":
            title = f"{title} {tail.text}"
        elif tail.column == "executors":
            groups = groups or [""]
            groups.append(tail.text)
    lead = groups[0] if groups else ""
    co = ", ".join(group for group in groups[1:] if group)
    cells = (number, title, lead, co, draft.period, *layout.stages)
    flags = _layout_flags(number, layout) + _executor_flags(number, draft.executors, groups)
    return TextRow(
        TableRow(cells, _line_location(draft.block.first)),
        draft.block.first + 1,
        draft.last_line,
        tuple(flags),
    )


def _layout_flags(number: str, layout: ResultLayout) -> list[Flag]:
    flags = []
    for tail in layout.tails:
        field = tail.column if isinstance(tail.column, str) else _STAGE_FIELDS[tail.column]
        field = "co_executors" if field == "executors" else field
        reason = _(
            "Text printed after the row (line %(line)d, probably past a page break) was joined "
            "to this cell because it continues it; check the joint."
        ) % {"line": tail.line}
        flags.append(Flag(number, field, reason))
    if layout.missing and layout.spans:
        reason = _("Only %(found)d of the three result stages could be told apart.") % {
            "found": 3 - layout.missing
        }
        flags.append(Flag(number, "results", reason))
    elif layout.spans and layout.margin < _CLOSE_CALL:
        reason = _("Where one result stage ends and the next begins is uncertain; check the split.")
        flags.append(Flag(number, "results", reason))
    return flags


def _executor_flags(number: str, run: ExecutorRun | None, groups: list[str]) -> list[Flag]:
    if run is None:
        return [Flag(number, "lead", _("No executor was found before the period."))]
    if len(groups) > 2:
        reason = _(
            "The executors are not clearly separated into the lead and the other executors; "
            "the first was taken as the lead."
        )
        return [Flag(number, "co_executors", reason)]
    if len(groups) == 1 and "," in groups[0]:
        reason = _(
            "No separate cell of other executors was found; all were taken as lead executors."
        )
        return [Flag(number, "lead", reason)]
    return []


def _heading_row(lines: Sequence[str], block: _Block) -> TextRow:
    text, origins = _block_text(lines, block)
    title = join_cell_lines(text.split("\n"))
    number_cell = f"{block.keyword} {block.number}." if block.keyword else f"{block.number}."
    location = _line_location(block.first)
    return TextRow(
        TableRow((number_cell, title), location), block.first + 1, _last_text_line(text, origins)
    )
