"""What ingestion hands back: the plan it read, and where it is unsure.

A parsed plan is never accepted as is: a person reviews it first. ``Flag`` marks
each field the parser could not read with confidence, so the review screen can
point at it; ``source_lines`` lets the screen show the text a measure came from.
``TableRow`` is the common currency between the table readers (DOCX, PDF) and the
row → measure mapping, so every reader shares one interpretation of a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from hedef.domain.plans.model import Strategy

__all__ = ["Flag", "ParsedPlan", "TableRow"]


@dataclass(frozen=True)
class Flag:
    """A low-confidence field for the review screen.

    ``measure`` is the measure number, or ``None`` for a document-level field;
    ``field`` names the field ("title", "lead", "co_executors", "period",
    "results.initial", "indicator:4.1.1", "acronym:XYZ", ...); ``reason`` is a
    translated sentence a reviewer can act on.
    """

    measure: str | None
    field: str
    reason: str


@dataclass(frozen=True)
class ParsedPlan:
    """A strategy read from a document, with what the reviewer should check.

    ``source_lines`` maps a measure number to its first and last line (1-based) in
    the text the parser read; ``unknown_acronyms`` lists executors used in the plan
    that the document's own acronym list does not define.
    """

    strategy: Strategy
    flags: tuple[Flag, ...]
    source_lines: dict[str, tuple[int, int]]
    unknown_acronyms: tuple[str, ...]


@dataclass(frozen=True)
class TableRow:
    """One row of an action-plan table as a table reader saw it.

    ``cells`` are the cell texts left to right (a merged cell may arrive once or
    repeated); ``location`` says where the row was found ("page 18, row 4").
    """

    cells: tuple[str, ...]
    location: str
