"""The gold annotation shape of a parsed plan (stub: the contract)."""

from __future__ import annotations

from typing import Any

from hedef.domain.ingest.model import ParsedPlan

__all__ = ["to_gold"]


def to_gold(parsed: ParsedPlan) -> dict[str, Any]:
    """The parsed plan in the shape of ``shared/gold/README.md``."""
    raise NotImplementedError
