"""Errors of the report engine.

Each carries a stable ``code`` and structured ``params``; the English message is
for logs and developers, and the web shell maps codes to translated messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DataProblem", "FontsMissing", "InconsistentReportData", "ReportError"]


class ReportError(ValueError):
    """Base of every error raised by ``hedef.domain.reports``."""

    code = "report_error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True)
class DataProblem:
    """One contradiction in a report's input: a stable code, where, and the values met.

    ``where`` names the place ("section 1, goal 8.2"); ``expected`` and ``found``
    are the two numbers or keys that disagree.
    """

    code: str
    where: str
    expected: object = None
    found: object = None

    def __str__(self) -> str:
        return f"{self.where}: {self.code} (expected {self.expected!r}, found {self.found!r})"


class InconsistentReportData(ReportError):
    """The input contradicts itself, so the report would show two different numbers."""

    code = "inconsistent_report_data"

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        listed = "; ".join(str(problem) for problem in problems[:5])
        more = f" and {len(problems) - 5} more" if len(problems) > 5 else ""
        super().__init__(f"the report data contradict themselves: {listed}{more}")
        self.problems = tuple(problems)


class FontsMissing(ReportError):
    """No font file with every Azerbaijani letter was found for the PDF."""

    code = "fonts_missing"
