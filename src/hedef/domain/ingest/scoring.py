"""Scoring a parsed plan against its gold annotation (stub: the contract)."""

from __future__ import annotations

from typing import Any

__all__ = ["format_scores", "score"]


def score(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Score ``predicted`` against ``gold`` by the rules of the gold README."""
    raise NotImplementedError


def format_scores(scores: dict[str, Any]) -> str:
    """A plain-text table of ``scores``."""
    raise NotImplementedError
