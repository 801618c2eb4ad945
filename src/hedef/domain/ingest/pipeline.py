"""Ingestion entry points (stub: the contract, implementation follows)."""

from __future__ import annotations

from collections.abc import Sequence

from hedef.domain.i18n import gettext as _
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.model import ParsedPlan, TableRow

__all__ = ["parse_text", "plan_from_rows"]


def parse_text(text: str, *, file_name: str, sha256: str) -> ParsedPlan:
    """Read a strategy from the plain text of a document."""
    raise IngestionError(_("Text ingestion is not available yet."), file_name)


def plan_from_rows(
    front_text: str,
    header: TableRow | None,
    rows: Sequence[TableRow],
    *,
    file_name: str,
    sha256: str,
) -> ParsedPlan:
    """Read a strategy from action-plan table rows and the text around the table."""
    raise IngestionError(_("Table ingestion is not available yet."), file_name)
