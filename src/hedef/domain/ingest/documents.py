"""One entry point for every kind of strategy document.

The upload screen and ``hedef ingest`` hand over bytes and a file name; the
content decides the reader. Plans already in the interchange format (JSON, its
Excel twin, or the same structure as YAML) pass through the same review.
"""

from __future__ import annotations

import hashlib
from typing import Any

import yaml

from hedef.domain.core.i18n import gettext as _
from hedef.domain.ingest.docx_reader import read_docx
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.ingest.pdf_reader import read_pdf
from hedef.domain.ingest.pipeline import parse_text
from hedef.domain.ingest.sniff import decode_text, detect_format
from hedef.domain.plans import interchange
from hedef.domain.plans.files import PlanFileError, read_plan_file
from hedef.domain.plans.model import Strategy

__all__ = ["document_sha256", "read_document"]


def document_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(data: bytes, file_name: str) -> ParsedPlan:
    """Read a strategy document of any supported kind; only IngestionError escapes."""
    kind = detect_format(data, file_name)
    digest = document_sha256(data)
    if kind == "text":
        # The one decoder of uploads: UTF-8 with or without a BOM, UTF-16 with its BOM.
        text = decode_text(data, file_name)
        return parse_text(text, file_name=file_name, sha256=digest)
    if kind == "pdf":
        return read_pdf(data, file_name)
    if kind == "docx":
        return read_docx(data, file_name)
    if kind == "yaml":
        return _reviewed(_plan_from_yaml(decode_text(data, file_name), file_name))
    if kind == "json":
        data = decode_text(data, file_name).encode("utf-8")
    try:
        return _reviewed(read_plan_file(data, file_name))
    except PlanFileError as error:
        raise IngestionError(error.message, error.location or file_name) from error


def _plan_from_yaml(text: str, file_name: str) -> Strategy:
    try:
        document: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{file_name}, line {mark.line + 1}" if mark else file_name
        raise IngestionError(_("The YAML file cannot be read."), where) from error
    try:
        return interchange.plan_from_dict(document)
    except interchange.InterchangeError as error:
        raise IngestionError(error.message, f"{file_name}: {error.location}") from error


def _reviewed(plan: Strategy) -> ParsedPlan:
    """A plan file is already structured: nothing is uncertain, no source lines."""
    return ParsedPlan(strategy=plan, flags=(), source_lines={}, unknown_acronyms=())
