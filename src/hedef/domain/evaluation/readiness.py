"""Inputs of the agencies' digital-readiness rating, built from roll-ups.

The rating itself is the composite index ``hedef/indices/readiness.yaml``; this
module turns per-agency roll-ups into its table, one row per agency:

- ``timeliness``: share of the agency's reports submitted by the due date
  (``Rollup.on_time_share``, over every cycle when a timeliness roll-up is given);
- ``on_schedule``: share of the measures it leads that are completed or on
  schedule;
- ``attainment``: mean attainment of the indicators it answers for (given per
  agency), or else of its measures (``Rollup.mean_attainment``).

A figure an agency does not have is left missing; the rating's definition says
how missing values are treated.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from hedef.domain.core.text import az_sort_key
from hedef.domain.evaluation.composite.table import IndexTable, table_from_rows
from hedef.domain.evaluation.measure_status import MeasureStatus
from hedef.domain.evaluation.rollup import Rollup

__all__ = ["ON_SCHEDULE_STATUSES", "READINESS_COLUMNS", "readiness_table"]

READINESS_COLUMNS = ("timeliness", "on_schedule", "attainment")
ON_SCHEDULE_STATUSES = frozenset({MeasureStatus.COMPLETED.value, MeasureStatus.ON_SCHEDULE.value})


def readiness_table(
    status_rollups: Sequence[Rollup],
    *,
    timeliness_rollups: Sequence[Rollup] | None = None,
    attainment: Mapping[str, float | None] | None = None,
) -> IndexTable:
    """The readiness rating's input table.

    Args:
        status_rollups: lead-agency roll-ups of the measures' current statuses.
        timeliness_rollups: lead-agency roll-ups over every reporting cycle's
            submissions; default: the timeliness in ``status_rollups``.
        attainment: agency → mean indicator attainment; default: the measures'
            mean attainment in ``status_rollups``.
    """
    by_agency = {rollup.key[0]: rollup for rollup in status_rollups}
    timely = {rollup.key[0]: rollup for rollup in (timeliness_rollups or status_rollups)}
    agencies = sorted({*by_agency, *timely, *(attainment or {})}, key=az_sort_key)
    rows = []
    for agency in agencies:
        status = by_agency.get(agency)
        timing = timely.get(agency)
        rows.append(
            {
                "agency": agency,
                "timeliness": timing.on_time_share if timing else None,
                "on_schedule": _on_schedule_share(status) if status else None,
                "attainment": _attainment(agency, status, attainment),
            }
        )
    return IndexTable(
        units=tuple(agencies),
        columns=READINESS_COLUMNS,
        values=table_from_rows(rows, unit="agency", columns=READINESS_COLUMNS).values,
    )


def _on_schedule_share(rollup: Rollup) -> float:
    return sum(rollup.by_status.get(status, 0) for status in ON_SCHEDULE_STATUSES) / rollup.count


def _attainment(
    agency: str, rollup: Rollup | None, attainment: Mapping[str, float | None] | None
) -> float | None:
    if attainment is not None:
        value = attainment.get(agency)
        if value is not None and not math.isnan(value):
            return value
    return rollup.mean_attainment if rollup else None
