"""From action-plan rows to measures and headings: the mapping every reader shares.

A row arrives as cells (from a DOCX or PDF table reader, or rebuilt from text by
:mod:`.text_plan`). Which cell is which comes from the header's words when there
is a header, else from the cells themselves: the number opens the row, the period
cell is the one that reads as a period, the executors sit between the title and
the period, and the results follow it. The conventions of the gold annotations
apply here once for all readers: a result cell merged across stages gives its
text to each stage; a measure without result text of its own shares the results
of the measure above it (a cell merged down).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.text import az_casefold
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.front import parse_period, split_executors
from hedef.domain.ingest.model import Flag, TableRow
from hedef.domain.ingest.sentences import Start, stages_by_markers, start_of
from hedef.domain.ingest.tables import column_roles as table_column_roles
from hedef.domain.ingest.tables import unnamed_stages
from hedef.domain.ingest.vocabulary import PERIOD_ANCHOR, join_cell_lines, numbered
from hedef.domain.plans.model import Period, Stage

__all__ = ["HeadingRow", "ParsedMeasure", "PlanRows", "column_roles", "read_rows"]

STAGES = (Stage.INITIAL, Stage.INTERIM, Stage.FINAL)
_STAGE_FIELDS = {
    Stage.INITIAL: "results.initial",
    Stage.INTERIM: "results.interim",
    Stage.FINAL: "results.final",
}
_STAGE_ROLES = frozenset(stage.value for stage in STAGES)
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s*$")


@dataclass(frozen=True)
class HeadingRow:
    """A goal or direction heading: its number, title and any level keyword it carries."""

    number: str
    title: str
    keyword: str
    index: int


@dataclass(frozen=True)
class ParsedMeasure:
    """A measure as its row says it, before it joins the plan's tree."""

    number: str
    title: str
    lead: tuple[str, ...]
    co_executors: tuple[str, ...]
    period: Period
    results: dict[Stage, str]
    index: int


@dataclass
class PlanRows:
    """Everything the rows say, in order, with the doubts met on the way."""

    headings: list[HeadingRow] = field(default_factory=list)
    measures: list[ParsedMeasure] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    unknown_acronyms: list[str] = field(default_factory=list)


def column_roles(labels: Sequence[str]) -> dict[str, int]:
    """Map each role ("number", "title", "lead", ...) to the column whose label names it.

    The table readers' keywords decide (:func:`.tables.column_roles`); a table
    with one undivided results column ("Gözlənilən nəticə") gets the role "results".
    """
    roles = {role: index for index, role in table_column_roles(labels).items()}
    if not roles.keys() & _STAGE_ROLES:
        for index, label in enumerate(labels):
            if index not in roles.values() and "nəticə" in az_casefold(label):
                roles["results"] = index
                break
    return roles


def read_rows(header: TableRow | None, rows: Sequence[TableRow], known: set[str]) -> PlanRows:
    """Read headings and measures from ``rows``, using ``header`` to place the columns.

    A row without a number that follows a measure continues it (a row broken by a
    page break): its cells are joined to the measure's, and the joint is flagged.

    Raises:
        IngestionError: no row of ``rows`` is a measure.
    """
    roles = column_roles(header.cells) if header is not None else {}
    plan = PlanRows()
    if header is not None and unnamed_stages(header.cells):
        reason = _(
            "The result columns are not named by stage; they were read left to right as "
            "initial, interim and final results."
        )
        plan.flags.append(Flag(None, "results", reason))
    pending: list[tuple[list[str], int]] = []  # measure rows: cells, index of the first row
    for index, row in enumerate(rows):
        cells = [join_cell_lines(cell.split("\n")) for cell in row.cells]
        if not any(cells):
            continue
        heading = _heading(tuple(cells), index)
        if heading is not None:
            plan.headings.append(heading)
        elif _place(tuple(cells), roles) is not None:
            pending.append((cells, index))
        elif (joined := _continued(pending, cells, roles, plan)) is not None:
            number = _place(tuple(pending[-1][0]), roles)
            pending[-1] = (joined, pending[-1][1])
            reason = _("A row without a number (%(location)s) was joined to the row above it.")
            flag = Flag(number[0] if number else None, "rows", reason % {"location": row.location})
            plan.flags.append(flag)
        else:
            reason = _("A row without a measure number was left out (%(location)s).")
            plan.flags.append(Flag(None, "rows", reason % {"location": row.location}))
    seen: set[str] = set()
    for cells, index in pending:
        measure = _measure(tuple(cells), roles, index, known, plan)
        if measure.number in seen:
            reason = _("The number %(number)s appears twice; the later row was left out.")
            plan.flags.append(Flag(measure.number, "number", reason % {"number": measure.number}))
            continue
        seen.add(measure.number)
        plan.measures.append(measure)
    if not plan.measures:
        raise IngestionError(_("The action plan has no measure that could be read."))
    return plan


