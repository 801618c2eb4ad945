"""One pass through the Handbook's steps for one set of choices.

:func:`prepare` picks the definition's indicators out of a table and treats
missing data once; :func:`composite_scores` then normalises, weights and
aggregates for any choice of methods, which is what both the nominal index and
every Monte Carlo draw need.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hedef.domain.evaluation.composite.definition import (
    Aggregation,
    IndexDefinition,
    IndicatorSpec,
    Normalisation,
    Weighting,
)
from hedef.domain.evaluation.composite.steps import aggregate, impute, normalise
from hedef.domain.evaluation.composite.table import IndexTable
from hedef.domain.evaluation.composite.weighting import weights_for
from hedef.domain.evaluation.errors import InvalidInput
from hedef.domain.plans.model import Direction

__all__ = ["Prepared", "composite_scores", "normalised", "prepare"]

Matrix = NDArray[np.float64]
Vector = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Prepared:
    """The indicator matrix of the units kept after missing-data treatment."""

    units: tuple[str, ...]
    excluded: tuple[str, ...]
    values: Matrix
    indicators: tuple[IndicatorSpec, ...]
    directions: Vector
    targets: Vector
    goalposts: Matrix


def prepare(definition: IndexDefinition, table: IndexTable) -> Prepared:
    """Select the definition's indicators from ``table`` and treat missing values.

    Raises:
        InvalidInput: when the table lacks an indicator, or no unit is left.
    """
    absent = [spec.key for spec in definition.indicators if spec.key not in table.columns]
    if absent:
        raise InvalidInput(
            f"the table has no column for indicator {absent[0]!r}", indicator=absent[0]
        )
    columns = [table.columns.index(spec.key) for spec in definition.indicators]
    selected = table.values[:, columns]
    infinite = np.argwhere(np.isinf(selected))
    if infinite.size:
        row, column = (int(index) for index in infinite[0])
        key = definition.indicators[column].key
        raise InvalidInput(
            f"{table.units[row]!r} has an infinite value of indicator {key!r}; "
            "every score it touched would be NaN",
            unit=table.units[row],
            indicator=key,
        )
    values, keep = impute(selected, definition.missing)
    units = tuple(unit for unit, kept in zip(table.units, keep, strict=True) if kept)
    if not units:
        missing = np.isnan(selected).sum(axis=0)
        worst = int(missing.argmax())
        key = definition.indicators[worst].key
        raise InvalidInput(
            f"no unit has the data needed to compute the index: {int(missing[worst])} of "
            f"{len(table.units)} units have no value of indicator {key!r} "
            f"(missing data: {definition.missing})",
            indicator=key,
            missing=int(missing[worst]),
        )
    specs = definition.indicators
    return Prepared(
        units=units,
        excluded=tuple(unit for unit, kept in zip(table.units, keep, strict=True) if not kept),
        values=values,
        indicators=specs,
        directions=np.array(
            [1.0 if spec.direction is Direction.HIGHER_IS_BETTER else -1.0 for spec in specs]
        ),
        targets=np.array([np.nan if spec.target is None else spec.target for spec in specs]),
        goalposts=np.array(
            [
                [np.nan, np.nan] if spec.goalposts is None else list(spec.goalposts)
                for spec in specs
            ],
            dtype=np.float64,
        ).T.reshape(2, len(specs)),
    )


def normalised(prepared: Prepared, method: Normalisation) -> Matrix:
    """The prepared matrix under one normalisation."""
    return normalise(
        prepared.values,
        method,
        directions=prepared.directions,
        targets=prepared.targets,
        goalposts=prepared.goalposts,
    )


def composite_scores(
    prepared: Prepared,
    *,
    normalisation: Normalisation,
    weighting: Weighting,
    aggregation: Aggregation,
) -> tuple[Vector, Vector]:
    """Scores of every kept unit and the weights used, for one set of choices."""
    matrix = normalised(prepared, normalisation)
    weights = weights_for(weighting, matrix, prepared.indicators)
    return aggregate(matrix, weights, aggregation), weights
