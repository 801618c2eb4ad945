"""Reading PDF tables drawn without ruling lines, from the white space between columns.

Without lines, the header says where the columns are: each column label sits
over its column, so the boundary between two neighbouring labels is the strip
between them that the fewest words of the body cover (the white space between
two columns). A line with a run of words that starts in the first column and
runs into the next is not cell text: a heading when numbered, otherwise the
prose after the table. A new row starts where the numbering column holds a
number; the lines below it, up to the next number, continue its cells.

What white space cannot show is a cell merged down: its text stays with the row
it is printed in. The result is the same blocks the ruled-table reader yields,
so :mod:`hedef.domain.ingest.tables` joins the pages the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from hedef.domain.core.i18n import gettext as _
from hedef.domain.ingest.tables import (
    Block,
    SourceCell,
    SourceRow,
    SourceTable,
    column_roles,
    is_action_plan,
    roles_named,
)
from hedef.domain.ingest.vocabulary import NUMBERED_LINE, join_cell_lines

__all__ = ["unruled_blocks"]

_LINE_TOLERANCE = 2.0  # words whose tops differ by less share a line
_COLUMN_GAP = 6.0  # white space wider than a word space between two runs of words
_MAX_HEADER_LINES = 6
_HALF_POINTS = 2  # coverage of the page is counted per half point


@dataclass(frozen=True)
class _Run:
    """Words of one line with only word spaces between them."""

    left: float
    right: float
    text: str
    bold: bool


@dataclass(frozen=True)
class _Line:
    runs: tuple[_Run, ...]
    top: float

    @property
    def text(self) -> str:
        return " ".join(run.text for run in self.runs)


@dataclass(frozen=True)
class _Columns:
    """Where the columns of a white-space table are, and their header labels."""

    boundaries: tuple[float, ...]  # between column i and i + 1
    labels: tuple[str, ...]

    def of(self, x: float) -> int:
        return sum(1 for boundary in self.boundaries if x >= boundary)

    def crossed(self, run: _Run) -> int:
        return sum(1 for boundary in self.boundaries if run.left < boundary < run.right)


def unruled_blocks(pages: Sequence[Any]) -> Iterator[Block]:
    """Text lines and white-space tables of every pdfplumber page, top to bottom."""
    columns: _Columns | None = None
    for page in pages:
        lines = _lines(page.extract_words(extra_attrs=["fontname"]))
        spans = _header_spans(lines)
        if spans:
            columns = _columns(lines[spans[0][0] : spans[0][1]], lines) or columns
        first = spans[0][0] if spans else 0
        if columns is None:
            yield from (line.text for line in lines)
            continue
        yield from (line.text for line in lines[:first])
        in_header = {index for start, end in spans for index in range(start, end)}
        body = [line for index, line in enumerate(lines[first:], first) if index not in in_header]
        table, rest = _aligned_table(body, columns, page.page_number, header=bool(spans))
        yield table
        yield from rest
        if rest:
            columns = None  # the table ended on this page


def _lines(words: Sequence[dict[str, Any]]) -> list[_Line]:
    grouped: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda word: (word["top"], word["x0"])):
        if grouped and abs(word["top"] - grouped[-1][0]["top"]) <= _LINE_TOLERANCE:
            grouped[-1].append(word)
        else:
            grouped.append([word])
    return [_Line(_runs(sorted(line, key=lambda w: w["x0"])), line[0]["top"]) for line in grouped]


def _runs(words: Sequence[dict[str, Any]]) -> tuple[_Run, ...]:
    runs: list[_Run] = []
    for word in words:
        bold = "bold" in str(word.get("fontname", "")).lower()
        if runs and word["x0"] - runs[-1].right <= _COLUMN_GAP:
            last = runs[-1]
            text = f"{last.text} {word['text']}"
            runs[-1] = _Run(last.left, word["x1"], text, last.bold and bold)
        else:
            runs.append(_Run(word["x0"], word["x1"], word["text"], bold))
    return tuple(runs)


def _header_spans(lines: Sequence[_Line]) -> list[tuple[int, int]]:
    """Every action-plan header on the page (it repeats): half-open ranges of lines."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(lines):
        if len(roles_named(lines[start].text)) < 2:
            start += 1
            continue
        end = start + 1
        bold = all(run.bold for run in lines[start].runs)
        while (
            end < len(lines)
            and end - start < _MAX_HEADER_LINES
            and _continues_header(lines[end], bold=bold)
        ):
            end += 1
        if {"title", "lead"} <= roles_named(" ".join(line.text for line in lines[start:end])):
            spans.append((start, end))
        start = end
    return spans


def _continues_header(line: _Line, *, bold: bool) -> bool:
    """Whether a line under a header line still belongs to the header.

    A bold header goes on while the lines are bold; otherwise while they hold
    nothing but labels: a keyword, a single word ("orqan") or a word in brackets
    ("(qurum)").
    """
    if NUMBERED_LINE.match(line.text):
        return False
    if bold:
        return all(run.bold for run in line.runs)
    return all(
        roles_named(run.text) or len(run.text.split()) == 1 or run.text.startswith("(")
        for run in line.runs
    )


def _columns(header: Sequence[_Line], lines: Sequence[_Line]) -> _Columns | None:
    """Columns from the header labels, with boundaries in the white space between them."""
    labels = _label_columns(header)
    if len(labels) < 2 or not is_action_plan(column_roles([text for _edge, text in labels])):
        return None
    coverage = _coverage(lines)
    boundaries = tuple(_emptiest(coverage, left[0], right[0]) for left, right in pairwise(labels))
    return _Columns(boundaries, tuple(text for _edge, text in labels))