def _continued(
    pending: list[tuple[list[str], int]], cells: list[str], roles: dict[str, int], plan: PlanRows
) -> list[str] | None:
    """The measure row above with ``cells`` joined to it, if ``cells`` can continue it.

    Only a row of the same width right after the measure (no heading between)
    continues it, and only if the joined row still reads as that measure.
    """
    if not pending or len(pending[-1][0]) != len(cells):
        return None
    previous, index = pending[-1]
    if plan.headings and plan.headings[-1].index > index:
        return None
    joined = [join_cell_lines([above, below]) for above, below in zip(previous, cells, strict=True)]
    before, after = _place(tuple(previous), roles), _place(tuple(joined), roles)
    return joined if before is not None and after is not None and after[0] == before[0] else None


def _number_and_rest(text: str) -> tuple[str, str, str] | None:
    item = numbered(text)
    return (item.number, item.rest, item.keyword) if item is not None else None


def _heading(cells: tuple[str, ...], index: int) -> HeadingRow | None:
    """A row holding only a number and a title (or one cell repeated across the row)."""
    distinct = [
        cell for position, cell in enumerate(cells) if cell and cell not in cells[:position]
    ]
    if not distinct or len(distinct) > 2:
        return None
    only = _NUMBER_ONLY.match(distinct[0])
    parsed = (only.group(1), "", "") if only else _number_and_rest(distinct[0])
    if parsed is None:
        return None
    number, rest, keyword = parsed
    title = " ".join(part for part in (rest, *distinct[1:]) if part)
    if not title or PERIOD_ANCHOR.fullmatch(title.strip()):
        return None
    return HeadingRow(number, title, keyword, index)


def _measure(
    cells: tuple[str, ...], roles: dict[str, int], index: int, known: set[str], plan: PlanRows
) -> ParsedMeasure:
    placed = _place(cells, roles)
    assert placed is not None  # only numbered rows are measures
    number, title, lead_cell, co_cell, period_cell, result_cells = placed
    flags: list[Flag] = []
    if not title:
        title = number
        flags.append(Flag(number, "title", _("The row has no title; its number stands in for it.")))
    lead = _executors(number, "lead", lead_cell, known, flags, plan)
    co = _executors(number, "co_executors", co_cell, known, flags, plan)
    above = plan.measures[-1] if plan.measures else None
    if not period_cell.strip() and above is not None:
        period = above.period
        reason = _(
            "The row has no period; that of %(above)s was taken, as if the cell were merged down."
        )
        flags.append(Flag(number, "period", reason % {"above": above.number}))
    else:
        period = _period(number, period_cell, flags)
    results = _results(number, result_cells, flags)
    if above is not None and _siblings(number, above.number):
        if not any(results.values()):
            results = _inherit_results(number, above, flags)
        elif _continues_above(results):
            results = _merged_down(number, above, results, plan, flags)
    plan.flags.extend(flags)
    return ParsedMeasure(number, title, tuple(lead), tuple(co), period, results, index)


def _place(
    cells: tuple[str, ...], roles: dict[str, int]
) -> tuple[str, str, str, str, str, list[str]] | None:
    """Number, title, lead, co-executors, period and result cells of a measure row."""
    if {"title", "lead"} <= roles.keys() and len(cells) > max(roles.values()):

        def cell(role: str) -> str:
            return cells[roles[role]] if role in roles else ""

        results = [cell(stage.value) for stage in STAGES if stage.value in roles]
        if not results and "results" in roles:
            results = [cells[roles["results"]]]
        number, title = _split_number(cell("number"), cell("title"))
        return (
            (number, title, cell("lead"), cell("co_executors"), cell("period"), results)
            if number
            else None
        )
    return _place_by_content(cells)


def _split_number(number_cell: str, title_cell: str) -> tuple[str, str]:
    """The measure number and title, whether the number has a cell of its own or opens the title."""
    only = _NUMBER_ONLY.match(number_cell)
    if only:
        return only.group(1), title_cell
    for text in (title_cell, number_cell):
        parsed = _number_and_rest(text)
        if parsed is not None:
            return parsed[0], parsed[1] if text is title_cell else title_cell
    return "", title_cell


