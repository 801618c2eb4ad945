"""Rounding, ranking and grouping of final scores.

Units are ranked highest score first. Tied scores share a rank: with ``min``
ties (competition ranking, "1, 2, 2, 4") the rank is one plus the number of
units scoring strictly higher; with ``dense`` ties ("1, 2, 2, 3") one plus the
number of distinct higher scores. Whether ties are judged on the published
(rounded) score or on the unrounded one is a setting of each index: the UN
E-Government Survey ranked 2022 on the rounded EGDI (four pairs share a rank)
and 2020 on the unrounded one. "Unrounded" still rounds to 10 decimals so that
floating-point noise (0.7082999999999999 against 0.7083) does not split a tie.

Groups are bands of the final (rounded) score: a unit falls in the first group,
from the top, whose minimum it reaches; the last group may have no minimum.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from hedef.domain.evaluation.composite.definition import GroupSpec, RankOn, Ties

__all__ = ["UNROUNDED_TIE_DECIMALS", "group_of", "rank_rows", "rank_scores", "tie_values"]

UNROUNDED_TIE_DECIMALS = 10

Vector = NDArray[np.float64]
Matrix = NDArray[np.float64]


def tie_values(scores: Vector, *, on: RankOn, rounding: int | None) -> Vector:
    """The values compared for ranking: rounded as published, or to 10 decimals."""
    if on is RankOn.ROUNDED and rounding is not None:
        return np.round(scores, rounding)
    return np.round(scores, UNROUNDED_TIE_DECIMALS)


def rank_scores(scores: Vector, *, ties: Ties = Ties.MIN) -> NDArray[np.int64]:
    """Ranks of one score vector, highest first."""
    return np.asarray(rank_rows(scores[np.newaxis, :], ties=ties)[0], dtype=np.int64)


def rank_rows(scores: Matrix, *, ties: Ties = Ties.MIN) -> NDArray[np.int64]:
    """Ranks within each row of ``scores`` (draws × units), highest first, vectorised."""
    draws, units = scores.shape
    order = np.argsort(-scores, axis=1, kind="stable")
    ordered = np.take_along_axis(scores, order, axis=1)
    starts = np.ones((draws, units), dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    if ties is Ties.DENSE:
        ranked = np.cumsum(starts, axis=1)
    else:
        positions = np.broadcast_to(np.arange(units), (draws, units))
        ranked = np.maximum.accumulate(np.where(starts, positions, 0), axis=1) + 1
    ranks = np.empty((draws, units), dtype=np.int64)
    np.put_along_axis(ranks, order, ranked, axis=1)
    return ranks


def group_of(score: float, groups: Sequence[GroupSpec]) -> GroupSpec | None:
    """The first group, from the top, whose minimum ``score`` reaches."""
    for group in groups:
        if group.minimum is None or score >= group.minimum:
            return group
    return None