def _label_columns(header: Sequence[_Line]) -> list[tuple[float, str]]:
    """The header's column labels, left to right: (left edge, text).

    Runs stacked over one another are one label ("Əsas icraçı" over "orqan"); a
    run over several labels of another line ("Nəticə indikatorları" over the
    three stages) names no column of its own.
    """
    runs = [run for line in header for run in line.runs]
    spanning = {
        id(run)
        for run in runs
        if sum(1 for other in runs if other is not run and _overlap(run, other)) >= 2
        and not _any_overlap([other for other in runs if other is not run and _overlap(run, other)])
    }
    columns: list[list[_Run]] = []
    for run in sorted((run for run in runs if id(run) not in spanning), key=lambda run: run.left):
        if columns and any(_overlap(run, other) for other in columns[-1]):
            columns[-1].append(run)
        else:
            columns.append([run])
    return [
        (min(run.left for run in column), " ".join(run.text for run in column))
        for column in columns
    ]


def _overlap(first: _Run, second: _Run) -> bool:
    return first.left < second.right and second.left < first.right


def _any_overlap(runs: Sequence[_Run]) -> bool:
    return any(_overlap(a, b) for index, a in enumerate(runs) for b in runs[index + 1 :])


def _coverage(lines: Sequence[_Line]) -> list[int]:
    """How many words cover each half point across the page."""
    right = max((run.right for line in lines for run in line.runs), default=0.0)
    steps = [0] * (int(right * _HALF_POINTS) + 2)
    for line in lines:
        for run in line.runs:
            steps[int(run.left * _HALF_POINTS)] += 1
            steps[int(run.right * _HALF_POINTS) + 1] -= 1
    coverage, total = [], 0
    for step in steps:
        total += step
        coverage.append(total)
    return coverage


def _emptiest(coverage: Sequence[int], left: float, right: float) -> float:
    """The middle of the widest least-covered strip between two label edges."""
    first, last = int(left * _HALF_POINTS) + 1, int(right * _HALF_POINTS)
    if last <= first:
        return right
    lowest = min(coverage[first:last])
    best, best_width, start = last, -1, None
    for position in range(first, last + 1):
        low = position < last and coverage[position] == lowest
        if low and start is None:
            start = position
        elif not low and start is not None:
            if position - start > best_width:
                best, best_width = (start + position) // 2, position - start
            start = None
    return best / _HALF_POINTS


@dataclass
class _RowDraft:
    """A row being gathered line by line: a heading, or cell texts by column."""

    heading: str = ""
    texts: dict[int, list[str]] = field(default_factory=dict)
    spans: dict[int, int] = field(default_factory=dict)

    def add(self, column: int, run: _Run, columns: _Columns) -> None:
        self.texts.setdefault(column, []).append(run.text)
        self.spans[column] = max(self.spans.get(column, 1), columns.crossed(run) + 1)

    def cells(self, width: int) -> tuple[SourceCell, ...]:
        if self.heading:
            return (SourceCell(self.heading, 0, width),)
        return tuple(
            SourceCell(join_cell_lines(texts), column, self.spans[column])
            for column, texts in sorted(self.texts.items())
        )


def _aligned_table(
    body: Sequence[_Line], columns: _Columns, page_number: int, *, header: bool
) -> tuple[SourceTable, list[str]]:
    """The rows of a white-space table, and the text lines after it on the page."""
    drafts, rest = _drafts(body, columns)
    width = len(columns.labels)
    rows = [_aligned_header(columns, page_number)] if header else []
    for index, draft in enumerate(drafts, start=1):
        location = _("page %(page)s, row %(row)s") % {"page": page_number, "row": index}
        rows.append(SourceRow(draft.cells(width), location))
    return SourceTable(tuple(rows), width, _("page %(page)s") % {"page": page_number}), rest


def _drafts(body: Sequence[_Line], columns: _Columns) -> tuple[list[_RowDraft], list[str]]:
    """Gather the body lines into rows; stop at the first line of prose after the table."""
    key = _key_column(columns)
    drafts: list[_RowDraft] = []
    for position, line in enumerate(body):
        first = line.runs[0]
        spanning = columns.of(first.left) == 0 and columns.crossed(first) > 0
        after_heading = bool(drafts) and bool(drafts[-1].heading)
        if spanning and NUMBERED_LINE.match(line.text):
            drafts.append(_RowDraft(heading=line.text))
        elif spanning and not after_heading:
            rest = [later.text for later in body[position:]]
            while drafts and drafts[-1].heading:  # the heading of the text after the table
                rest.insert(0, drafts.pop().heading)
            return drafts, rest
        elif line.text.strip().isdigit():
            continue  # a page number
        elif after_heading and (spanning or all(columns.of(run.left) == 0 for run in line.runs)):
            drafts[-1].heading = f"{drafts[-1].heading} {line.text}"  # a heading on two lines
        else:
            opens = columns.of(first.left + 1) == key and NUMBERED_LINE.match(first.text)
            if opens or not drafts or after_heading:
                drafts.append(_RowDraft())
            for run in line.runs:
                drafts[-1].add(columns.of(run.left + 1), run, columns)
    return drafts, []


def _key_column(columns: _Columns) -> int:
    """The column whose number opens a row: the number column, else the title column."""
    roles = column_roles(columns.labels)
    for wanted in ("number", "title"):
        for index, role in roles.items():
            if role == wanted:
                return index
    return 0


def _aligned_header(columns: _Columns, page_number: int) -> SourceRow:
    cells = tuple(SourceCell(label, column) for column, label in enumerate(columns.labels))
    return SourceRow(cells, _("page %(page)s, header") % {"page": page_number})
