"""The strategy model: what one strategy document says, as plain data.

A strategy is a numbered tree (goals, optional priority directions, measures) with
per-document agency acronyms and headline indicators. The classes here are the
common language of ingestion, the interchange format and the database shell; they
hold no behaviour beyond small derived properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ENTREPRENEURS",
    "RELEVANT_BODIES",
    "AgencyAlias",
    "ApprovingAct",
    "Comparator",
    "Direction",
    "ExecutorKind",
    "HeadlineIndicator",
    "Measure",
    "NumericTarget",
    "Period",
    "PlanNode",
    "SourceDocument",
    "Stage",
    "Strategy",
    "executor_kind",
]

RELEVANT_BODIES = "aidiyyəti qurumlar"
ENTREPRENEURS = "sahibkarlıq subyektləri"


class Stage(StrEnum):
    INITIAL = "initial"
    INTERIM = "interim"
    FINAL = "final"


class Comparator(StrEnum):
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    EQUAL = "equal"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class ExecutorKind(StrEnum):
    AGENCY = "agency"
    RELEVANT_BODIES = "relevant_bodies"
    ENTREPRENEURS = "entrepreneurs"


def executor_kind(executor: str) -> ExecutorKind:
    """Whether an executor value names an agency or one of the collective values."""
    if executor == RELEVANT_BODIES:
        return ExecutorKind.RELEVANT_BODIES
    if executor == ENTREPRENEURS:
        return ExecutorKind.ENTREPRENEURS
    return ExecutorKind.AGENCY


@dataclass(frozen=True)
class Period:
    """When a measure runs: a span of years, a single year, or ongoing ("mütəmadi")."""

    start: int | None
    end: int | None
    text: str

    @property
    def ongoing(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, year: int) -> bool:
        """Whether the measure is due in ``year``; an ongoing measure always is."""
        if self.ongoing:
            return True
        start = self.start if self.start is not None else self.end
        end = self.end if self.end is not None else self.start
        assert start is not None and end is not None
        return start <= year <= end


@dataclass(frozen=True)
class NumericTarget:
    """A number promised inside a result text ("azı 20 təchizatçı": at least 20 suppliers).

    ``upper`` is set for a range ("5−10 faiz"); ``unit`` is ``%`` for percentages,
    otherwise the noun counted, in its dictionary form where it could be found.
    """

    stage: Stage
    comparator: Comparator
    value: float
    unit: str
    phrase: str
    upper: float | None = None


@dataclass(frozen=True)
class PlanNode:
    """A goal or a priority direction: a numbered heading above measures."""

    number: str
    title: str
    level: str  # "goal" or "direction"
    parent: str | None = None


@dataclass(frozen=True)
class Measure:
    number: str
    title: str
    lead: tuple[str, ...]
    co_executors: tuple[str, ...]
    period: Period
    results: dict[Stage, str]
    targets: tuple[NumericTarget, ...] = ()
    parent: str | None = None
    notes: str = ""

    @property
    def executors(self) -> tuple[str, ...]:
        return self.lead + tuple(e for e in self.co_executors if e not in self.lead)


@dataclass(frozen=True)
class HeadlineIndicator:
    """A headline target indicator ("hədəf göstəricisi") with yearly targets."""

    number: str
    name: str
    unit: str
    targets: dict[int, float]
    direction: Direction = Direction.HIGHER_IS_BETTER
    baseline_value: float | None = None
    baseline_year: int | None = None
    cumulative: bool = False
    responsible: str | None = None
    data_source: str = ""


@dataclass(frozen=True)
class AgencyAlias:
    """One line of a document's acronym list: the acronym and the name it stands for."""

    acronym: str
    name: str


@dataclass(frozen=True)
class SourceDocument:
    file_name: str
    sha256: str


@dataclass(frozen=True)
class ApprovingAct:
    """The act that approved the document (kind such as "Fərman" or "Sərəncam")."""

    kind: str
    number: str | None = None
    date: str | None = None  # ISO 8601


@dataclass(frozen=True)
class Strategy:
    code: str
    title: str
    period_start: int
    period_end: int
    source: SourceDocument | None = None
    act: ApprovingAct | None = None
    agencies: tuple[AgencyAlias, ...] = ()
    nodes: tuple[PlanNode, ...] = ()
    measures: tuple[Measure, ...] = ()
    indicators: tuple[HeadlineIndicator, ...] = ()
    version_label: str = ""
    notes: str = field(default="", compare=False)

    @property
    def goals(self) -> tuple[PlanNode, ...]:
        return tuple(node for node in self.nodes if node.level == "goal")

    @property
    def directions(self) -> tuple[PlanNode, ...]:
        return tuple(node for node in self.nodes if node.level == "direction")


def parent_number(number: str, candidates: set[str]) -> str | None:
    """The longest proper prefix of a dotted ``number`` found in ``candidates``."""
    parts = number.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in candidates:
            return prefix
    return None
