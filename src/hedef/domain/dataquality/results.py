"""What an audit found: counts and ratios per check, scores per dimension.

A check *passes* when its failing ratio is at most its threshold. A dimension's score
is the mean share of rows passing its checks (1.0: nothing failed). The Digital
Development Concept speaks of completeness, integrity and accuracy; :data:`CONCEPT`
maps the six dimensions onto those three.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CONCEPT",
    "AuditResult",
    "CheckResult",
    "concept_scores",
    "dimension_scores",
]

CONCEPT: Mapping[str, str] = {
    "completeness": "completeness",
    "uniqueness": "integrity",
    "integrity": "integrity",
    "validity": "accuracy",
    "plausibility": "accuracy",
    "consistency": "accuracy",
}


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome on one run."""

    name: str
    dataset: str
    kind: str
    dimension: str
    severity: str
    threshold: float
    failed: int
    total: int

    @property
    def ratio(self) -> float:
        return self.failed / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.ratio <= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "dimension": self.dimension,
            "failed": self.failed,
            "total": self.total,
            "ratio": self.ratio,
            "passed": self.passed,
            "dataset": self.dataset,
            "kind": self.kind,
            "severity": self.severity,
            "threshold": self.threshold,
        }


@dataclass(frozen=True)
class AuditResult:
    """A whole run: every check's result, the engine, the phases' and total seconds."""

    registry: str
    version: int
    engine: str
    checks: tuple[CheckResult, ...]
    seconds: float
    phases: Mapping[str, float] = field(default_factory=dict)
    totals: Mapping[str, int] = field(default_factory=dict)

    def check(self, name: str) -> CheckResult:
        return next(result for result in self.checks if result.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "registry": self.registry,
            "version": self.version,
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "phases": {name: round(value, 3) for name, value in self.phases.items()},
            "rows": dict(self.totals),
            "checks": [result.to_json() for result in self.checks],
            "scores": {
                dataset: dict(scores) for dataset, scores in dimension_scores(self.checks).items()
            },
        }


def _mean_passing(results: Iterable[CheckResult]) -> float:
    shares = [1.0 - result.ratio for result in results]
    return sum(shares) / len(shares)


def dimension_scores(results: Iterable[CheckResult]) -> dict[str, dict[str, float]]:
    """Per dataset, each dimension's score: the mean share of rows passing its checks."""
    grouped: dict[str, dict[str, list[CheckResult]]] = defaultdict(lambda: defaultdict(list))
    for result in results:
        grouped[result.dataset][result.dimension].append(result)
    return {
        dataset: {dimension: _mean_passing(items) for dimension, items in dimensions.items()}
        for dataset, dimensions in grouped.items()
    }


def concept_scores(results: Iterable[CheckResult]) -> dict[str, float]:
    """Completeness, integrity and accuracy over every dataset, as the Concept names them."""
    grouped: dict[str, list[CheckResult]] = defaultdict(list)
    for result in results:
        grouped[CONCEPT[result.dimension]].append(result)
    return {name: _mean_passing(items) for name, items in grouped.items()}
