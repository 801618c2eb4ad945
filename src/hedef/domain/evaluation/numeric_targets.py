"""Whether a reported number meets a numeric target read from a result text.

``NumericTarget`` (from the plan model) carries a comparator, a value and, for a
range ("5−10 faiz"), an upper bound. The comparison:

===========  =====================  ===============================
comparator   without ``upper``      with ``upper`` (a range)
===========  =====================  ===============================
at_least     reported ≥ value       reported ≥ value (lower end)
more_than    reported > value       reported > value (lower end)
at_most      reported ≤ value       reported ≤ upper (upper end)
less_than    reported < value       reported < upper (upper end)
equal        reported = value       value ≤ reported ≤ upper
===========  =====================  ===============================

"Equal" allows a relative tolerance of 1e-9 so that 0.1 + 0.2 equals 0.3.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from hedef.domain.plans.model import Comparator, NumericTarget

__all__ = ["TargetCheck", "TargetOutcome", "check_target", "numeric_target_met"]

EQUAL_RELATIVE_TOLERANCE = 1e-9


class TargetOutcome(StrEnum):
    """Whether a numeric target was met by the reported value."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class TargetCheck:
    """One numeric target, the value reported against it and the outcome."""

    target: NumericTarget
    reported: float | None
    outcome: TargetOutcome


def numeric_target_met(target: NumericTarget, reported: float) -> bool:
    """Whether ``reported`` satisfies ``target`` (see the table in the module docstring)."""
    low = target.value
    high = target.upper if target.upper is not None else target.value
    match target.comparator:
        case Comparator.AT_LEAST:
            return reported >= low
        case Comparator.MORE_THAN:
            return reported > low
        case Comparator.AT_MOST:
            return reported <= high
        case Comparator.LESS_THAN:
            return reported < high
        case Comparator.EQUAL:
            if target.upper is not None:
                return low <= reported <= high
            return math.isclose(reported, low, rel_tol=EQUAL_RELATIVE_TOLERANCE)
    raise AssertionError(target.comparator)  # pragma: no cover - the match is exhaustive


def check_target(target: NumericTarget, reported: float | None) -> TargetCheck:
    """Compare one target with the reported value, or record that none was reported."""
    if reported is None or math.isnan(reported):
        return TargetCheck(target, None, TargetOutcome.NOT_REPORTED)
    met = numeric_target_met(target, reported)
    return TargetCheck(target, reported, TargetOutcome.MET if met else TargetOutcome.NOT_MET)
