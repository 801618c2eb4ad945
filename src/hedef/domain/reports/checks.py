"""Checks that a report's input agrees with itself before anything is drawn.

A minister who finds 50 measures in the summary and 49 rows in the table stops
trusting every other number. The shell fills the key figures from the dashboard
and the rows from the same database; these checks make sure both say the same:

- a section's measure count and status counts equal its measure rows;
- when every measure names its goal (direction), the counts per goal
  (direction) equal the rows of that goal (direction);
- a section's indicator count equals its indicator sections;
- the report's measure, indicator and status totals equal the sum over its
  sections (for a single strategy: equal its section's);
- every status key is one the report can name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from hedef.domain.evaluation.statuses import is_known_status
from hedef.domain.reports.data import GroupStatus, IndicatorSection, ReportData, ReportMeasure
from hedef.domain.reports.errors import DataProblem

__all__ = ["problems"]


def problems(data: ReportData) -> tuple[DataProblem, ...]:
    """Every contradiction in ``data``; empty when the report is consistent."""
    found: list[DataProblem] = []
    for number, section in enumerate(data.sections, start=1):
        where = f"section {number}"
        figures = section.key_figures
        found += _compare(f"{where}, measures", figures.measures, len(section.measures))
        from_rows = Counter(row.status for row in section.measures)
        found += _compare_counts(f"{where}, measures by status", figures.by_status, from_rows)
        found += _compare(f"{where}, indicators", figures.indicators, len(section.indicators))
        found += _groups(f"{where}, goal", section.goals, section.measures, by_goal=True)
        found += _groups(f"{where}, direction", section.directions, section.measures, by_goal=False)
        found += _unknown_statuses(where, section.measures, section.indicators)
    total = data.key_figures
    found += _compare(
        "report, measures", total.measures, sum(s.key_figures.measures for s in data.sections)
    )
    found += _compare(
        "report, indicators",
        total.indicators,
        sum(s.key_figures.indicators for s in data.sections),
    )
    summed: Counter[str] = Counter()
    for section in data.sections:
        summed.update(section.key_figures.by_status)
    found += _compare_counts("report, measures by status", total.by_status, summed)
    return tuple(found)


def _compare(where: str, stated: object, counted: object) -> list[DataProblem]:
    if stated == counted:
        return []
    return [DataProblem("count_mismatch", where, expected=counted, found=stated)]


def _compare_counts(
    where: str, stated: Mapping[str, int], counted: Mapping[str, int]
) -> list[DataProblem]:
    keys = sorted({*stated, *counted})
    return [
        DataProblem("count_mismatch", f"{where} {key}", expected=counted.get(key, 0), found=value)
        for key in keys
        if (value := stated.get(key, 0)) != counted.get(key, 0)
    ]


def _groups(
    where: str, groups: Iterable[GroupStatus], rows: Iterable[ReportMeasure], *, by_goal: bool
) -> list[DataProblem]:
    rows = tuple(rows)
    parents = [row.goal if by_goal else row.direction for row in rows]
    if any(parent is None for parent in parents):
        return []  # rows without their group cannot be counted against it
    found = []
    for group in groups:
        counted = Counter(
            row.status for row, parent in zip(rows, parents, strict=True) if parent == group.number
        )
        found += _compare_counts(f"{where} {group.number}", group.counts, counted)
    return found


def _unknown_statuses(
    where: str, rows: Iterable[ReportMeasure], indicators: Iterable[IndicatorSection]
) -> list[DataProblem]:
    keys: list[tuple[str, str]] = []
    for row in rows:
        keys.append((f"{where}, measure {row.number}", row.status))
        if row.self_reported is not None:
            keys.append((f"{where}, measure {row.number}, self-reported", row.self_reported))
    keys += [(f"{where}, indicator {item.number}", item.status) for item in indicators]
    return [
        DataProblem("unknown_status", place, found=key)
        for place, key in keys
        if not is_known_status(key)
    ]
