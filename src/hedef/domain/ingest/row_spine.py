"""A row's spine: its period cell, and the executor list right before it.

In the interleaved text of a plan row, the period cell ("2026–2029",
"mütəmadi") is the one cell every row has and nothing else looks like; the
executor list before it is recognised by the document's own acronyms. Together
they say where the title ends and where the results begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hedef.domain.ingest.executors import ExecutorRun, executor_run, leading_executor_run
from hedef.domain.ingest.vocabulary import PERIOD_ANCHOR

__all__ = ["Spine", "find_spine"]

_PERIOD_AT_END = re.compile(rf"(?:^|\n)\s*(?P<period>{PERIOD_ANCHOR.pattern})\s*$")


@dataclass(frozen=True)
class Spine:
    """Where a row's title ends, where its period cell is, and where its results begin."""

    title_end: int
    executors_end: int
    results_start: int
    period: str
    executors: ExecutorRun | None


def find_spine(text: str, known: set[str]) -> Spine | None:
    """Find the row's period cell and the executor list right before it.

    The first period preceded by executors wins; a title may hold years of its
    own, but never right after an executor list. A row with no period at all
    (its period cell merged with the row above) is still a measure if a line
    opens with the document's own acronyms: the executors, followed by results.
    Failing both, the first year stands for the period, and the row has no
    executors ("daimi"/"davamlı" alone never do: results use them as adjectives).
    """
    first: re.Match[str] | None = None
    for match in PERIOD_ANCHOR.finditer(text):
        run = executor_run(text[: match.start()], known)
        if run is not None:
            return _continued_after_period(
                Spine(run.start, match.start(), match.end(), match.group(0), run), text, known
            )
        if first is None and not match.group("standing"):
            first = match
    line_start = text.find("\n") + 1
    while line_start > 0:
        run = leading_executor_run(text[line_start:], known)
        if run is not None and text[line_start + run.end :].strip():
            shifted = ExecutorRun(line_start + run.start, line_start + run.end, run.groups)
            # A table whose period column comes before the executors ends the title
            # with the period.
            before = _PERIOD_AT_END.search(text[: shifted.start])
            title_end = before.start() if before else shifted.start
            period = before.group("period") if before else ""
            return Spine(title_end, shifted.end, shifted.end, period, shifted)
        line_start = text.find("\n", line_start) + 1
    if first is not None:
        return Spine(first.start(), first.start(), first.end(), first.group(0), None)
    return None


def _continued_after_period(spine: Spine, text: str, known: set[str]) -> Spine:
    """Take in executors printed after the period when the list before it is unfinished.

    A list that ends in a comma or "və" before the period ("İN RİNN, 2026–2029")
    goes on below it ("AİH"): in a top-aligned table the period shares a line with
    the first line of the executors, not the last.
    """
    run = spine.executors
    if run is None or not re.search(r"(?:,|\bvə)\s*$", text[: spine.executors_end]):
        return spine
    rest = leading_executor_run(text[spine.results_start :], known)
    if rest is None:
        return spine
    groups = (*run.groups[:-1], f"{run.groups[-1]}, {rest.groups[0]}", *rest.groups[1:])
    end = spine.results_start + rest.end
    return Spine(
        spine.title_end, spine.executors_end, end, spine.period, ExecutorRun(run.start, end, groups)
    )
