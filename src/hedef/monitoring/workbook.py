"""The reporting workbook between the database and the pure layout in
:mod:`hedef.domain.monitoring.workbook`: gathering its data, and applying an upload."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.agencies.models import Agency
from hedef.core.actors import Actor, Channel
from hedef.domain.core.errors import DomainError
from hedef.domain.monitoring import workbook as rw
from hedef.domain.monitoring.submissions import (
    EDITABLE_STATES,
    TARGET_PREFIX,
    FieldIssue,
    SubmissionContent,
    SubmissionField,
    SubmissionState,
)
from hedef.monitoring.actions import SubmissionSave
from hedef.monitoring.content import content_snapshot, submission_content
from hedef.monitoring.errors import NotPossible, SubmissionInvalid
from hedef.monitoring.models import ReportingCycle, Submission
from hedef.monitoring.permissions import can_upload_workbook
from hedef.monitoring.selectors import submission_queryset

COMPARATORS = {"at_least": "≥ ", "more_than": "> ", "at_most": "≤ ", "less_than": "< ", "equal": ""}


def workbook_key() -> bytes:
    """The key workbooks are signed with, derived from the site's secret key."""
    return hmac.new(
        settings.SECRET_KEY.encode("utf-8"), b"hedef.report-workbook", hashlib.sha256
    ).digest()


def _number(value: float) -> str:
    return f"{value:g}"


def workbook_spec(cycle: ReportingCycle, agency: Agency) -> rw.WorkbookSpec:
    """Everything the agency reports on in ``cycle``, as plain data for the workbook."""
    reports = list(
        submission_queryset()
        .filter(cycle=cycle, agency=agency)
        .prefetch_related("measure__targets", "indicator__targets")
        .order_by(
            "measure__version__strategy__code",
            "measure__position",
            "indicator__version__strategy__code",
            "indicator__position",
        )
    )
    measures, indicators = [], []
    for s in reports:
        editable = cycle.is_open and s.state in EDITABLE_STATES
        if s.measure is not None:
            m = s.measure
            measures.append(
                rw.MeasureLine(
                    submission_id=s.pk,
                    version=s.version,
                    strategy=m.version.strategy.code,
                    number=m.number,
                    title=m.title,
                    period=m.period_text,
                    role="əsas icraçı",
                    state=SubmissionState(s.state),
                    editable=editable,
                    content=submission_content(s),
                    targets=tuple(
                        rw.TargetLine(
                            target_id=t.pk,
                            stage=t.stage,
                            phrase=t.phrase,
                            expected=COMPARATORS.get(t.comparator, "")
                            + _number(t.value)
                            + (f"–{_number(t.upper)}" if t.upper is not None else ""),
                            unit=t.unit,
                        )
                        for t in m.targets.all()
                    ),
                )
            )
        else:
            i = s.indicator
            year = cycle.period_end.year
            target = next((t.value for t in i.targets.all() if t.year == year), None)
            indicators.append(
                rw.IndicatorLine(
                    submission_id=s.pk,
                    version=s.version,
                    strategy=i.version.strategy.code,
                    number=i.number,
                    name=i.name,
                    unit=i.unit,
                    year=year,
                    target=target,
                    state=SubmissionState(s.state),
                    editable=editable,
                    value=s.indicator_value,
                    note=s.narrative,
                )
            )
    return rw.WorkbookSpec(
        cycle_id=cycle.pk,
        cycle_label=cycle.label,
        agency_code=agency.code,
        agency_name=agency.name,
        due_date=cycle.due_date,
        measures=tuple(measures),
        indicators=tuple(indicators),
    )


def workbook_build(cycle: ReportingCycle, agency: Agency) -> bytes:
    return rw.build_workbook(workbook_spec(cycle, agency), key=workbook_key())


@dataclass
class WorkbookImport:
    """What an upload did: reports saved as drafts, rows unchanged, and every issue."""

    agency: Agency | None = None
    saved: list[Submission] = field(default_factory=list)
    unchanged: int = 0
    issues: list[rw.CellIssue] = field(default_factory=list)


