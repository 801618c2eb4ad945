"""The plan's numbered tree: goals, priority directions and the measures under them.

Documents number their plans to different depths (goals 1–3 with directions
1.1–1.4 and measures 1.1.1, but also measure 2.1 straight under goal 2; or goals
8.1, directions 8.1.1 and measures 8.1.1.1), so levels are read from the
document: a heading's keyword ("Məqsəd", "Prioritet istiqamət") says its level;
without one, the shallowest headings are goals and deeper ones directions. A
measure hangs under the nearest heading whose number prefixes its own.
"""

from __future__ import annotations

from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.text import az_casefold
from hedef.domain.ingest.model import Flag
from hedef.domain.ingest.rows import HeadingRow, ParsedMeasure
from hedef.domain.plans.model import PlanNode, parent_number

__all__ = ["build_nodes", "renumber_orphans"]

_GOAL_WORDS = ("məqsəd", "hədəf")
_DIRECTION_WORDS = ("istiqamət", "fəsil", "bölmə")


def _depth(number: str) -> int:
    return number.count(".") + 1


def _prefixes(number: str) -> list[str]:
    parts = number.split(".")
    return [".".join(parts[:cut]) for cut in range(len(parts) - 1, 0, -1)]


def renumber_orphans(
    headings: list[HeadingRow], measures: list[ParsedMeasure]
) -> tuple[list[HeadingRow], list[Flag]]:
    """Correct a heading whose printed number cannot be its real one.

    When the items right after a heading need a parent that does not exist (1.1,
    1.1.1 ... under a heading printed "9.1.") and nothing is numbered under the
    heading's own number, the heading is that missing parent: its number was
    misprinted. The correction is flagged.
    """
    items = sorted(
        [(heading.index, heading.number, True) for heading in headings]
        + [(measure.index, measure.number, False) for measure in measures]
    )
    renamed: dict[int, str] = {}
    flags: list[Flag] = []
    numbers_so_far: set[str] = set()
    previous: tuple[int, str, bool] | None = None
    for index, number, is_heading in items:
        prefixes = _prefixes(number)
        if (
            prefixes
            and not numbers_so_far.intersection(prefixes)
            and previous is not None
            and previous[2]
            and not any(item[1].startswith(previous[1] + ".") for item in items)
        ):
            renamed[previous[0]] = prefixes[-1]
            numbers_so_far.discard(previous[1])
            numbers_so_far.add(prefixes[-1])
            reason = _(
                "The heading is numbered %(printed)s but heads items numbered %(child)s; "
                "read as %(read)s."
            )
            flags.append(
                Flag(
                    None,
                    "heading:" + prefixes[-1],
                    reason % {"printed": previous[1], "child": number, "read": prefixes[-1]},
                )
            )
        numbers_so_far.add(number)
        previous = (index, renamed.get(index, number), is_heading)
    fixed = [
        HeadingRow(
            renamed.get(heading.index, heading.number),
            heading.title,
            heading.keyword,
            heading.index,
        )
        for heading in headings
    ]
    return fixed, flags


def _level(heading: HeadingRow, shallowest: int) -> str:
    keyword = az_casefold(heading.keyword)
    if any(word in keyword for word in _DIRECTION_WORDS):
        return "direction"
    if any(word in keyword for word in _GOAL_WORDS):
        return "goal"
    return "goal" if _depth(heading.number) <= shallowest else "direction"


def build_nodes(headings: list[HeadingRow]) -> tuple[PlanNode, ...]:
    """Goals, then directions (each under the goal whose number prefixes it), in document order."""
    if not headings:
        return ()
    goal_depths = [
        _depth(h.number) for h in headings if any(w in az_casefold(h.keyword) for w in _GOAL_WORDS)
    ]
    shallowest = min(goal_depths) if goal_depths else min(_depth(h.number) for h in headings)
    levels: dict[str, tuple[str, str]] = {}
    for heading in headings:
        levels.setdefault(heading.number, (_level(heading, shallowest), heading.title))
    goals = {number for number, (level, _title) in levels.items() if level == "goal"}
    nodes = [
        PlanNode(
            number, title, level, parent_number(number, goals) if level == "direction" else None
        )
        for number, (level, title) in levels.items()
    ]
    # Goals first, then directions, as the interchange format stores them, so that a
    # plan read twice or read back from a file compares equal.
    return tuple(sorted(nodes, key=lambda node: node.level != "goal"))
