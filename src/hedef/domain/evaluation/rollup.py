"""Roll-ups: counts, shares, attainment and timeliness by direction, goal, strategy, agency.

The input is a list of plain :class:`MeasureRecord` values, one per measure (or
one per measure and reporting cycle when only timeliness matters). A record
counts once in each group it belongs to: its strategy, its goal, its priority
direction, each of its lead agencies and each of its co-executors. A measure led
jointly by two agencies therefore counts fully for both.

Per group:

- ``count`` and ``by_status``: records per status key; ``shares``: the same
  divided by ``count``;
- ``mean_attainment``: the mean of the attainment values present (records
  without one are left out, not counted as zero);
- timeliness, over records whose report was due (``due_at`` set, and not after
  ``as_of`` when given): ``on_time_share`` is the share submitted on or before the
  due date; ``median_delay_days`` is the median of max(0, submitted − due) in days
  over the submitted ones, so an early report counts as no delay; unsubmitted
  reports count in ``not_submitted`` and against the on-time share.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hedef.domain.core.text import az_sort_key

__all__ = ["GroupBy", "MeasureRecord", "Rollup", "rollup", "rollup_all"]


class GroupBy(StrEnum):
    """The groupings a roll-up can be made by."""

    STRATEGY = "strategy"
    GOAL = "goal"
    DIRECTION = "direction"
    LEAD_AGENCY = "lead_agency"
    CO_EXECUTOR = "co_executor"


@dataclass(frozen=True)
class MeasureRecord:
    """What a roll-up needs to know about one measure.

    ``goal`` and ``direction`` are the numbers of the measure's parent nodes in
    its strategy (``None`` where the document has no such level).
    """

    number: str
    strategy: str
    status: str
    goal: str | None = None
    direction: str | None = None
    lead: tuple[str, ...] = ()
    co_executors: tuple[str, ...] = ()
    attainment: float | None = None
    submitted_at: date | None = None
    due_at: date | None = None


@dataclass(frozen=True)
class Rollup:
    """Figures of one group; ``key`` is the group's path (strategy, goal, direction) or agency."""

    group_by: GroupBy
    key: tuple[str, ...]
    count: int
    by_status: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)
    mean_attainment: float | None = None
    attainment_count: int = 0
    reports_due: int = 0
    submitted_on_time: int = 0
    not_submitted: int = 0
    on_time_share: float | None = None
    median_delay_days: float | None = None


def rollup(
    records: Iterable[MeasureRecord], *, by: GroupBy, as_of: date | None = None
) -> tuple[Rollup, ...]:
    """Group ``records`` by ``by`` and compute each group's figures, groups in key order."""
    groups: dict[tuple[str, ...], list[MeasureRecord]] = defaultdict(list)
    for record in records:
        for key in _keys(record, by):
            groups[key].append(record)
    ordered = sorted(groups, key=lambda key: tuple(az_sort_key(part) for part in key))
    return tuple(_figures(by, key, groups[key], as_of) for key in ordered)


def rollup_all(
    records: Sequence[MeasureRecord], *, as_of: date | None = None
) -> dict[GroupBy, tuple[Rollup, ...]]:
    """:func:`rollup` for every grouping."""
    return {by: rollup(records, by=by, as_of=as_of) for by in GroupBy}


def _keys(record: MeasureRecord, by: GroupBy) -> Iterator[tuple[str, ...]]:
    match by:
        case GroupBy.STRATEGY:
            yield (record.strategy,)
        case GroupBy.GOAL:
            if record.goal is not None:
                yield (record.strategy, record.goal)
        case GroupBy.DIRECTION:
            if record.direction is not None:
                yield (record.strategy, record.goal or "", record.direction)
        case GroupBy.LEAD_AGENCY:
            yield from ((agency,) for agency in dict.fromkeys(record.lead))
        case GroupBy.CO_EXECUTOR:
            yield from ((agency,) for agency in dict.fromkeys(record.co_executors))


def _figures(
    by: GroupBy, key: tuple[str, ...], records: list[MeasureRecord], as_of: date | None
) -> Rollup:
    count = len(records)
    by_status = dict(sorted(Counter(record.status for record in records).items()))
    attainments = [record.attainment for record in records if record.attainment is not None]
    due = [
        record
        for record in records
        if record.due_at is not None and (as_of is None or record.due_at <= as_of)
    ]
    delays = [_delay_days(record) for record in due if record.submitted_at is not None]
    on_time = sum(1 for delay in delays if delay == 0)
    return Rollup(
        group_by=by,
        key=key,
        count=count,
        by_status=by_status,
        shares={status: number / count for status, number in by_status.items()},
        mean_attainment=statistics.fmean(attainments) if attainments else None,
        attainment_count=len(attainments),
        reports_due=len(due),
        submitted_on_time=on_time,
        not_submitted=len(due) - len(delays),
        on_time_share=on_time / len(due) if due else None,
        median_delay_days=float(statistics.median(delays)) if delays else None,
    )


def _delay_days(record: MeasureRecord) -> int:
    assert record.submitted_at is not None and record.due_at is not None
    return max(0, (record.submitted_at - record.due_at).days)
