"""The agencies' digital-readiness rating (methodology §7.5), from the monitoring data.

Each agency's row: the share of its reports submitted by the due date, the share
of the measures it leads that are completed or on schedule, and the mean
attainment of the indicators it answers for. The index is ``indices/readiness.yaml``
computed by the composite engine with its Monte Carlo rank intervals, so a rank is
never shown without the ranks it could as well have had.

An input that no agency has yet (no indicator has an accepted value, say) is left
out of the index rather than imputed from nothing; the page names it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from hedef.agencies.models import Agency
from hedef.domain.evaluation.composite import (
    IndexDefinition,
    IndexResult,
    IndexRow,
    IndexTable,
    builtin_index_path,
    compute_index,
    load_index_definition,
)
from hedef.domain.evaluation.readiness import readiness_table
from hedef.domain.evaluation.rollup import GroupBy, rollup
from hedef.evaluation.selectors.dates import EvaluationDate
from hedef.evaluation.selectors.indicators import IndicatorEvaluation, indicator_evaluations
from hedef.evaluation.selectors.measures import MeasureEvaluation, measure_evaluations
from hedef.evaluation.selectors.rollups import mean_attainment_by_agency, report_records


@dataclass(frozen=True)
class RatedAgency:
    """One agency's place in the rating, with the inputs it was computed from."""

    agency: Agency
    row: IndexRow
    inputs: dict[str, float | None]


@dataclass(frozen=True)
class Rating:
    """The rating at an evaluation date; ``result`` is ``None`` when fewer than two can be rated."""

    when: EvaluationDate
    definition: IndexDefinition
    result: IndexResult | None
    agencies: list[RatedAgency]
    left_out: tuple[str, ...]  # inputs no agency has a value for


@cache
def readiness_definition() -> IndexDefinition:
    """The rating's definition, as shipped in ``hedef/indices/readiness.yaml``."""
    return load_index_definition(builtin_index_path("readiness"))


def readiness_rating(
    *,
    when: EvaluationDate,
    measures: list[MeasureEvaluation] | None = None,
    indicators: list[IndicatorEvaluation] | None = None,
    draws: int | None = None,
) -> Rating:
    """Rate every agency that leads a measure, writes a report or answers for an indicator.

    Args:
        when: the evaluation date.
        measures, indicators: the whole portfolio's evaluations, when already read.
        draws: Monte Carlo draws; default: the definition's (1,000).
    """
    measures = measure_evaluations(when=when) if measures is None else measures
    indicators = indicator_evaluations(when=when) if indicators is None else indicators
    table = readiness_table(
        rollup([m.record for m in measures], by=GroupBy.LEAD_AGENCY),
        timeliness_rollups=rollup(
            report_records(measures, indicators), by=GroupBy.LEAD_AGENCY, as_of=when.on
        ),
        attainment=mean_attainment_by_agency(indicators),
    )
    definition, table, left_out = _observed_inputs(readiness_definition(), table)
    inputs = {
        unit: dict(zip(table.columns, map(_number, table.values[row]), strict=True))
        for row, unit in enumerate(table.units)
    }
    if len(table.units) < 2 or not definition.indicators:
        return Rating(when, definition, None, [], left_out)
    result = compute_index(definition, table, draws=draws)
    agencies = Agency.objects.in_bulk(list(table.units), field_name="code")
    return Rating(
        when=when,
        definition=definition,
        result=result,
        agencies=[RatedAgency(agencies[row.unit], row, inputs[row.unit]) for row in result.rows],
        left_out=left_out,
    )


def _observed_inputs(
    definition: IndexDefinition, table: IndexTable
) -> tuple[IndexDefinition, IndexTable, tuple[str, ...]]:
    """Leave out the inputs no unit has a value for; they cannot be imputed from nothing."""
    kept = [
        index for index in range(len(table.columns)) if not np.isnan(table.values[:, index]).all()
    ]
    columns = tuple(table.columns[index] for index in kept)
    left_out = tuple(column for column in table.columns if column not in columns)
    if not left_out:
        return definition, table, ()
    indicators = tuple(spec for spec in definition.indicators if spec.key in columns)
    return (
        replace(definition, indicators=indicators),
        replace(table, columns=columns, values=table.values[:, kept]),
        left_out,
    )


def _number(value: float) -> float | None:
    return None if np.isnan(value) else float(value)
