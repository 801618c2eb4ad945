"""Index definitions: a composite index described by a declarative YAML file.

A definition names the indicators (with direction, optional expert weight,
target and goalposts) and one choice per step of the OECD/JRC Handbook
(missing data, normalisation, weighting, aggregation), then rounding, ranking,
grouping thresholds and the Monte Carlo uncertainty settings. Edition-specific
settings (the UN ranked the 2020 EGDI on unrounded values, the 2022 one on
rounded values) go under ``editions``, keyed by the value of the table's edition
column, and override the top level. ``columns`` names the column-mapping file,
relative to the definition. The format is documented in ``docs/methodology.md``;
reading and checking the files is :mod:`.loading`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hedef.domain.plans.model import Direction

__all__ = [
    "Aggregation",
    "ColumnMapping",
    "GroupSpec",
    "IndexDefinition",
    "IndicatorSpec",
    "Missing",
    "Normalisation",
    "RankOn",
    "RankingSpec",
    "Ties",
    "UncertaintySpec",
    "Weighting",
]


class Missing(StrEnum):
    """Missing-data treatment."""

    LISTWISE = "listwise"
    MEAN = "mean"
    MEDIAN = "median"


class Normalisation(StrEnum):
    """Normalisation of the indicators."""

    NONE = "none"
    MIN_MAX = "min_max"
    Z_SCORE = "z_score"
    DISTANCE_TO_TARGET = "distance_to_target"
    RANK = "rank"


class Weighting(StrEnum):
    """Weighting scheme."""

    EQUAL = "equal"
    BUDGET = "budget"
    PCA = "pca"


class Aggregation(StrEnum):
    """Aggregation of the weighted indicators."""

    ARITHMETIC = "arithmetic"
    GEOMETRIC = "geometric"


class RankOn(StrEnum):
    """Whether ties are judged on the rounded (published) or the unrounded score."""

    ROUNDED = "rounded"
    UNROUNDED = "unrounded"


class Ties(StrEnum):
    """How tied scores share ranks: "1, 2, 2, 4" (min) or "1, 2, 2, 3" (dense)."""

    MIN = "min"
    DENSE = "dense"


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator: ``weight`` is its expert budget (any positive scale)."""

    key: str
    title: str
    direction: Direction
    weight: float | None = None
    target: float | None = None
    goalposts: tuple[float, float] | None = None


@dataclass(frozen=True)
class GroupSpec:
    """A score band: units scoring at least ``minimum`` (the last band may have none)."""

    key: str
    label: str
    minimum: float | None


@dataclass(frozen=True)
class RankingSpec:
    """Ranking basis and tie rule."""

    on: RankOn = RankOn.ROUNDED
    ties: Ties = Ties.MIN


@dataclass(frozen=True)
class UncertaintySpec:
    """Monte Carlo settings: the alternatives drawn at each step and the weight noise."""

    draws: int = 0
    seed: int = 0
    normalisations: tuple[Normalisation, ...] = ()
    weightings: tuple[Weighting, ...] = ()
    aggregations: tuple[Aggregation, ...] = ()
    weight_jitter: float = 0.0


@dataclass(frozen=True)
class ColumnMapping:
    """Where each field sits in a data table, by header text rather than position."""

    unit: str
    indicators: Mapping[str, str]
    edition: str | None = None
    extras: Mapping[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    decimal: str = "auto"
    encoding: str = "utf-8-sig"
    missing: tuple[str, ...] = ("", "..", "-", "—", "n/a", "na", "nan", "null")


@dataclass(frozen=True)
class IndexDefinition:
    """A whole index: indicators, one choice per step, output settings and editions."""

    key: str
    title: str
    indicators: tuple[IndicatorSpec, ...]
    missing: Missing = Missing.LISTWISE
    normalisation: Normalisation = Normalisation.MIN_MAX
    weighting: Weighting = Weighting.EQUAL
    aggregation: Aggregation = Aggregation.ARITHMETIC
    rounding: int | None = None
    ranking: RankingSpec = RankingSpec()
    groups: tuple[GroupSpec, ...] = ()
    uncertainty: UncertaintySpec = UncertaintySpec()
    columns: ColumnMapping | None = None
    source: str = ""
    editions: Mapping[str, IndexDefinition] = field(default_factory=dict)

    def for_edition(self, edition: str | None) -> IndexDefinition:
        """The definition with the overrides of ``edition`` applied (itself if none)."""
        if edition is None:
            return self
        return self.editions.get(str(edition).strip(), self)
