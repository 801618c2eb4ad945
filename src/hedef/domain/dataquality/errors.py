"""Errors of the data-quality core.

Each error carries a stable ``code`` and its ``params`` as structured data; the
English message names the file, check, dataset or column at fault. Every one is
raised before any audit query runs.
"""

from __future__ import annotations

__all__ = [
    "DataQualityError",
    "EngineUnavailable",
    "InvalidCheckSet",
    "SourceMismatch",
]


class DataQualityError(ValueError):
    """Base of every error raised by ``hedef.domain.dataquality``."""

    code = "dataquality_error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class InvalidCheckSet(DataQualityError):
    """A check declaration is malformed: an unknown kind, a missing field, a bad regex."""

    code = "invalid_check_set"


class SourceMismatch(DataQualityError):
    """The data does not match its declared schema: a missing file, column or type."""

    code = "source_mismatch"


class EngineUnavailable(DataQualityError):
    """The engine asked for cannot run here (Spark without pyspark or Java)."""

    code = "engine_unavailable"
