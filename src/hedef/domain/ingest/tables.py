"""From the tables of a Word or PDF document to the rows of its action plan.

Both readers reduce a document to the same thing: a sequence of blocks in reading
order, each a line of text or a :class:`SourceTable` whose cells know where they
sit in the table's layout grid and how they are merged. Everything after that is
shared and lives here, one way each:

* which columns a header names (:func:`column_roles`), by folded keywords, never by
  position, because the documents of the family order and word their columns
  differently;
* which table is the action plan (its header may sit under a caption row and over
  a row that numbers the columns), and which later tables continue it (a
  repeated header, whole or in part, is dropped; a header-less table of the same
  width right after it is its next page);
* merged cells: a cell spanning several result columns carries its text into each
  of them (the gold convention), any other wide cell (a goal heading) is kept
  once, in its first column; a cell merged down carries its text into each row it
  covers;
* a row broken by a page break (the next piece opens with a row whose number cell
  is empty) is joined back to the row it continues;
* every table that is not the action plan (the headline indicators) becomes lines
  of front text, one line per row, so the text parser reads it as it reads the
  plain-text documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hedef.domain.core.text import az_casefold, normalise_space
from hedef.domain.ingest.model import TableRow
from hedef.domain.ingest.vocabulary import NUMBERED_LINE

__all__ = [
    "RESULT_ROLES",
    "ROLES",
    "ActionPlan",
    "Block",
    "SourceCell",
    "SourceRow",
    "SourceTable",
    "assemble",
    "column_roles",
    "is_action_plan",
    "roles_named",
    "unnamed_stages",
]

RESULT_ROLES = ("initial", "interim", "final")
ROLES = ("number", "title", "lead", "co_executors", "period", *RESULT_ROLES)

# Keywords that name each column, folded; the first role whose keyword a header
# label contains wins, so the more specific roles come first ("digər icraçılar"
# before the bare "icraçı" of the lead column, the stages before "nəticə").
_ROLE_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("initial", ("ilkin",)),
    ("interim", ("aralıq",)),
    ("final", ("yekun",)),
    ("co_executors", ("digər icraçı", "digər iştirakçı", "tərəfdaş", "həmicraçı")),
    ("lead", ("əsas icraçı", "icraçı orqan", "məsul icraçı", "icraçı")),
    ("period", ("müddət", "icra tarixi", "icra ili")),
    ("number", ("sıra", "№", "nömrə", "s/s", "n/n")),
    ("title", ("tədbir", "adı", "fəaliyyət")),
)
# Words a header cell may hold besides the role keywords ("Nəticə indikatorları",
# "Hədəf indikatoru", "Ölçü vahidi"): enough to tell a header row from a data row.
_HEADER_WORDS = ("nəticə", "indikator", "göstərici", "vahid", "icraçı", "müddət", "adı")
_MAX_HEADER_CELL_WORDS = 8
_MAX_HEADER_ROWS = 4
# The roles that make a table an action plan: what to do, who, and when or with
# which result.
_REQUIRED_ROLES = ("title", "lead")
_ONE_OF_ROLES = ("period", *RESULT_ROLES)
_DOTTED_NUMBER = re.compile(r"\d+\.\d+")
# Text between two pieces of one table that is only page furniture (page numbers,
# a running header): short enough to be ignored when deciding on continuation.
_MAX_FURNITURE_WORDS = 12


@dataclass(frozen=True)
class SourceCell:
    """One cell as the document draws it.

    ``column`` is the first layout-grid column it covers and ``span`` how many;
    ``continues_above`` marks the lower part of a cell merged down (Word's
    ``vMerge="continue"``), whose text is the text of the cell above.
    """

    text: str
    column: int
    span: int = 1
    continues_above: bool = False


@dataclass(frozen=True)
class SourceRow:
    cells: tuple[SourceCell, ...]
    location: str


@dataclass(frozen=True)
class SourceTable:
    """A table as drawn: its rows, the width of its layout grid, and where it is."""

    rows: tuple[SourceRow, ...]
    columns: int
    location: str


Block = str | SourceTable


@dataclass(frozen=True)
class ActionPlan:
    """What the readers hand to the row → measure mapping.

    ``front_text`` is the document's text outside the action plan, in reading
    order (non-plan tables one line per row); ``header`` has one label per column
    of the plan; every row of ``rows`` has one cell per column.
    """

    front_text: str
    header: TableRow | None
    rows: tuple[TableRow, ...]


def column_roles(labels: Sequence[str]) -> dict[int, str]:
    """Map column index → role for the header labels of a table, by keywords.

    A role is given to the first column that names it; columns naming no role are
    left out.
    """
    roles: dict[int, str] = {}
    for index, label in enumerate(labels):
        role = _role_of(label)
        if role is not None and role not in roles.values():
            roles[index] = role
    if not set(roles.values()) & set(RESULT_ROLES):
        # One results header over three columns, without the stage names: the
        # family prints the stages left to right, initial, interim, final.
        unnamed = [
            index
            for index, label in enumerate(labels)
            if index not in roles and _has_word(az_casefold(label), "nəticə")
        ]
        if len(unnamed) == len(RESULT_ROLES):
            roles.update(zip(unnamed, RESULT_ROLES, strict=True))
    return roles


def unnamed_stages(labels: Sequence[str]) -> bool:
    """Whether the result columns of a header are stages only by their order (no names)."""
    named = {_role_of(label) for label in labels}
    roles = column_roles(labels)
    return bool(set(roles.values()) & set(RESULT_ROLES)) and not named & set(RESULT_ROLES)


def roles_named(text: str) -> set[str]:
    """Every role whose keywords occur as words in ``text`` (a line of a header)."""
    folded = az_casefold(text)
    return {
        role
        for role, keywords in _ROLE_KEYWORDS
        if any(_has_word(folded, keyword) for keyword in keywords)
    }


def is_action_plan(roles: dict[int, str]) -> bool:
    """Whether columns with these roles make an action plan: what, who, and when or what for."""
    named = set(roles.values())
    return all(role in named for role in _REQUIRED_ROLES) and bool(named & set(_ONE_OF_ROLES))


def assemble(blocks: Sequence[Block]) -> ActionPlan:
    """Split a document's blocks into front text and the rows of its action plan.

    The first table whose header names the action-plan columns opens the plan;
    later tables join it when they repeat its header, or when they have its width
    and follow it with nothing but page furniture between. Other tables become
    front text.
    """
    assembler = _Assembler()
    for block in blocks:
        if isinstance(block, SourceTable):
            assembler.add_table(block)
        else:
            assembler.add_text(block)
    return assembler.result()


def _role_of(label: str) -> str | None:
    folded = az_casefold(label)
    for role, keywords in _ROLE_KEYWORDS:
        if any(_has_word(folded, keyword) for keyword in keywords):
            return role
    return None


def _has_word(folded: str, keyword: str) -> bool:
    """Whether ``keyword`` opens a word of ``folded``.

    "adı" opens a word in "tədbirin adı" but not in "yaradılması".
    """
    return re.search(rf"(?<!\w){re.escape(keyword)}", folded) is not None


def _is_header_row(row: SourceRow) -> bool:
    """Whether a row holds two or more column labels and nothing else.

    A label holds a column keyword and no dotted number, which tells "İcra
    müddəti" from a heading such as "8.3.2. İqtisadi fəaliyyət sahələri"; a
    single wide cell ("Tədbirlər Planı") is a caption, not a header.
    """
    texts = [
        az_casefold(cell.text)
        for cell in row.cells
        if cell.text.strip() and not cell.continues_above
    ]
    return len(set(texts)) >= 2 and all(_is_label(text) for text in texts)


def _is_label(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_HEADER_CELL_WORDS
        and not _DOTTED_NUMBER.search(text)
        and (_role_of(text) is not None or any(_has_word(text, word) for word in _HEADER_WORDS))
    )


def _is_column_numbering(row: SourceRow) -> bool:
    """Whether a row only numbers the columns ("1 | 2 | 3 ..."), as some plans print."""
    texts = [cell.text.strip().rstrip(".") for cell in row.cells if cell.text.strip()]
    return len(texts) > 2 and texts == [str(number) for number in range(1, len(texts) + 1)]


def _header_span(table: SourceTable) -> tuple[int, int]:
    """Where the header of ``table`` is: the half-open range of its rows.

    The header may follow a caption row or two; under it may come a row that
    numbers the columns. A table without a header gives ``(0, 0)``.
    """
    rows = table.rows
    for start in range(min(len(rows), _MAX_HEADER_ROWS)):
        if not _is_header_row(rows[start]):
            continue
        end = start + 1
        while end < len(rows) and end - start < _MAX_HEADER_ROWS:
            if not (_is_header_row(rows[end]) or _is_column_numbering(rows[end])):
                break
            end += 1
        return start, end
    return 0, 0


def _header_labels(table: SourceTable, span: tuple[int, int]) -> list[str]:
    """One label per grid column: the distinct header texts above it, top to bottom."""
    labels: list[list[str]] = [[] for _column in range(table.columns)]
    for row in table.rows[span[0] : span[1]]:
        for cell in row.cells:
            text = normalise_space(cell.text)
            for column in range(cell.column, min(cell.column + cell.span, table.columns)):
                if text and text not in labels[column] and not cell.continues_above:
                    labels[column].append(text)
    return [" ".join(parts) for parts in labels]


@dataclass
class _Piece:
    """A table, or the part of it on one page, with where its header is.

    Rows above the header are a caption; rows below it are the body.
    """

    table: SourceTable
    header: tuple[int, int]
    roles: dict[int, str]

    @property
    def caption(self) -> tuple[SourceRow, ...]:
        return self.table.rows[: self.header[0]]

    @property
    def body(self) -> tuple[SourceRow, ...]:
        return self.table.rows[self.header[1] :]


class _Assembler:
    """Walks the blocks once, keeping the plan open across continued tables."""

    def __init__(self) -> None:
        self.front: list[str] = []
        self.header: TableRow | None = None
        self.rows: list[list[str]] = []
        self.locations: list[str] = []
        self.plan_columns: dict[str, int] = {}
        self.plan_width = 0
        self.last_table: _Piece | None = None
        self.last_front_rows: list[list[str]] = []
        self.words_since_table = 0

    def add_text(self, text: str) -> None:
        self.front.append(text)
        self.words_since_table += len(text.split())

    def add_table(self, table: SourceTable) -> None:
        header = _header_span(table)
        roles = column_roles(_header_labels(table, header))
        piece = _Piece(table, header, roles)
        last = self.last_table
        if is_action_plan(roles):
            self._add_plan_piece(piece, continues=self.header is not None)
        elif last is not None and self._continues(last, piece):
            if is_action_plan(last.roles):
                # Whatever header the piece repeats, its columns are the plan's.
                self._add_plan_piece(_Piece(table, header, last.roles), continues=True)
            else:
                self._add_front_rows(piece, continues=True)
        else:
            self._add_front_rows(piece, continues=False)
        self.words_since_table = 0

    def _continues(self, last: _Piece, piece: _Piece) -> bool:
        """Whether ``piece`` is the next page of ``last``: same width, nothing between.

        A repeated header that names no plan on its own (only the result stages,
        say) still belongs to the plan; any other table with a header starts anew.
        """
        repeats_part = is_action_plan(last.roles) and not piece.caption
        return (
            piece.table.columns == last.table.columns
            and (piece.header == (0, 0) or repeats_part)
            and self.words_since_table <= _MAX_FURNITURE_WORDS
        )

    def _add_plan_piece(self, piece: _Piece, *, continues: bool) -> None:
        self.front.extend(_front_line(cells) for cells in _grid(piece.caption, piece.table))
        if self.header is None:
            labels = _header_labels(piece.table, piece.header)
            self.header = TableRow(tuple(labels), piece.table.location)
            self.plan_columns = {role: index for index, role in piece.roles.items()}
            self.plan_width = piece.table.columns
        body = piece.body
        grid = _resolve_merges(body, piece.table.columns, piece.roles)
        for index, (row, cells) in enumerate(zip(body, grid, strict=True)):
            placed = self._place(cells, piece.roles)
            if continues and index == 0 and self.rows and _is_broken_row(row, placed, self):
                self.rows[-1] = [_join(a, b) for a, b in zip(self.rows[-1], placed, strict=True)]
                continue
            self.rows.append(placed)
            self.locations.append(row.location)
        self.last_table = piece

    def _place(self, cells: list[str], roles: dict[int, str]) -> list[str]:
        """Lay a row out in the plan's own columns, matching the columns by role."""
        if roles == {index: role for role, index in self.plan_columns.items()}:
            return (cells + [""] * self.plan_width)[: self.plan_width]
        placed = [""] * self.plan_width
        for index, role in roles.items():
            if role in self.plan_columns and index < len(cells):
                placed[self.plan_columns[role]] = cells[index]
        return placed

    def _add_front_rows(self, piece: _Piece, *, continues: bool) -> None:
        rows = _grid(piece.table.rows, piece.table)
        if continues and self.last_front_rows and rows and rows[0] == self.last_front_rows[0]:
            rows = rows[1:]  # the header, repeated on the new page
        if continues and rows and self.last_front_rows and not rows[0][0]:
            broken = rows.pop(0)
            merged = [_join(a, b) for a, b in zip(self.last_front_rows[-1], broken, strict=False)]
            self.front[-1] = _front_line(merged)
            self.last_front_rows[-1] = merged
        for cells in rows:
            self.front.append(_front_line(cells))
        self.last_front_rows = (self.last_front_rows if continues else []) + rows
        self.last_table = piece

    def result(self) -> ActionPlan:
        rows = tuple(
            TableRow(tuple(cells), location)
            for cells, location in zip(self.rows, self.locations, strict=True)
        )
        return ActionPlan("\n".join(self.front), self.header, rows)


