"""The rules of progress reporting: cycles, due measures, the review workflow, content checks.

A reporting cycle covers a span of dates and asks every agency for one report per
due measure (and per headline indicator it answers for). A report moves through a
small workflow whose allowed steps are the table :data:`TRANSITIONS`; everything
else here is a pure check that the web pages, the Excel upload and the API share.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hedef.domain.core.errors import DomainError
from hedef.domain.core.i18n import gettext as _
from hedef.domain.plans.model import Period, Stage

__all__ = [
    "COMMENT_MAX_LENGTH",
    "CONTRIBUTION_MAX_LENGTH",
    "COUNTED_STATES",
    "DEVIATION_FIELDS",
    "EDITABLE_STATES",
    "PENDING_STATES",
    "TEXT_LIMITS",
    "TRANSITIONS",
    "ChangeNotAllowed",
    "CycleKind",
    "DeviationReason",
    "FieldIssue",
    "InvalidCycle",
    "InvalidTransition",
    "ProgressStatus",
    "RiskLevel",
    "SubmissionContent",
    "SubmissionField",
    "SubmissionState",
    "TextTooLong",
    "TextUnprintable",
    "Verb",
    "audit_action",
    "check_changes_allowed",
    "check_complete",
    "check_content",
    "check_cycle_dates",
    "check_text",
    "cycle_years",
    "deviation_required",
    "is_overdue",
    "measure_due",
    "next_state",
    "target_field",
]


class SubmissionState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    PUBLISHED = "published"


class Verb(StrEnum):
    """What someone does to a report."""

    SAVE = "save"
    SUBMIT = "submit"
    ACCEPT = "accept"
    RETURN = "return"
    PUBLISH = "publish"


# (state, verb) -> the state after. Anything absent is not possible.
TRANSITIONS: Mapping[tuple[SubmissionState, Verb], SubmissionState] = {
    (SubmissionState.DRAFT, Verb.SAVE): SubmissionState.DRAFT,
    (SubmissionState.RETURNED, Verb.SAVE): SubmissionState.RETURNED,
    (SubmissionState.DRAFT, Verb.SUBMIT): SubmissionState.SUBMITTED,
    (SubmissionState.RETURNED, Verb.SUBMIT): SubmissionState.SUBMITTED,
    (SubmissionState.SUBMITTED, Verb.ACCEPT): SubmissionState.ACCEPTED,
    (SubmissionState.SUBMITTED, Verb.RETURN): SubmissionState.RETURNED,
    (SubmissionState.ACCEPTED, Verb.PUBLISH): SubmissionState.PUBLISHED,
}


def audit_action(verb: Verb) -> str:
    """The audit log's name for a workflow step: ``submission.return`` for RETURN."""
    return f"submission.{verb.value}"


# The agency may change a report only in these states: a submitted report is locked
# until the reviewer returns it.
EDITABLE_STATES = frozenset({SubmissionState.DRAFT, SubmissionState.RETURNED})
# Reports still waiting for the agency: late when the due date has passed.
PENDING_STATES = frozenset({SubmissionState.DRAFT, SubmissionState.RETURNED})
# Reports whose content counts (evaluation, leadership, the portal): the reviewer
# accepted them, and publishing a cycle keeps them so.
COUNTED_STATES = frozenset({SubmissionState.ACCEPTED, SubmissionState.PUBLISHED})


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DELAYED = "delayed"
    CANCELLED = "cancelled"


class CycleKind(StrEnum):
    QUARTERLY = "quarterly"
    SEMI_ANNUAL = "semi_annual"
    ANNUAL = "annual"


class DeviationReason(StrEnum):
    """Why a measure is off track: one list for every agency, so causes compare."""

    FUNDING = "funding"
    PROCUREMENT = "procurement"
    LEGAL = "legal"
    COORDINATION = "coordination"
    TECHNICAL = "technical"
    CAPACITY = "capacity"
    DEPENDENCY = "dependency"
    EXTERNAL = "external"
    OTHER = "other"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class SubmissionField(StrEnum):
    """The parts of a report a reviewer can return one by one."""

    PROGRESS_STATUS = "progress_status"
    STAGE = "stage"
    PERCENT = "percent_complete"
    NARRATIVE = "narrative"
    OBSTACLES = "obstacles"
    REMEDY = "remedy"
    DEVIATION = "deviation"
    INDICATOR_VALUE = "indicator_value"
    EVIDENCE = "evidence"


TARGET_PREFIX = "target:"
DEVIATION_FIELDS = ("deviation_reason", "deviation_risk", "corrective_action", "expected_date")


