"""Splitting a row's result text into its initial, interim and final cells.

In text extracted from a PDF, the three result cells of a row follow one another
as runs of lines ("pieces"), and nothing marks where one cell ends. Three things
do tell: a cell usually ends in a verbal noun and the next one starts with a
capital or a number (:mod:`.sentences`); a cell merged across two result columns
has lines about twice as wide as the others; and a row cut by a page break prints
the rest of its cells after its last cell, in column order, each rest continuing
a cell that was cut mid-phrase.

Every way of reading the pieces is scored by how well each cell starts and ends
and how well joined pieces continue each other; the best reading wins, and a
close second place is reported so that the reviewer checks the row.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from hedef.domain.ingest.sentences import End, Piece, Start
from hedef.domain.ingest.vocabulary import join_cell_lines

__all__ = ["LeadingColumn", "ResultLayout", "Tail", "lay_out_results"]

STAGE_COUNT = 3
# Scores, in "how much evidence" units: a clean cell end is worth two, a capital
# at a cell start one; an open ending joined to a lower-case continuation is the
# strongest sign that two pieces belong together.
_START = {Start.UPPER: 1.0, Start.OTHER: 0.0, Start.LOWER: -2.0}
_END = {End.STRONG: 2.0, End.WEAK: 0.5, End.NEUTRAL: 0.0, End.DATIVE: -1.0, End.OPEN: -2.0}
_JOIN_AFTER = {End.OPEN: 1.5, End.DATIVE: 1.0, End.NEUTRAL: 0.3, End.WEAK: 0.0, End.STRONG: -0.5}
_JOIN_CAPITAL_AFTER = {
    End.STRONG: -2.0,
    End.WEAK: -1.0,
    End.NEUTRAL: -0.3,
    End.DATIVE: 0.0,
    End.OPEN: 0.0,
}
_NEW_CHUNK_JOIN = -1.0  # an indented piece seldom continues the line right above it
_TAIL = -1.0  # each re-attached page-break tail must pay for itself
_SHORT_COLUMN = -1.5  # a short, finished cell did not reach the bottom of the page
_MISSING_COLUMN = -4.0
_EXECUTOR_TAIL = 2.0
_WIDE = 1.45  # a piece this many times wider than a usual result line spans two columns
_VERY_WIDE = 2.6
_MAX_TAIL_PIECES = 12


@dataclass(frozen=True)
class LeadingColumn:
    """A column before the results (title or executors): where its text stops, how tall it is."""

    end: End
    lines: int


@dataclass(frozen=True)
class Tail:
    """A piece printed after the row that continues an earlier cell.

    ``column`` is "title", "executors" or the index (0–2) of the first stage
    the continued result cell covers.
    """

    column: str | int
    text: str
    line: int


@dataclass(frozen=True)
class ResultLayout:
    """The result cells of one row, as the best reading of its pieces has them.

    ``stages`` holds the initial, interim and final text (a merged cell's text in
    each stage it covers); ``spans`` how many stages each physical cell covers;
    ``tails`` what was re-attached to earlier cells; ``missing`` how many stages
    got no cell at all; ``margin`` how far ahead of the next reading this one is.
    """

    stages: tuple[str, str, str]
    spans: tuple[int, ...]
    tails: tuple[Tail, ...]
    missing: int
    margin: float


@dataclass(frozen=True)
class _Reading:
    score: float
    starts: tuple[int, ...]
    assignment: tuple[int, ...]  # for each piece: the column it joins (see _columns)


def lay_out_results(
    pieces: Sequence[Piece],
    title: LeadingColumn,
    executors: LeadingColumn,
    typical_width: float,
    is_executor_list: Callable[[str], bool],
) -> ResultLayout:
    """Read ``pieces`` (the text after a row's period cell) as its result cells.

    Args:
        pieces: the runs of lines after the period, in text order.
        title, executors: the row's earlier columns, which a page-break tail may continue.
        typical_width: the usual width of a result line in this document, in characters.
        is_executor_list: whether a piece is nothing but executors (a tail of that column).
    """
    if not pieces:
        return ResultLayout(("", "", ""), (), (), STAGE_COUNT, 0.0)
    is_executor_list = cache(is_executor_list)
    spans = tuple(_span(piece, typical_width) for piece in pieces)
    readings = _readings(pieces, spans, title, executors, is_executor_list, allow_tails=True)
    best = readings[0]
    if _missing(best, spans) and sum(piece.line_count for piece in pieces) > 1:
        # No three cells among the pieces: the cells may run on without gaps, so
        # try again with every line as a piece of its own.
        lines = _one_piece_per_line(pieces)
        line_spans = tuple(_span(piece, typical_width) for piece in lines)
        by_line = _readings(
            lines, line_spans, title, executors, is_executor_list, allow_tails=False
        )
        if by_line[0].score > best.score:
            pieces, spans, readings, best = lines, line_spans, by_line, by_line[0]
    margin = best.score - readings[1].score if len(readings) > 1 else float("inf")
    return _layout(pieces, spans, best, margin)


def _span(piece: Piece, typical_width: float) -> int:
    if typical_width <= 0 or piece.line_count < 1:
        return 1
    ratio = piece.width / typical_width
    return 3 if ratio >= _VERY_WIDE else 2 if ratio >= _WIDE else 1


def _one_piece_per_line(pieces: Sequence[Piece]) -> tuple[Piece, ...]:
    return tuple(
        Piece((line,), piece.line + offset, piece.new_chunk and offset == 0)
        for piece in pieces
        for offset, line in enumerate(piece.lines)
        if line.strip()
    )


def _cell_spans(starts: tuple[int, ...], spans: tuple[int, ...], end: int) -> list[int]:
    bounds = [*starts, end]
    return [max(spans[a:b], default=1) for a, b in itertools.pairwise(bounds)]


def _missing(reading: _Reading, spans: tuple[int, ...]) -> int:
    return max(0, STAGE_COUNT - sum(_cell_spans(reading.starts, spans, len(spans))))


def _join(before: End, after: Piece, adjacent: bool) -> float:
    score = _JOIN_AFTER[before]
    if after.start is Start.LOWER:
        score += 1.0
    elif after.start is Start.UPPER:
        score += _JOIN_CAPITAL_AFTER[before]
    if adjacent and after.new_chunk:
        score += _NEW_CHUNK_JOIN
    return score


def _readings(
    pieces: Sequence[Piece],
    spans: tuple[int, ...],
    title: LeadingColumn,
    executors: LeadingColumn,
    is_executor_list: Callable[[str], bool],
    *,
    allow_tails: bool,
) -> list[_Reading]:
    """Every plausible reading, best first."""
    count = len(pieces)
    # A piece that opens with an indent right after a cell starts a new page: every
    # cell of the row has started before it, and what follows it continues them.
    page_break = next((i for i in range(1, count) if pieces[i].new_chunk), count)
    openers = [i for i in range(1, page_break) if pieces[i].start is not Start.LOWER]
    readings = []
    for cells in range(1, STAGE_COUNT + 1):
        for later_starts in itertools.combinations(openers, cells - 1):
            starts = (0, *later_starts)
            covered = sum(_cell_spans(starts, spans, count))
            if covered > STAGE_COUNT:
                continue
            tails = allow_tails and count - starts[-1] <= _MAX_TAIL_PIECES
            reading = _best_reading(pieces, starts, title, executors, is_executor_list, tails)
            missing = STAGE_COUNT - covered
            readings.append(
                _Reading(reading.score + missing * _MISSING_COLUMN, starts, reading.assignment)
            )
    readings.sort(key=lambda reading: -reading.score)
    return readings


def _best_reading(
    pieces: Sequence[Piece],
    starts: tuple[int, ...],
    title: LeadingColumn,
    executors: LeadingColumn,
    is_executor_list: Callable[[str], bool],
    allow_tails: bool,
) -> _Reading:
    """Score the cells opened at ``starts``; after the last opening, choose the tails.

    Columns are numbered 0 (title), 1 (executors), then 2, 3, ... for the result
    cells in order. Once the last result cell has started, each further piece
    either continues the piece before it or starts a tail for a later column than
    the previous tail did; the last cell's own part ends where the first tail
    begins.
    """
    count = len(pieces)
    last = len(starts) + 1
    closed = list(itertools.pairwise(starts))
    score = _START[pieces[starts[-1]].start]
    assignment: list[int] = []
    for cell, (first, stop) in enumerate(closed):
        score += _START[pieces[first].start] + _END[pieces[stop - 1].end]
        score += sum(_join(pieces[i - 1].end, pieces[i], True) for i in range(first + 1, stop))
        assignment += [cell + 2] * (stop - first)
    ends = [title.end, executors.end] + [pieces[stop - 1].end for _, stop in closed]
    heights = [title.lines, executors.lines] + [
        sum(piece.line_count for piece in pieces[first:stop]) for first, stop in closed
    ]

    running = list(itertools.accumulate((piece.line_count for piece in pieces), initial=0))

    def own_part(last_end: int) -> tuple[End, int]:
        return pieces[last_end].end, running[last_end + 1] - running[starts[-1]]

    def close(cursor: int, previous: Piece, last_end: int) -> float:
        """The end score of the run that ``previous`` closes in column ``cursor``."""
        if last_end < 0:
            return _END[previous.end]
        if cursor == 1:
            return 0.0
        before = own_part(last_end)[0] if cursor == last else ends[cursor]
        return _END[previous.end] - _END[before]

    def tail_gain(column: int, piece: Piece, last_end: int) -> float | None:
        """What attaching ``piece`` as a tail of ``column`` is worth, if it is allowed."""
        if column == 1:
            return _TAIL + _EXECUTOR_TAIL if is_executor_list(piece.text) else None
        own_end, own_height = own_part(last_end)
        end, height = (own_end, own_height) if column == last else (ends[column], heights[column])
        gain = _TAIL + _join(end, piece, False)
        if height < max(*heights, own_height) - 1 and end not in (End.OPEN, End.DATIVE):
            gain += _SHORT_COLUMN
        return gain

    @cache
    def best_from(index: int, cursor: int, last_end: int) -> tuple[float, tuple[int, ...]]:
        """Best score and columns for pieces[index:], pieces[index - 1] being in ``cursor``.

        ``last_end`` is the last piece of the last cell's own part once a tail has
        begun, else -1.
        """
        previous = pieces[index - 1]
        if index == count:
            return close(cursor, previous, last_end), ()
        piece = pieces[index]
        options = []
        page_break = piece.new_chunk and last_end < 0
        if not (page_break and allow_tails):
            rest, path = best_from(index + 1, cursor, last_end)
            options.append((rest + _join(previous.end, piece, True), (cursor, *path)))
        if allow_tails:
            own_end = last_end if last_end >= 0 else index - 1
            first_column = cursor + 1 if last_end >= 0 else 0
            final_column = last if last_end >= 0 or page_break else last - 1
            for column in range(first_column, final_column + 1):
                gain = tail_gain(column, piece, own_end)
                if gain is None:
                    continue
                rest, path = best_from(index + 1, column, own_end)
                total = close(cursor, previous, last_end) + gain + rest
                options.append((total, (column, *path)))
        return max(options, key=lambda option: option[0])

    tail_score, path = best_from(starts[-1] + 1, last, -1)
    assignment += [last, *path]
    return _Reading(score + tail_score, starts, tuple(assignment))


def _layout(
    pieces: Sequence[Piece], spans: tuple[int, ...], reading: _Reading, margin: float
) -> ResultLayout:
    """Assemble the chosen reading into stage texts, spans and re-attached tails."""
    cell_spans = _cell_spans(reading.starts, spans, len(pieces))
    lines: dict[int, list[str]] = {}
    tails: list[Tail] = []
    for index, (piece, column) in enumerate(zip(pieces, reading.assignment, strict=True)):
        lines.setdefault(column, []).extend(piece.lines)
        if index <= reading.starts[-1]:
            continue
        name = _column_name(column, cell_spans)
        if column != reading.assignment[index - 1]:
            tails.append(Tail(name, piece.text, piece.line))
        elif tails and tails[-1].column == name:
            tails[-1] = Tail(name, f"{tails[-1].text} {piece.text}", tails[-1].line)
    stages: list[str] = []
    for cell, span in enumerate(cell_spans):
        stages.extend([join_cell_lines(lines.get(cell + 2, []))] * span)
    missing = max(0, STAGE_COUNT - len(stages))
    stages = (stages + [""] * STAGE_COUNT)[:STAGE_COUNT]
    return ResultLayout(
        (stages[0], stages[1], stages[2]), tuple(cell_spans), tuple(tails), missing, margin
    )


def _column_name(column: int, cell_spans: list[int]) -> str | int:
    if column < 2:
        return ("title", "executors")[column]
    return sum(cell_spans[: column - 2])
