"""Chapter numbers and numbered titles, shared by every chapter module."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hedef.domain.reports.model import Block, Section

__all__ = ["Chapter", "title_with_number"]


@dataclass(frozen=True)
class Chapter:
    """Where a chapter goes: its number ("2", "3.2"), section level and key prefix."""

    number: str
    level: int
    key_prefix: str

    def section(self, key: str, title: str, blocks: Sequence[Block], **options: bool) -> Section:
        return Section(
            key=f"{self.key_prefix}{key}",
            title=f"{self.number}. {title}",
            blocks=tuple(blocks),
            level=self.level,
            **options,
        )


def title_with_number(number: str, title: str) -> str:
    """ "8.1 Title", or just the title when there is no number."""
    return f"{number} {title}".strip()
