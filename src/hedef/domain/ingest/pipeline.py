"""Ingestion entry points: a document's text or table rows in, a reviewed-to-be plan out.

Both paths end in the same place: the front matter gives title, period, act,
acronyms and headline indicators; the rows give headings and measures through
the shared row mapping (:mod:`.rows`); the tree and the strategy are assembled
here. Whatever the parser is unsure of becomes a :class:`Flag`; whatever it cannot
read at all becomes an :class:`IngestionError` naming the place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import PurePath

from hedef.domain.core.i18n import gettext as _
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.front import (
    act_years,
    parse_acronyms,
    parse_indicators,
    strategy_code,
    title_and_act,
    title_years,
)
from hedef.domain.ingest.model import Flag, ParsedPlan, TableRow
from hedef.domain.ingest.plan_tree import build_nodes, renumber_orphans
from hedef.domain.ingest.rows import PlanRows, read_rows
from hedef.domain.ingest.sections import split_lines
from hedef.domain.ingest.tables import ActionPlan
from hedef.domain.ingest.text_plan import TEXT_HEADER, text_rows
from hedef.domain.plans.model import (
    AgencyAlias,
    HeadlineIndicator,
    Measure,
    SourceDocument,
    Stage,
    Strategy,
    parent_number,
)
from hedef.domain.plans.targets import targets_in

__all__ = ["parse_text", "plan_from_rows", "plan_from_tables"]

# Share of characters that may be control characters before a text counts as binary.
_MAX_CONTROL_SHARE = 0.01
# "ə" is about one letter in fourteen in Azerbaijani prose and absent from English
# or Russian; a text with almost none is not in Azerbaijani.
_MIN_SCHWA_SHARE = 0.01
_MIN_LETTERS = 200
# Control characters other than line breaks and tabs, surrogates, private use, and
# the replacement character a failed decoding leaves behind.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
_LETTER = re.compile(r"[^\W\d_]")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def parse_text(text: str, *, file_name: str, sha256: str) -> ParsedPlan:
    """Read a strategy from the plain text of a document (as extracted from its PDF).

    Args:
        text: the document's text; line numbers in the result refer to it.
        file_name: the document's name, kept as the plan's source and used in messages.
        sha256: the hex digest of the original file.

    Raises:
        IngestionError: the text is empty, binary, not in Azerbaijani, or holds no
            action plan that can be read.
    """
    _check_readable(text, file_name)
    acronyms = parse_acronyms(text)
    known = {alias.acronym for alias in acronyms}
    try:
        rebuilt = text_rows(split_lines(text), known)
    except IngestionError as error:
        raise IngestionError(error.message, _located(file_name, error.location)) from None
    rows = read_rows(TEXT_HEADER, [item.row for item in rebuilt], known)
    flags = [flag for item in rebuilt for flag in item.flags]
    lines = {
        measure.number: (rebuilt[measure.index].first_line, rebuilt[measure.index].last_line)
        for measure in rows.measures
    }
    return _assemble(text, rows, acronyms, flags, lines, file_name, sha256)


def plan_from_rows(
    front_text: str,
    header: TableRow | None,
    rows: Sequence[TableRow],
    *,
    file_name: str,
    sha256: str,
) -> ParsedPlan:
    """Read a strategy from action-plan rows that a table reader has split into cells.

    Args:
        front_text: the document's text outside the plan table (title, acronyms, indicators).
        header: the table's column labels, or ``None`` to place columns by content.
        rows: the plan's rows in order, headings included.
        file_name, sha256: as for :func:`parse_text`.

    ``source_lines`` in the result holds, for each measure, its row's position in
    ``rows`` (1-based) as both first and last line.

    Raises:
        IngestionError: no row can be read as a measure.
    """
    acronyms = parse_acronyms(front_text)
    known = {alias.acronym for alias in acronyms}
    try:
        plan_rows = read_rows(header, rows, known)
    except IngestionError as error:
        raise IngestionError(error.message, _located(file_name, error.location)) from None
    lines = {
        measure.number: (measure.index + 1, measure.index + 1) for measure in plan_rows.measures
    }
    return _assemble(front_text, plan_rows, acronyms, [], lines, file_name, sha256)


def _located(file_name: str, location: str) -> str:
    return f"{file_name}, {location}" if location else file_name


def _check_readable(text: str, file_name: str) -> None:
    """Refuse, with one clear message, a text that cannot be a strategy in Azerbaijani."""
    if not text.strip():
        raise IngestionError(_("The document is empty."), file_name)
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise IngestionError(_("The file is not text: it looks like binary data."), file_name)
    letters = len(_LETTER.findall(text))
    schwas = text.count("ə") + text.count("Ə")
    if letters < _MIN_LETTERS or schwas < _MIN_SCHWA_SHARE * letters:
        raise IngestionError(
            _("The document is not in Azerbaijani, or too short to hold a strategy."), file_name
        )


def _assemble(
    front_text: str,
    rows: PlanRows,
    acronyms: tuple[AgencyAlias, ...],
    flags: list[Flag],
    source_lines: dict[str, tuple[int, int]],
    file_name: str,
    sha256: str,
) -> ParsedPlan:
    """Build the strategy from its front matter and rows; gather every flag."""
    if not _SHA256.fullmatch(sha256):
        raise IngestionError(_("The file's checksum is not a SHA-256 hex digest."), "sha256")
    headings, renumbered = renumber_orphans(rows.headings, rows.measures)
    flags = [*flags, *rows.flags, *renumbered]
    nodes = build_nodes(headings)
    measures = _measures(rows, {node.number for node in nodes})
    title, act = title_and_act(front_text)
    if not title:
        title = PurePath(file_name).stem or file_name
        flags.append(Flag(None, "title", _("No title was found; the file name stands in for it.")))
    span = title_years(title) or _measure_years(measures) or act_years(act)
    if span is None:
        raise IngestionError(_("The document states no period for the strategy."), file_name)
    if not acronyms:
        reason = _("The document has no acronym list; executors could not be checked.")
        flags.append(Flag(None, "agencies", reason))
    for acronym in rows.unknown_acronyms:
        reason = _("“%(acronym)s” is used as an executor but missing from the acronym list.")
        flags.append(Flag(None, f"acronym:{acronym}", reason % {"acronym": acronym}))
    indicators, doubts = _checked_indicators(parse_indicators(front_text))
    flags += doubts
    strategy = Strategy(
        code=strategy_code(title, *span),
        title=title,
        period_start=span[0],
        period_end=span[1],
        source=SourceDocument(file_name, sha256),
        act=act,
        agencies=acronyms,
        nodes=nodes,
        measures=measures,
        indicators=indicators,
    )
    return ParsedPlan(strategy, tuple(flags), source_lines, tuple(rows.unknown_acronyms))


def _checked_indicators(
    indicators: tuple[HeadlineIndicator, ...],
) -> tuple[tuple[HeadlineIndicator, ...], list[Flag]]:
    """The indicators, each number once, with doubts: a year without a target, no unit."""
    years = {year for indicator in indicators for year in indicator.targets}
    kept: dict[str, HeadlineIndicator] = {}
    flags = []
    for indicator in indicators:
        field = f"indicator:{indicator.number}"
        if indicator.number in kept:
            reason = _("The indicator number appears twice; the later row was left out.")
            flags.append(Flag(None, field, reason))
            continue
        kept[indicator.number] = indicator
        missing = sorted(years - indicator.targets.keys())
        if missing:
            reason = _("No target could be read for %(years)s.") % {
                "years": ", ".join(str(year) for year in missing)
            }
            flags.append(Flag(None, field, reason))
        if not indicator.unit:
            flags.append(Flag(None, field, _("The unit of the indicator could not be read.")))
    return tuple(kept.values()), flags


def _measures(rows: PlanRows, node_numbers: set[str]) -> tuple[Measure, ...]:
    """The measures, each with the numeric targets of its results and its parent node."""
    return tuple(
        Measure(
            number=row.number,
            title=row.title,
            lead=row.lead,
            co_executors=row.co_executors,
            period=row.period,
            results=row.results,
            targets=tuple(t for stage in Stage for t in targets_in(row.results[stage], stage)),
            parent=parent_number(row.number, node_numbers),
        )
        for row in rows.measures
    )


def _measure_years(measures: Sequence[Measure]) -> tuple[int, int] | None:
    years = [year for m in measures for year in (m.period.start, m.period.end) if year is not None]
    return (min(years), max(years)) if years else None


def plan_from_tables(plan: ActionPlan, *, data: bytes, file_name: str) -> ParsedPlan:
    """The plan of a document whose action-plan table a reader (DOCX, PDF) has laid out."""
    return plan_from_rows(
        plan.front_text,
        plan.header,
        plan.rows,
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
    )
