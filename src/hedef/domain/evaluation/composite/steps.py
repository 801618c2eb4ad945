"""The Handbook's steps as array functions: missing data, normalisation, aggregation.

Every function takes a matrix with one row per unit and one column per indicator
and returns a new array; none mutates its input. Directions are given per
indicator as +1 (higher is better) or −1 (lower is better), and every
normalisation turns indicators around so that higher normalised values are
better. The formulas are those of the OECD/JRC *Handbook on Constructing
Composite Indicators* (2008), sections 1.5–1.7, with the choices spelt out in
``docs/methodology.md``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hedef.domain.evaluation.composite.definition import Aggregation, Missing, Normalisation
from hedef.domain.evaluation.errors import InvalidInput

__all__ = [
    "CONSTANT_INDICATOR_SCORE",
    "GEOMETRIC_FLOOR_SHARE",
    "aggregate",
    "impute",
    "normalise",
    "positive_for_geometric",
]

Matrix = NDArray[np.float64]
Vector = NDArray[np.float64]

# An indicator with the same value for every unit cannot discriminate; min-max
# puts everyone in the middle rather than dividing by zero.
CONSTANT_INDICATOR_SCORE = 0.5
# Geometric means need positive values: a column reaching zero or below is
# shifted so that its minimum sits 1 % of its range above zero.
GEOMETRIC_FLOOR_SHARE = 0.01


def impute(values: Matrix, method: Missing) -> tuple[Matrix, NDArray[np.bool_]]:
    """Treat missing values (NaN); return the matrix and the mask of units kept.

    ``listwise`` drops every unit with a missing value; ``mean`` and ``median``
    replace a missing value by the mean or median of the indicator over the
    units that have it (an indicator nobody reported stays missing and drops
    every unit).
    """
    missing = np.isnan(values)
    if method is Missing.LISTWISE or not missing.any():
        keep = np.asarray(~missing.any(axis=1), dtype=np.bool_)
        return values[keep].copy(), keep
    with np.errstate(all="ignore"):
        fill = np.nanmean(values, axis=0) if method is Missing.MEAN else _nanmedian(values)
    filled = np.where(missing, fill[np.newaxis, :], values)
    keep = np.asarray(~np.isnan(filled).any(axis=1), dtype=np.bool_)
    return np.asarray(filled[keep], dtype=np.float64), keep


def normalise(
    values: Matrix,
    method: Normalisation,
    *,
    directions: Vector,
    targets: Vector | None = None,
    goalposts: Matrix | None = None,
) -> Matrix:
    """Normalise each column so that higher is better.

    Args:
        values: units × indicators, no missing values.
        method: the normalisation.
        directions: +1 or −1 per indicator.
        targets: reference value per indicator for ``distance_to_target`` (NaN:
            the best observed value, the "leader").
        goalposts: 2 × indicators, lower and upper bounds for ``min_max`` (NaN:
            the observed minimum and maximum); values are clipped to them.
    """
    match method:
        case Normalisation.NONE:
            return values.copy()
        case Normalisation.MIN_MAX:
            return _min_max(values, directions, goalposts)
        case Normalisation.Z_SCORE:
            return _z_score(values, directions)
        case Normalisation.DISTANCE_TO_TARGET:
            return _distance_to_target(values, directions, targets)
        case Normalisation.RANK:
            return _rank(values, directions)
    raise InvalidInput(f"unknown normalisation {method!r}")  # pragma: no cover


def positive_for_geometric(values: Matrix) -> Matrix:
    """Shift columns that reach zero or below so that a geometric mean exists."""
    low = values.min(axis=0)
    spread = values.max(axis=0) - low
    floor = np.where(spread > 0, GEOMETRIC_FLOOR_SHARE * spread, 1.0)
    shifted = values - low + floor
    return np.where((low > 0)[np.newaxis, :], values, shifted)


def aggregate(values: Matrix, weights: Vector, method: Aggregation) -> Vector:
    """Weighted arithmetic or geometric mean of each row; ``weights`` sum to 1."""
    if method is Aggregation.ARITHMETIC:
        return values @ weights
    return np.exp(np.log(positive_for_geometric(values)) @ weights)


def _min_max(values: Matrix, directions: Vector, goalposts: Matrix | None) -> Matrix:
    low = values.min(axis=0)
    high = values.max(axis=0)
    if goalposts is not None:
        low = np.where(np.isnan(goalposts[0]), low, goalposts[0])
        high = np.where(np.isnan(goalposts[1]), high, goalposts[1])
        values = np.clip(values, low, high)
    spread = high - low
    with np.errstate(all="ignore"):
        scaled = np.where(directions > 0, values - low, high - values) / spread
    return np.where(spread > 0, scaled, CONSTANT_INDICATOR_SCORE)


def _z_score(values: Matrix, directions: Vector) -> Matrix:
    # Sample standard deviation, as in the Handbook's worked examples.
    spread = values.std(axis=0, ddof=1) if values.shape[0] > 1 else np.zeros(values.shape[1])
    with np.errstate(all="ignore"):
        scores = directions * (values - values.mean(axis=0)) / spread
    return np.where(spread > 0, scores, 0.0)


def _distance_to_target(values: Matrix, directions: Vector, targets: Vector | None) -> Matrix:
    leader = np.where(directions > 0, values.max(axis=0), values.min(axis=0))
    reference = leader if targets is None else np.where(np.isnan(targets), leader, targets)
    # 1 at the target; the relative shortfall is subtracted (lower is better:
    # a value above the target is a shortfall). A zero reference has no relative
    # scale, so the largest absolute value stands in.
    scale = np.abs(reference)
    scale = np.where(scale > 0, scale, np.abs(values).max(axis=0))
    scale = np.where(scale > 0, scale, 1.0)
    return 1.0 - directions * (reference - values) / scale


def _rank(values: Matrix, directions: Vector) -> Matrix:
    """Average ranks (ties share the mean of their places), scaled to [0, 1]."""
    units = values.shape[0]
    ranks = np.empty_like(values)
    for column in range(values.shape[1]):
        oriented = directions[column] * values[:, column]
        _, inverse, counts = np.unique(oriented, return_inverse=True, return_counts=True)
        starts = np.cumsum(counts) - counts
        ranks[:, column] = (starts + (counts + 1) / 2.0)[inverse]
    return (ranks - 1.0) / (units - 1) if units > 1 else np.full_like(values, 0.5)


def _nanmedian(values: Matrix) -> Vector:
    return np.asarray(np.nanmedian(values, axis=0), dtype=np.float64)
