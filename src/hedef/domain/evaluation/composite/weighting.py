"""Weights: equal, expert budget allocation, or derived by principal components.

PCA-derived weights follow the OECD/JRC Handbook (2008, section 1.6.1 and the
worked example of its Tables 16–19):

1. principal components of the indicators' correlation matrix;
2. keep the components with eigenvalue above 1 (Kaiser's rule), adding more
   until they explain at least 60 % of the variance, and always at least one;
3. rotate the kept loadings by varimax when more than one is kept;
4. square the loadings and scale each component's squares to sum to 1;
5. give each indicator the scaled square of the component on which it loads
   most, times that component's share of the variance explained by all kept
   components; finally scale the weights to sum to 1.

An indicator with no variance has no correlation; it gets the smallest weight
given to any other indicator, so that it is neither dropped nor favoured.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from hedef.domain.evaluation.composite.definition import IndicatorSpec, Weighting
from hedef.domain.evaluation.errors import InvalidInput

__all__ = [
    "KAISER_EIGENVALUE",
    "MIN_EXPLAINED_VARIANCE",
    "budget_weights",
    "equal_weights",
    "pca_weights",
    "varimax",
    "weights_for",
]

Matrix = NDArray[np.float64]
Vector = NDArray[np.float64]

KAISER_EIGENVALUE = 1.0
MIN_EXPLAINED_VARIANCE = 0.60
_VARIMAX_ITERATIONS = 100
_VARIMAX_TOLERANCE = 1e-8


def weights_for(
    method: Weighting, normalised: Matrix, indicators: Sequence[IndicatorSpec]
) -> Vector:
    """The weight vector of ``method``, summing to 1."""
    match method:
        case Weighting.EQUAL:
            return equal_weights(len(indicators))
        case Weighting.BUDGET:
            return budget_weights(indicators)
        case Weighting.PCA:
            return pca_weights(normalised)
    raise InvalidInput(f"unknown weighting {method!r}")  # pragma: no cover


def equal_weights(count: int) -> Vector:
    """1/count for each of ``count`` indicators."""
    return np.full(count, 1.0 / count)


def budget_weights(indicators: Sequence[IndicatorSpec]) -> Vector:
    """Expert budget allocation: the points given to each indicator, scaled to sum to 1."""
    points = np.array([spec.weight or 0.0 for spec in indicators], dtype=np.float64)
    if np.any(points <= 0):
        raise InvalidInput("budget weighting needs a positive weight for every indicator")
    return np.asarray(points / points.sum(), dtype=np.float64)


def pca_weights(normalised: Matrix) -> Vector:
    """Weights from principal components, as in the module docstring."""
    count = normalised.shape[1]
    if count == 1:
        return np.ones(1)
    spread = normalised.std(axis=0)
    varying = spread > 0
    if varying.sum() < 2:
        return equal_weights(count)
    correlation = np.corrcoef(normalised[:, varying], rowvar=False)
    eigenvalues, eigenvectors = np.linalg.eigh(correlation)
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues, eigenvectors = np.clip(eigenvalues[order], 0.0, None), eigenvectors[:, order]
    kept = _components_kept(eigenvalues)
    loadings = eigenvectors[:, :kept] * np.sqrt(eigenvalues[:kept])
    if kept > 1:
        loadings = varimax(loadings)
    squared = loadings**2
    explained = squared.sum(axis=0)
    scaled = squared / explained
    best = scaled.argmax(axis=1)
    component_share = explained / explained.sum()
    partial = scaled[np.arange(scaled.shape[0]), best] * component_share[best]
    weights = np.empty(count)
    weights[varying] = partial
    weights[~varying] = partial.min()
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def varimax(loadings: Matrix) -> Matrix:
    """Kaiser's varimax rotation of a loadings matrix (indicators × components)."""
    rows, columns = loadings.shape
    rotation = np.eye(columns)
    criterion = 0.0
    for _ in range(_VARIMAX_ITERATIONS):
        rotated = loadings @ rotation
        target = rotated**3 - rotated @ np.diag((rotated**2).sum(axis=0)) / rows
        left, singular, right = np.linalg.svd(loadings.T @ target)
        rotation = left @ right
        previous, criterion = criterion, float(singular.sum())
        if previous and criterion < previous * (1 + _VARIMAX_TOLERANCE):
            break
    return np.asarray(loadings @ rotation, dtype=np.float64)


def _components_kept(eigenvalues: Vector) -> int:
    total = eigenvalues.sum()
    kept = max(1, int((eigenvalues > KAISER_EIGENVALUE).sum()))
    while kept < len(eigenvalues) and eigenvalues[:kept].sum() < MIN_EXPLAINED_VARIANCE * total:
        kept += 1
    return kept
