"""Observation series: cleaning and picking the points a rule compares.

A series is a mapping from a time point to a value. Time points are years, and may
be fractional for sub-annual cycles: ``2026.5`` is the semi-annual observation in
the middle of 2026. Missing values (``None`` or NaN) are dropped before any rule
sees the series.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Point", "clean_series", "first_at_or_after", "is_missing", "point_at"]


@dataclass(frozen=True, order=True)
class Point:
    """One observation: a (possibly fractional) year and a value."""

    year: float
    value: float


def is_missing(value: float | None) -> bool:
    """Whether ``value`` stands for "no observation" (``None`` or NaN)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def clean_series(observations: Mapping[float, float | None]) -> tuple[Point, ...]:
    """The observed points of ``observations`` in time order, missing values dropped."""
    return tuple(
        sorted(
            Point(float(year), float(value))
            for year, value in observations.items()
            if value is not None and not is_missing(value)
        )
    )


def point_at(points: tuple[Point, ...], year: float) -> Point | None:
    """The observation of ``year`` exactly, if there is one."""
    for point in points:
        if point.year == year:
            return point
    return None


def first_at_or_after(points: tuple[Point, ...], year: float) -> Point | None:
    """The earliest observation in ``year`` or later, if there is one."""
    for point in points:
        if point.year >= year:
            return point
    return None