def _place_by_content(cells: tuple[str, ...]) -> tuple[str, str, str, str, str, list[str]] | None:
    """Without a header: the period cell splits executors (before it) from results (after)."""
    only = _NUMBER_ONLY.match(cells[0])
    if only:
        number, title, rest = only.group(1), cells[1] if len(cells) > 1 else "", cells[2:]
    else:
        parsed = _number_and_rest(cells[0])
        if parsed is None:
            return None
        number, title, rest = parsed[0], parsed[1], cells[1:]
    period_at = next(
        (i for i, cell in enumerate(rest) if PERIOD_ANCHOR.fullmatch(cell.strip())), None
    )
    if period_at is None:
        executors, period, results = rest[:2], "", rest[2:]
    else:
        executors, period, results = rest[:period_at], rest[period_at], rest[period_at + 1 :]
    lead = executors[0] if executors else ""
    co = ", ".join(cell for cell in executors[1:] if cell)
    return number, title, lead, co, period, list(results)


def _executors(
    number: str, field_name: str, cell: str, known: set[str], flags: list[Flag], plan: PlanRows
) -> list[str]:
    values, reasons = split_executors(cell, known)
    flags.extend(Flag(number, field_name, reason) for reason in reasons)
    for value in values:
        if value not in known and value.isupper() and value not in plan.unknown_acronyms:
            plan.unknown_acronyms.append(value)
    if field_name == "lead" and not values:
        flags.append(Flag(number, "lead", _("The lead executor is missing.")))
    return values


def _period(number: str, cell: str, flags: list[Flag]) -> Period:
    try:
        period = parse_period(cell)
    except IngestionError as error:
        flags.append(Flag(number, "period", error.message))
        return Period(None, None, cell)
    if period.start is not None and period.end is not None and period.start > period.end:
        flags.append(
            Flag(number, "period", _("The period ends before it starts; the years were swapped."))
        )
        return Period(period.end, period.start, period.text)
    return period


def _results(number: str, cells: list[str], flags: list[Flag]) -> dict[Stage, str]:
    """Stage texts from the result cells; equal neighbours are one merged cell.

    Fewer than three cells means a cell was merged across stages: a single cell
    covers all three (unless it labels its stages), and of two the longer is
    taken to span two stages. Cells beyond the third are not results.
    """
    if any(cells[3:]):
        reason = _(
            "The row has more cells than the three result stages; the extra ones were left out."
        )
        flags.append(Flag(number, "results", reason))
    if len(cells) == 2:
        wide = 0 if len(cells[0]) > len(cells[1]) else 1
        cells = [cells[0], cells[0], cells[1]] if wide == 0 else [cells[0], cells[1], cells[1]]
        reason = _("Two result cells for three stages: which one spans two stages is a guess.")
        flags.append(Flag(number, "results", reason))
    elif len(cells) == 1 and cells[0]:
        marked = stages_by_markers(cells[0])
        cells = list(marked) if marked is not None else cells * 3
    cells = [*cells, "", "", ""][:3]
    results = dict(zip(STAGES, cells, strict=True))
    merged: list[tuple[Stage, ...]] = []
    for stage, text in zip(STAGES, cells, strict=True):
        if merged and text and results[merged[-1][-1]] == text:
            merged[-1] = (*merged[-1], stage)
        else:
            merged.append((stage,))
    for group in merged:
        if len(group) > 1:
            reason = _("One result cell spans several stages; its text is given to each of them.")
            flags.append(Flag(number, _STAGE_FIELDS[group[-1]], reason))
    return results


def _continues_above(results: dict[Stage, str]) -> bool:
    """Whether every result text of a row starts mid-sentence: a cell merged down, split."""
    texts = [text for text in results.values() if text]
    return bool(texts) and all(start_of(text) is Start.LOWER for text in texts)


def _merged_down(
    number: str, above: ParsedMeasure, results: dict[Stage, str], plan: PlanRows, flags: list[Flag]
) -> dict[Stage, str]:
    """Join result text split between two rows back into one cell that both rows share.

    A table reader that cuts a cell merged across rows at the row line leaves its
    lower half, starting mid-sentence, in the row below.
    """
    joined = {stage: join_cell_lines([above.results[stage], results[stage]]) for stage in STAGES}
    plan.measures[-1] = replace(above, results=joined)
    reason = _("The result cells are shared with %(other)s (merged across the two rows).")
    flags.append(Flag(number, "results", reason % {"other": above.number}))
    plan.flags.append(Flag(above.number, "results", reason % {"other": number}))
    return dict(joined)


def _siblings(number: str, other: str) -> bool:
    return number.rpartition(".")[0] == other.rpartition(".")[0]


def _inherit_results(number: str, above: ParsedMeasure, flags: list[Flag]) -> dict[Stage, str]:
    reason = _(
        "The row has no result text of its own; the results of %(above)s were taken, as if the "
        "cells were merged down. If the cells are really empty, clear them."
    )
    flags.append(Flag(number, "results", reason % {"above": above.number}))
    return dict(above.results)
