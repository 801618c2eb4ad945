"""Errors of the evaluation core.

Each error carries a stable ``code`` and its ``params`` as structured data; the
English message is for logs and developers. The web shell maps codes to
translated messages.
"""

from __future__ import annotations

__all__ = [
    "DuplicateObservation",
    "EvaluationError",
    "InvalidIndexDefinition",
    "InvalidInput",
    "UnreadableTable",
]


class EvaluationError(ValueError):
    """Base of every error raised by ``hedef.domain.evaluation``."""

    code = "evaluation_error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class InvalidInput(EvaluationError):
    """An argument outside the domain of a rule (a negative draw count, an unknown key)."""

    code = "invalid_input"


class DuplicateObservation(EvaluationError):
    """Two observations of one series fall in the same year."""

    code = "duplicate_observation"


class InvalidIndexDefinition(EvaluationError):
    """An index definition or column mapping that cannot be used; ``location`` names the field."""

    code = "invalid_index_definition"

    def __init__(self, message: str, *, location: str = "", **params: object) -> None:
        super().__init__(f"{location}: {message}" if location else message, **params)
        self.location = location


class UnreadableTable(EvaluationError):
    """A data table that cannot be read; ``location`` names the row and column."""

    code = "unreadable_table"

    def __init__(self, message: str, *, location: str = "", **params: object) -> None:
        super().__init__(f"{location}: {message}" if location else message, **params)
        self.location = location
