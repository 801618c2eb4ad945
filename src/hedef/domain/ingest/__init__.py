"""Ingestion: turning a strategy document into a reviewed plan.

The public entry points are :func:`parse_text` (plain text extracted from a PDF)
and :func:`plan_from_rows` (rows from a DOCX or PDF table reader). Both return a
:class:`ParsedPlan` whose flags tell the reviewer what to check, and both raise
only :class:`IngestionError`.
"""

from __future__ import annotations

from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.model import Flag, ParsedPlan, TableRow
from hedef.domain.ingest.pipeline import parse_text, plan_from_rows

__all__ = ["Flag", "IngestionError", "ParsedPlan", "TableRow", "parse_text", "plan_from_rows"]