# The longest text each text field of a report takes, in characters: a few pages,
# far above any real report, far below what would bloat pages, exports and the
# audit log (which stores a change before and after). Forms, the workbook and the
# API are held to it by check_content; forms also set it as maxlength.
TEXT_LIMITS: Mapping[str, int] = {
    "narrative": 20_000,
    "obstacles": 10_000,
    "remedy": 10_000,
    "corrective_action": 10_000,
}
# A reviewer's comment or reply, and another executor's contribution.
COMMENT_MAX_LENGTH = 5_000
CONTRIBUTION_MAX_LENGTH = 10_000


def target_field(target_id: int) -> str:
    """The field key of the reported value for one numeric target of a measure."""
    return f"{TARGET_PREFIX}{target_id}"


class InvalidTransition(DomainError):
    """The report is not in a state that allows this step."""


class InvalidCycle(DomainError):
    """A reporting cycle's dates do not make sense."""


class ChangeNotAllowed(DomainError):
    """A returned report was changed outside the fields the reviewer reopened."""


class TextTooLong(DomainError):
    """A text longer than its field takes (code ``text_too_long``)."""


class TextUnprintable(DomainError):
    """A text with a control character a spreadsheet or XML cannot hold (``control_character``)."""


# C0 control characters other than tab, line feed and carriage return: XML 1.0, and so
# every XLSX and DOCX file, cannot hold them, and nobody types them on purpose.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def check_text(label: str, text: str, limit: int) -> None:
    """Refuse ``text`` longer than ``limit`` characters or holding a control character.

    The field is named by ``label``. Tabs and line breaks are text; the other C0 control
    characters are not, since the workbook, the reports and the open data could not
    carry them.

    Raises:
        TextTooLong: code ``text_too_long`` with the field, the length and the limit.
        TextUnprintable: code ``control_character`` with the field and the character.
    """
    if len(text) > limit:
        raise TextTooLong(
            "text_too_long",
            _("“%(field)s” is %(length)s characters long; it takes at most %(limit)s."),
            {"field": label, "length": len(text), "limit": limit},
        )
    control = _CONTROL_CHARACTER.search(text)
    if control:
        raise TextUnprintable(
            "control_character",
            _("“%(field)s” contains the control character %(character)s; remove it."),
            {"field": label, "character": f"U+{ord(control.group()):04X}"},
        )


def _text_label(key: str) -> str:
    """The name people see for a text field of a report (the labels of the report form)."""
    labels = {
        "narrative": _("What was done"),
        "obstacles": _("Obstacles and risks"),
        "remedy": _("Remedy proposed"),
        "corrective_action": _("Corrective action"),
    }
    return labels[key]


def next_state(state: SubmissionState, verb: Verb) -> SubmissionState:
    """Return the state a report in ``state`` reaches by ``verb``.

    Raises:
        InvalidTransition: the workflow has no such step (code ``invalid_transition``).
    """
    try:
        return TRANSITIONS[(state, verb)]
    except KeyError:
        raise InvalidTransition(
            "invalid_transition",
            _("A report that is “%(state)s” cannot be given the step “%(verb)s”."),
            {"state": state.value, "verb": verb.value},
        ) from None


def check_cycle_dates(start: datetime.date, end: datetime.date, due: datetime.date) -> None:
    """Refuse a cycle whose period ends before it starts or whose due date precedes its end.

    Raises:
        InvalidCycle: code ``period_reversed`` or ``due_before_end``.
    """
    if end < start:
        raise InvalidCycle(
            "period_reversed",
            _("The period ends (%(end)s) before it starts (%(start)s)."),
            {"start": start.isoformat(), "end": end.isoformat()},
        )
    if due < end:
        raise InvalidCycle(
            "due_before_end",
            _("The due date (%(due)s) comes before the end of the period (%(end)s)."),
            {"due": due.isoformat(), "end": end.isoformat()},
        )


def cycle_years(start: datetime.date, end: datetime.date) -> range:
    """The calendar years a cycle's period touches."""
    return range(start.year, end.year + 1)


def measure_due(period: Period, start: datetime.date, end: datetime.date) -> bool:
    """Whether a measure with ``period`` is due in a cycle covering ``start``–``end``.

    An ongoing measure is always due; a 2027–2029 measure is not due in 2026.
    """
    return any(period.covers(year) for year in cycle_years(start, end))


def is_overdue(state: SubmissionState, due: datetime.date, today: datetime.date) -> bool:
    """Whether a report is late: still with the agency after its cycle's due date."""
    return state in PENDING_STATES and today > due


def deviation_required(
    status: ProgressStatus | None, measure_start: int | None, cycle_start: datetime.date
) -> bool:
    """Whether a report must explain a deviation.

    A delayed or cancelled measure always must; so must one not started although
    its period began in an earlier year than the cycle (it is off track).
    """
    if status in {ProgressStatus.DELAYED, ProgressStatus.CANCELLED}:
        return True
    return (
        status is ProgressStatus.NOT_STARTED
        and measure_start is not None
        and measure_start < cycle_start.year
    )