def _issue(sheet: str, row: int, key: str, code: str, message: str) -> rw.CellIssue:
    letter, heading = rw.column_letter(sheet, key)
    return rw.CellIssue(sheet, row, heading, letter, code, message)


def _measure_cell(entry: rw.MeasureEntry, issue: FieldIssue) -> rw.CellIssue:
    if issue.field.startswith(TARGET_PREFIX):
        target = int(issue.field.removeprefix(TARGET_PREFIX))
        row = entry.target_rows.get(target, entry.row)
        return _issue(rw.TARGETS, row, "value", issue.code, issue.message)
    key = "deviation_reason" if issue.field == SubmissionField.DEVIATION else issue.field
    return _issue(rw.MEASURES, entry.row, key, issue.code, issue.message)


def _indicator_cell(entry: rw.IndicatorEntry, issue: FieldIssue) -> rw.CellIssue:
    key = "value" if issue.field == SubmissionField.INDICATOR_VALUE else "note"
    return _issue(rw.INDICATORS, entry.row, key, issue.code, issue.message)


def workbook_import(
    *, cycle: ReportingCycle, actor: Actor, data: bytes, file_name: str
) -> WorkbookImport:
    """Apply an uploaded workbook in one transaction: valid changed rows become drafts.

    Raises:
        WorkbookRefused: the file is not a workbook of this cycle, or its structure was altered.
        ActionNotAllowed: the uploader does not report for the workbook's agency.
    """
    reading = rw.read_workbook(
        data,
        key=workbook_key(),
        file_name=file_name,
        max_bytes=settings.HEDEF_MAX_WORKBOOK_BYTES,
    )
    if reading.cycle_id != cycle.pk:
        raise NotPossible(
            "wrong_cycle",
            _("%(file)s is the workbook of another reporting cycle, not of “%(cycle)s”."),
            {"file": file_name, "cycle": cycle.label},
        )
    agency = Agency.objects.get(code=reading.agency_code)
    require(
        can_upload_workbook(actor.user, agency.pk),
        _("Only a focal person of %(agency)s may upload its workbook.")
        % {"agency": agency.acronym or agency.name},
    )
    actor = Actor(actor.user, Channel.EXCEL, file_name)
    reports = {s.pk: s for s in submission_queryset().filter(cycle=cycle, agency=agency)}
    result = WorkbookImport(agency=agency, issues=list(reading.issues))
    rows: list[tuple[rw.MeasureEntry | rw.IndicatorEntry, SubmissionContent]] = [
        (e, e.content()) for e in reading.measures if e.valid
    ] + [
        (e, SubmissionContent(indicator_value=e.value, narrative=e.note))
        for e in reading.indicators
        if e.valid
    ]
    with transaction.atomic():
        for entry, content in rows:
            report = reports[entry.submission_id]
            if content_snapshot(content) == content_snapshot(submission_content(report)):
                result.unchanged += 1
                continue
            try:
                saved = SubmissionSave(
                    report, actor=actor, content=content, version=entry.version
                ).execute()
            except SubmissionInvalid as error:
                result.issues.extend(_cell(entry, issue) for issue in error.issues)
            except DomainError as error:
                sheet = rw.INDICATORS if isinstance(entry, rw.IndicatorEntry) else rw.MEASURES
                result.issues.append(_issue(sheet, entry.row, "id", error.code, error.message))
            else:
                result.saved.append(saved)
    result.issues.sort(key=lambda i: (list(rw.SHEETS).index(i.sheet), i.row, i.letter))
    return result


def _cell(entry: rw.MeasureEntry | rw.IndicatorEntry, issue: FieldIssue) -> rw.CellIssue:
    if isinstance(entry, rw.IndicatorEntry):
        return _indicator_cell(entry, issue)
    return _measure_cell(entry, issue)
