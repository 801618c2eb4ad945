"""Errors of the monitoring services, each with a stable code and a translated message."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hedef.domain.core.errors import DomainError
from hedef.domain.monitoring.submissions import FieldIssue


class SubmissionConflict(DomainError):
    """Someone saved the report after this person opened it: nothing is overwritten."""

    def __init__(self, yours: int, current: int) -> None:
        super().__init__(
            "conflict",
            _(
                "Someone else saved this report after you opened it: you started from "
                "version %(yours)s, it is now version %(current)s. Your changes were not "
                "saved; look at what changed, then make them again on the current version."
            ),
            {"yours": yours, "current": current},
        )
        self.yours = yours
        self.current = current


class SubmissionInvalid(DomainError):
    """The report cannot be saved (or submitted) as it is; ``issues`` name each field."""

    def __init__(self, issues: Sequence[FieldIssue]) -> None:
        count = len(issues)
        super().__init__(
            "invalid",
            ngettext(
                "The report has %(count)s problem; nothing was saved.",
                "The report has %(count)s problems; nothing was saved.",
                count,
            ),
            {"count": count},
        )
        self.issues = list(issues)


class SubmissionLocked(DomainError):
    """The report is with the reviewer (or done) and cannot be changed by the agency."""


class CycleClosed(DomainError):
    """The cycle was published: its reports no longer change."""


class NotPossible(DomainError):
    """A step the workflow or the data does not allow now (not a permission matter)."""
