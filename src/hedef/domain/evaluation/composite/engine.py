"""Compute a composite index from its definition and a data table.

The nominal index applies the definition's own choices (after any edition
override): missing-data treatment, normalisation, weighting, aggregation, then
the optional rounding of the final score, ranking and grouping. When the
definition (or the caller) asks for Monte Carlo draws, every unit also gets a
median rank and a 5–95 % rank interval (:mod:`.uncertainty`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from hedef.domain.core.text import az_sort_key
from hedef.domain.evaluation.composite.definition import IndexDefinition
from hedef.domain.evaluation.composite.pipeline import composite_scores, prepare
from hedef.domain.evaluation.composite.ranking import (
    UNROUNDED_TIE_DECIMALS,
    group_of,
    rank_scores,
    tie_values,
)
from hedef.domain.evaluation.composite.table import IndexTable
from hedef.domain.evaluation.composite.uncertainty import RankUncertainty, rank_uncertainty
from hedef.domain.evaluation.errors import InvalidInput

__all__ = ["IndexResult", "IndexRow", "compute_index"]


@dataclass(frozen=True)
class IndexRow:
    """One unit's result; the rank interval is ``None`` without Monte Carlo draws."""

    unit: str
    score: float
    unrounded_score: float
    rank: int
    group: str | None
    group_label: str | None
    rank_p5: float | None = None
    rank_median: float | None = None
    rank_p95: float | None = None


@dataclass(frozen=True)
class IndexResult:
    """An index computed for one table: rows in rank order and the settings used."""

    index: str
    title: str
    edition: str | None
    rows: tuple[IndexRow, ...]
    weights: dict[str, float]
    settings: dict[str, str | int | None]
    excluded: tuple[str, ...] = ()
    draws: int = 0
    seed: int | None = None
    variance_shares: dict[str, float] = field(default_factory=dict)
    mean_rank_shift: float | None = None
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rank_shift_by_alternative: dict[str, dict[str, float]] = field(default_factory=dict)

    def row(self, unit: str) -> IndexRow:
        """The row of ``unit`` (exact name after whitespace trimming)."""
        for candidate in self.rows:
            if candidate.unit == unit.strip():
                return candidate
        raise KeyError(unit)


def compute_index(
    definition: IndexDefinition,
    table: IndexTable,
    *,
    draws: int | None = None,
    seed: int | None = None,
) -> IndexResult:
    """Compute ``definition`` on ``table``.

    Args:
        definition: the index definition; edition overrides are applied from
            ``table.edition``.
        table: indicator values per unit.
        draws: Monte Carlo draws; default the definition's, 0 for none.
        seed: random seed; default the definition's.

    Raises:
        InvalidInput: when the table lacks an indicator or ``draws`` is negative.
    """
    definition = definition.for_edition(table.edition)
    draws = definition.uncertainty.draws if draws is None else draws
    seed = definition.uncertainty.seed if seed is None else seed
    if draws < 0:
        raise InvalidInput("the number of draws cannot be negative", draws=draws)
    prepared = prepare(definition, table)
    raw, weights = composite_scores(
        prepared,
        normalisation=definition.normalisation,
        weighting=definition.weighting,
        aggregation=definition.aggregation,
    )
    final = raw if definition.rounding is None else np.round(raw, definition.rounding)
    ranks = rank_scores(
        tie_values(raw, on=definition.ranking.on, rounding=definition.rounding),
        ties=definition.ranking.ties,
    )
    uncertainty = None
    if draws:
        nominal = rank_scores(np.round(raw, UNROUNDED_TIE_DECIMALS), ties=definition.ranking.ties)
        uncertainty = rank_uncertainty(
            definition, prepared, draws=draws, seed=seed, nominal_ranks=nominal
        )
    rows = []
    for index, unit in enumerate(prepared.units):
        group = group_of(float(final[index]), definition.groups)
        rows.append(
            IndexRow(
                unit=unit,
                score=float(final[index]),
                unrounded_score=float(raw[index]),
                rank=int(ranks[index]),
                group=group.key if group else None,
                group_label=group.label if group else None,
                **_interval(uncertainty, index),
            )
        )
    rows.sort(key=lambda row: (row.rank, az_sort_key(row.unit)))
    return IndexResult(
        index=definition.key,
        title=definition.title,
        edition=table.edition,
        rows=tuple(rows),
        weights={
            spec.key: float(weight)
            for spec, weight in zip(definition.indicators, weights, strict=True)
        },
        settings={
            "missing": str(definition.missing),
            "normalisation": str(definition.normalisation),
            "weighting": str(definition.weighting),
            "aggregation": str(definition.aggregation),
            "rounding": definition.rounding,
            "rank_on": str(definition.ranking.on),
            "ties": str(definition.ranking.ties),
        },
        excluded=prepared.excluded,
        draws=draws,
        seed=seed if draws else None,
        variance_shares=uncertainty.variance_shares if uncertainty else {},
        mean_rank_shift=uncertainty.mean_rank_shift if uncertainty else None,
        alternatives=uncertainty.alternatives if uncertainty else {},
        rank_shift_by_alternative=uncertainty.rank_shift_by_alternative if uncertainty else {},
    )


def _interval(uncertainty: RankUncertainty | None, index: int) -> dict[str, float | None]:
    if uncertainty is None:
        return {"rank_p5": None, "rank_median": None, "rank_p95": None}
    return {
        "rank_p5": float(uncertainty.lower[index]),
        "rank_median": float(uncertainty.median[index]),
        "rank_p95": float(uncertainty.upper[index]),
    }