def _resolve_merges(
    rows: Sequence[SourceRow], width: int, roles: dict[int, str]
) -> list[list[str]]:
    """Each row as one text per grid column, merged cells resolved.

    A cell spanning only result columns repeats its text in each; any other wide
    cell keeps its text in its first column. A cell that continues the one above
    takes the text that column had in the row above.
    """
    grid: list[list[str]] = []
    for row in rows:
        cells = [""] * width
        for cell in row.cells:
            covered = range(cell.column, min(cell.column + cell.span, width))
            if not covered:
                continue
            if cell.continues_above:
                above = grid[-1] if grid else [""] * width
                for column in covered:
                    cells[column] = above[column]
                continue
            repeat = len(covered) > 1 and all(roles.get(c) in RESULT_ROLES for c in covered)
            for column in covered if repeat else covered[:1]:
                cells[column] = cell.text
        grid.append(cells)
    return grid


def _grid(rows: Sequence[SourceRow], table: SourceTable) -> list[list[str]]:
    """Rows of a table that is not the plan, one whitespace-normalised text per column."""
    grid = _resolve_merges(rows, table.columns, {})
    return [[normalise_space(text) for text in cells] for cells in grid]


def _is_broken_row(row: SourceRow, placed: list[str], assembler: _Assembler) -> bool:
    """Whether the first row of a continued piece is the tail of the row before it.

    A row broken by a page break leaves its number behind: the cell that numbers
    the measures (the number column, or the title column where the number opens
    the title) does not open with a number. A single wide cell is a heading, not
    a tail.
    """
    if len([cell for cell in row.cells if cell.text.strip()]) == 1 and any(
        cell.span >= max(assembler.plan_width - 1, 2) for cell in row.cells
    ):
        return False
    key = assembler.plan_columns.get("number", assembler.plan_columns.get("title", 0))
    return not NUMBERED_LINE.match(placed[key]) and any(text.strip() for text in placed)


def _join(before: str, after: str) -> str:
    if not before.strip():
        return after
    if not after.strip():
        return before
    return f"{before}\n{after}"


def _front_line(cells: Sequence[str]) -> str:
    """A non-plan table row as one line of text, cells separated by spaces."""
    return " ".join(text for text in (normalise_space(cell) for cell in cells) if text)
