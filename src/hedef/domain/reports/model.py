"""The document model every renderer draws: Report → Section → blocks.

:func:`hedef.domain.reports.assemble.assemble` decides what the report says and
in which order; the HTML, PDF and DOCX writers only decide how it looks. All
text in the model is final: translated, numbers formatted. A block is one of
:class:`Heading`, :class:`Paragraph`, :class:`BulletList`, :class:`KeyFiguresBlock`,
:class:`Table`, :class:`Chart`, :class:`Note` or :class:`PageBreak`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = [
    "Align",
    "Block",
    "BulletList",
    "Cell",
    "Chart",
    "Column",
    "Cover",
    "Heading",
    "KeyFigure",
    "KeyFiguresBlock",
    "Note",
    "PageBreak",
    "Paragraph",
    "Report",
    "Row",
    "RowKind",
    "Section",
    "Table",
    "Text",
]


@dataclass(frozen=True)
class Text:
    """A run of text with its inline style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True)
class Heading:
    """A heading inside a section; ``level`` 2 is the highest a block may take."""

    text: str
    level: int = 2
    anchor: str = ""


class ParagraphStyle(StrEnum):
    BODY = "body"
    LEAD = "lead"  # the opening sentence of a summary, slightly larger
    SMALL = "small"  # notes under a table or chart
    QUOTE = "quote"  # a formula or a quoted rule
    FACTS = "facts"  # a line of labelled facts kept with the chart below it
    CODE = "code"  # preformatted text (hashes, file excerpts)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Text, ...]
    style: ParagraphStyle = ParagraphStyle.BODY

    @classmethod
    def of(cls, text: str, style: ParagraphStyle = ParagraphStyle.BODY) -> Paragraph:
        return cls((Text(text),), style)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Text, ...], ...]
    ordered: bool = False


@dataclass(frozen=True)
class KeyFigure:
    """One headline number: the formatted ``value``, its ``label`` and an optional ``detail``.

    ``key`` is stable across languages so that tests and the web shell can find it.
    """

    key: str
    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class KeyFiguresBlock:
    figures: tuple[KeyFigure, ...]


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


@dataclass(frozen=True)
class Column:
    """A table column: header text, alignment and relative width."""

    header: str
    align: Align = Align.LEFT
    width: float = 1.0


@dataclass(frozen=True)
class Cell:
    """A table cell.

    ``status`` (a status key) draws a coloured marker before the text; ``flag``
    marks the cell for attention (a self-reported status that disagrees).
    """

    runs: tuple[Text, ...]
    status: str | None = None
    flag: bool = False

    @classmethod
    def of(cls, text: str, *, status: str | None = None, flag: bool = False) -> Cell:
        return cls((Text(text),), status, flag)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class RowKind(StrEnum):
    BODY = "body"
    GROUP = "group"  # a heading row spanning the table (a goal or direction)
    TOTAL = "total"


@dataclass(frozen=True)
class Row:
    """A table row; a ``GROUP`` row has one cell that spans every column."""

    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.BODY


@dataclass(frozen=True)
class Table:
    """A table with a caption; the first cell of a body row heads its row when ``row_headers``.

    ``key`` is stable across languages (tests and the DOCX writer use it).
    """

    key: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    row_headers: bool = True
    small: bool = False
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """A chart drawn from a Vega-Lite specification; ``description`` is its text alternative."""

    key: str
    spec: Mapping[str, Any]
    title: str
    description: str


class NoteKind(StrEnum):
    INFO = "info"
    ATTENTION = "attention"


@dataclass(frozen=True)
class Note:
    runs: tuple[Text, ...]
    kind: NoteKind = NoteKind.INFO

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | BulletList | KeyFiguresBlock | Table | Chart | Note | PageBreak


@dataclass(frozen=True)
class Section:
    """A chapter of the report.

    ``level`` 1 is a chapter, 2 a chapter inside a strategy of a consolidated
    report; ``wide`` asks for landscape pages (the measure table);
    ``new_page`` starts it on a new page.
    """

    key: str
    title: str
    blocks: tuple[Block, ...]
    level: int = 1
    new_page: bool = True
    wide: bool = False


@dataclass(frozen=True)
class Cover:
    """The cover page: who issues the report, what it covers, under which act."""

    issuer: str
    title: str
    strategies: tuple[tuple[str, str], ...]  # (title, approving act) of each strategy
    facts: tuple[tuple[str, str], ...]  # (label, value) pairs: period, cycle, date
    demo_notice: str = ""
    audit_line: str = ""


@dataclass(frozen=True)
class Report:
    """A whole report, ready to draw.

    ``running_title`` is printed in page headers, ``page_label`` is the
    translated "Page %(page)s of %(pages)s" pattern, ``contents_title`` heads
    the table of contents; ``created`` is the report date written into the
    file's properties.
    """

    language: str
    title: str
    cover: Cover
    sections: tuple[Section, ...]
    running_title: str
    page_label: str
    contents_title: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    demo: bool = False
    demo_label: str = ""
    created: date | None = None

    def tables(self) -> tuple[Table, ...]:
        """Every table, in order."""
        return tuple(block for s in self.sections for block in s.blocks if isinstance(block, Table))

    def charts(self) -> tuple[Chart, ...]:
        """Every chart, in order."""
        return tuple(block for s in self.sections for block in s.blocks if isinstance(block, Chart))