@dataclass(frozen=True)
class SubmissionContent:
    """What an agency writes in one report, already parsed into Python values."""

    progress_status: ProgressStatus | None = None
    stage: Stage | None = None
    percent_complete: float | None = None
    narrative: str = ""
    obstacles: str = ""
    remedy: str = ""
    deviation_reason: DeviationReason | None = None
    deviation_risk: RiskLevel | None = None
    corrective_action: str = ""
    expected_date: datetime.date | None = None
    target_values: Mapping[int, float | None] = field(default_factory=dict)
    indicator_value: float | None = None


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one field of a report: a stable code and its message."""

    field: str
    code: str
    message: str


def check_content(
    content: SubmissionContent, *, measure_start: int | None, cycle_start: datetime.date
) -> list[FieldIssue]:
    """Every problem that forbids saving ``content``, even as a draft.

    Args:
        content: the report as parsed.
        measure_start: first year of the measure's period (``None`` when ongoing).
        cycle_start: first day of the cycle's period.
    """
    issues: list[FieldIssue] = []
    for key, limit in TEXT_LIMITS.items():
        try:
            check_text(_text_label(key), getattr(content, key), limit)
        except (TextTooLong, TextUnprintable) as error:
            issues.append(FieldIssue(key, error.code, error.message))
    percent = content.percent_complete
    if percent is not None and not 0 <= percent <= 100:
        issues.append(
            FieldIssue(
                SubmissionField.PERCENT,
                "percent_range",
                _("The percentage must be between 0 and 100, not %(value)s.") % {"value": percent},
            )
        )
    elif content.progress_status is ProgressStatus.COMPLETED and percent not in (None, 100):
        issues.append(
            FieldIssue(
                SubmissionField.PERCENT,
                "completed_not_100",
                _("A completed measure is 100%% complete, not %(value)s%%.") % {"value": percent},
            )
        )
    elif content.progress_status is ProgressStatus.NOT_STARTED and percent not in (None, 0):
        issues.append(
            FieldIssue(
                SubmissionField.PERCENT,
                "not_started_not_0",
                _("A measure not started is 0%% complete, not %(value)s%%.") % {"value": percent},
            )
        )
    if content.expected_date is not None and content.expected_date < cycle_start:
        issues.append(
            FieldIssue(
                SubmissionField.DEVIATION,
                "expected_date_past",
                _("The new expected date %(date)s is before the reporting period.")
                % {"date": content.expected_date.isoformat()},
            )
        )
    return issues


def check_complete(
    content: SubmissionContent,
    *,
    is_indicator: bool,
    measure_start: int | None,
    cycle_start: datetime.date,
) -> list[FieldIssue]:
    """Every problem that forbids submitting ``content`` (it includes :func:`check_content`)."""
    issues = check_content(content, measure_start=measure_start, cycle_start=cycle_start)
    if is_indicator:
        if content.indicator_value is None:
            issues.append(_missing(SubmissionField.INDICATOR_VALUE))
        return issues
    required: list[tuple[SubmissionField, object]] = [
        (SubmissionField.PROGRESS_STATUS, content.progress_status),
        (SubmissionField.STAGE, content.stage),
        (SubmissionField.PERCENT, content.percent_complete),
        (SubmissionField.NARRATIVE, content.narrative.strip()),
    ]
    issues.extend(_missing(key) for key, value in required if value in (None, ""))
    if deviation_required(content.progress_status, measure_start, cycle_start):
        parts = (
            content.deviation_reason,
            content.deviation_risk,
            content.corrective_action.strip(),
            content.expected_date,
        )
        if any(part in (None, "") for part in parts):
            issues.append(
                FieldIssue(
                    SubmissionField.DEVIATION,
                    "deviation_required",
                    _(
                        "A delayed, cancelled or off-track measure needs its deviation: "
                        "reason, risk, corrective action and new expected date."
                    ),
                )
            )
    return issues


def _missing(key: SubmissionField) -> FieldIssue:
    return FieldIssue(key, "required", _("This field is required to submit the report."))


def check_changes_allowed(changed: Iterable[str], reopened: Iterable[str]) -> None:
    """Refuse changes to fields a reviewer did not reopen.

    Args:
        changed: field keys whose value differs from the stored report.
        reopened: the field keys a reviewer returned; empty means the whole report.

    Raises:
        ChangeNotAllowed: code ``field_locked`` naming the first locked field changed.
    """
    allowed = set(reopened)
    if not allowed:
        return
    locked = sorted(set(changed) - allowed)
    if locked:
        raise ChangeNotAllowed(
            "field_locked",
            _(
                "Only the fields the reviewer returned can be changed; “%(field)s” is locked "
                "until the report is returned as a whole."
            ),
            {"field": locked[0]},
        )
