"""The progress-report workbook: every due report of one agency in one cycle, for Excel.

An agency downloads the workbook, fills it offline and uploads it back. The layout
protects itself: sheets are protected with only the input cells unlocked, choices
come from drop-down lists, and a very hidden sheet carries a keyed signature over
the structure (sheet names, headings and every locked cell, row by row). A
workbook whose structure was altered is refused whole; otherwise each row is read
on its own and every problem is reported by sheet, row and column.

The workbook is an Azerbaijani document: its headings, lists and instructions are
fixed Azerbaijani text (the codes behind the lists are what is stored). Messages
about a rejected workbook go through :mod:`hedef.domain.core.i18n` like every other.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import io
import json
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from hedef.domain.core.errors import DomainError
from hedef.domain.core.i18n import gettext as _
from hedef.domain.monitoring.submissions import (
    DeviationReason,
    ProgressStatus,
    ReportContent,
    ReportState,
    RiskLevel,
)
from hedef.domain.monitoring.workbook import cells
from hedef.domain.plans.model import Stage

__all__ = [
    "CellIssue",
    "IndicatorEntry",
    "IndicatorLine",
    "MeasureEntry",
    "MeasureLine",
    "TargetLine",
    "WorkbookReading",
    "WorkbookRefused",
    "WorkbookSpec",
    "build_workbook",
    "read_workbook",
]

FORMAT = "hedef.report-workbook"
FORMAT_VERSION = "1"
MEASURES = "Tədbirlər"
TARGETS = "Rəqəmsal hədəflər"
INDICATORS = "Göstəricilər"
INSTRUCTIONS = "Təlimat"
LISTS = "Siyahılar"
SIGNATURE = "İmza"
MAX_ROWS = 5000
MAX_UNCOMPRESSED = 50 * 2**20

LABELS: dict[str, dict[str, str]] = {
    "progress_status": {
        ProgressStatus.NOT_STARTED: "Başlanmayıb",
        ProgressStatus.IN_PROGRESS: "İcra olunur",
        ProgressStatus.COMPLETED: "İcra olunub",
        ProgressStatus.DELAYED: "Gecikir",
        ProgressStatus.CANCELLED: "Ləğv edilib",
    },
    "stage": {Stage.INITIAL: "İlkin", Stage.INTERIM: "Aralıq", Stage.FINAL: "Yekun"},
    "deviation_reason": {
        DeviationReason.FUNDING: "Maliyyə çatışmazlığı",
        DeviationReason.PROCUREMENT: "Satınalma prosesi",
        DeviationReason.LEGAL: "Normativ-hüquqi baza",
        DeviationReason.COORDINATION: "Qurumlararası əlaqələndirmə",
        DeviationReason.TECHNICAL: "Texniki problemlər",
        DeviationReason.CAPACITY: "Kadr və institusional potensial",
        DeviationReason.DEPENDENCY: "Digər tədbirdən asılılıq",
        DeviationReason.EXTERNAL: "Xarici amillər",
        DeviationReason.OTHER: "Digər",
    },
    "deviation_risk": {RiskLevel.LOW: "Aşağı", RiskLevel.MEDIUM: "Orta", RiskLevel.HIGH: "Yüksək"},
}
STATE_LABELS = {
    ReportState.DRAFT: "Qaralama",
    ReportState.SUBMITTED: "Təqdim edilib",
    ReportState.RETURNED: "Geri qaytarılıb",
    ReportState.ACCEPTED: "Qəbul edilib",
    ReportState.PUBLISHED: "Dərc edilib",
}
_ENUMS: dict[str, Callable[[str], Any]] = {
    "progress_status": ProgressStatus,
    "stage": Stage,
    "deviation_reason": DeviationReason,
    "deviation_risk": RiskLevel,
}


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: int = 14
    kind: str = "locked"  # locked | text | choice | percent | number | date


MEASURE_COLUMNS = (
    Column("id", "ID", 8),
    Column("version", "Versiya", 8),
    Column("strategy", "Strategiya", 22),
    Column("number", "Nömrə", 10),
    Column("title", "Tədbir", 50),
    Column("period", "İcra müddəti", 12),
    Column("role", "Rol", 12),
    Column("state", "Hesabatın vəziyyəti", 16),
    Column("progress_status", "İcra vəziyyəti", 16, "choice"),
    Column("stage", "Çatılan mərhələ", 14, "choice"),
    Column("percent_complete", "İcra faizi (0–100)", 12, "percent"),
    Column("narrative", "Görülən işlər", 50, "text"),
    Column("obstacles", "Maneələr və risklər", 40, "text"),
    Column("remedy", "Təklif olunan həll yolları", 40, "text"),
    Column("deviation_reason", "Kənarlaşmanın səbəbi", 24, "choice"),
    Column("deviation_risk", "Risk səviyyəsi", 12, "choice"),
    Column("corrective_action", "Düzəldici tədbir", 40, "text"),
    Column("expected_date", "Yeni gözlənilən tarix", 14, "date"),
)
TARGET_COLUMNS = (
    Column("id", "Hesabat ID", 10),
    Column("target", "Hədəf ID", 10),
    Column("number", "Tədbir", 10),
    Column("stage", "Mərhələ", 10),
    Column("phrase", "Hədəf ifadəsi", 40),
    Column("expected", "Hədəf", 12),
    Column("unit", "Vahid", 14),
    Column("value", "Faktiki dəyər", 14, "number"),
)
INDICATOR_COLUMNS = (
    Column("id", "ID", 8),
    Column("version", "Versiya", 8),
    Column("strategy", "Strategiya", 22),
    Column("number", "Nömrə", 10),
    Column("name", "Göstərici", 50),
    Column("unit", "Vahid", 12),
    Column("year", "İl", 8),
    Column("target", "Hədəf", 12),
    Column("state", "Hesabatın vəziyyəti", 16),
    Column("value", "Faktiki dəyər", 14, "number"),
    Column("note", "Qeyd", 40, "text"),
)
SHEETS = {MEASURES: MEASURE_COLUMNS, TARGETS: TARGET_COLUMNS, INDICATORS: INDICATOR_COLUMNS}
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADING_FILL = PatternFill("solid", fgColor="DCE6F1")


@dataclass(frozen=True)
class TargetLine:
    target_id: int
    stage: Stage
    phrase: str
    expected: str  # the target as a person reads it, e.g. "≥ 20"
    unit: str


@dataclass(frozen=True)
class MeasureLine:
    submission_id: int
    version: int
    strategy: str
    number: str
    title: str
    period: str
    role: str
    state: ReportState
    editable: bool
    content: ReportContent
    targets: tuple[TargetLine, ...] = ()


@dataclass(frozen=True)
class IndicatorLine:
    submission_id: int
    version: int
    strategy: str
    number: str
    name: str
    unit: str
    year: int | None
    target: float | None
    state: ReportState
    editable: bool
    value: float | None
    note: str


@dataclass(frozen=True)
class WorkbookSpec:
    """What a workbook holds: plain data, gathered by the caller."""

    cycle_id: int
    cycle_label: str
    agency_code: str
    agency_name: str
    due_date: datetime.date
    measures: tuple[MeasureLine, ...]
    indicators: tuple[IndicatorLine, ...]


class WorkbookRefused(DomainError):
    """The upload as a whole cannot be read; ``location`` names the place when known."""

    def __init__(self, code: str, message: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code, message, params)
        self.location = str((params or {}).get("place", ""))


@dataclass(frozen=True)
class CellIssue:
    sheet: str
    row: int
    column: str  # the column heading
    letter: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.letter}{self.row} ({self.column}): {self.message}"


@dataclass
class MeasureEntry:
    """One measure row as read, with the target values of that report from their sheet."""

    submission_id: int
    version: int
    row: int
    values: dict[str, Any]
    target_values: dict[int, float | None] = field(default_factory=dict)
    target_rows: dict[int, int] = field(default_factory=dict)
    valid: bool = True

    def content(self) -> ReportContent:
        return ReportContent(target_values=dict(self.target_values), **self.values)


@dataclass
class IndicatorEntry:
    submission_id: int
    version: int
    row: int
    value: float | None
    note: str
    valid: bool = True


@dataclass
class WorkbookReading:
    cycle_id: int
    agency_code: str
    measures: list[MeasureEntry]
    indicators: list[IndicatorEntry]
    issues: list[CellIssue]


def column_letter(sheet: str, key: str) -> tuple[str, str]:
    """The (letter, heading) of the column holding ``key`` on ``sheet``."""
    for index, column in enumerate(SHEETS[sheet], start=1):
        if column.key == key:
            return get_column_letter(index), column.heading
    raise KeyError(key)


# ---- writing ---------------------------------------------------------------------------


def build_workbook(spec: WorkbookSpec, *, key: bytes) -> bytes:
    """Write the workbook for ``spec``, signed with ``key`` (keep it server-side)."""
    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS
    _write_instructions(instructions, spec)
    rows = {
        MEASURES: [_measure_row(line) for line in spec.measures],
        TARGETS: [_target_row(line, target) for line in spec.measures for target in line.targets],
        INDICATORS: [_indicator_row(line) for line in spec.indicators],
    }
    editable = {
        MEASURES: [line.editable for line in spec.measures],
        TARGETS: [line.editable for line in spec.measures for _t in line.targets],
        INDICATORS: [line.editable for line in spec.indicators],
    }
    lists = book.create_sheet(LISTS)
    ranges = _write_lists(lists)
    lists.sheet_state = "hidden"
    signed: dict[str, Any] = {}
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        _write_sheet(sheet, columns, rows[name], editable[name], ranges)
        signed[name] = {
            "headings": [c.heading for c in columns],
            "rows": [_row_digest(columns, row) for row in rows[name]],
        }
    payload = json.dumps(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "cycle": spec.cycle_id,
            "agency": spec.agency_code,
            "sheets": signed,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    signature = book.create_sheet(SIGNATURE)
    signature["A1"] = payload
    signature["A2"] = _mac(key, payload)
    signature.sheet_state = "veryHidden"
    signature.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_instructions(sheet: Worksheet, spec: WorkbookSpec) -> None:
    lines = [
        ("Hədəf — tədbirlərin icrası barədə hesabat", True),
        (f"Hesabat dövrü: {spec.cycle_label}", False),
        (f"Qurum: {spec.agency_name}", False),
        (f"Təqdim etmə müddəti: {spec.due_date:%d.%m.%Y}", False),
        ("", False),
        ("Necə doldurmalı", True),
        ("1. Yalnız ağ xanaları doldurun; boz xanalar kilidlidir və dəyişdirilmir.", False),
        (
            "2. İcra vəziyyəti, çatılan mərhələ, kənarlaşmanın səbəbi və risk səviyyəsi "
            "açılan siyahıdan seçilir.",
            False,
        ),
        ("3. İcra faizi 0 ilə 100 arasında rəqəmdir (faiz işarəsi olmadan).", False),
        (
            "4. Tədbir gecikirsə, ləğv edilibsə və ya vaxtında başlanmayıbsa, kənarlaşmanı "
            "tam doldurun: səbəb, risk səviyyəsi, düzəldici tədbir və yeni gözlənilən tarix.",
            False,
        ),
        ("5. Tarixləri GG.AA.İİİİ şəklində yazın (məsələn, 30.09.2026).", False),
        (
            "6. «Rəqəmsal hədəflər» vərəqində tədbirlərin rəqəmsal hədəfləri üzrə faktiki "
            "dəyərləri, «Göstəricilər» vərəqində qurumunuzun cavabdeh olduğu hədəf "
            "göstəricilərinin dəyərlərini yazın.",
            False,
        ),
        (
            "7. Vərəq, sütun və sətir əlavə etməyin, silməyin, adlarını və ardıcıllığını "
            "dəyişməyin: strukturu dəyişdirilmiş fayl bütövlükdə qəbul edilmir.",
            False,
        ),
        (
            "8. Təqdim edilmiş və qəbul edilmiş hesabatların sətirləri kilidlidir.",
            False,
        ),
        (
            "9. Faylı Hədəf-in «Hesabat» bölməsində yükləyin. Düzgün sətirlər qaralama kimi "
            "saxlanılır, səhvlər vərəq, sətir və sütun üzrə göstərilir. Hesabatı "
            "yoxlayıb Hədəf-də «Təqdim et» düyməsi ilə təqdim edin.",
            False,
        ),
    ]
    for index, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=index, column=1, value=text)
        cell.font = Font(bold=bold, size=13 if index == 1 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True


def _write_lists(sheet: Worksheet) -> dict[str, str]:
    ranges = {}
    for index, (key, labels) in enumerate(LABELS.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=key)
        for row, label in enumerate(labels.values(), start=2):
            sheet.cell(row=row, column=index, value=label)
        last = len(labels) + 1
        ranges[key] = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${last}"
    sheet.protection.sheet = True
    return ranges


def _measure_row(line: MeasureLine) -> dict[str, Any]:
    content = line.content
    return {
        "id": line.submission_id,
        "version": line.version,
        "strategy": line.strategy,
        "number": line.number,
        "title": line.title,
        "period": line.period,
        "role": line.role,
        "state": STATE_LABELS[line.state],
        "progress_status": _label("progress_status", content.progress_status),
        "stage": _label("stage", content.stage),
        "percent_complete": content.percent_complete,
        "narrative": content.narrative,
        "obstacles": content.obstacles,
        "remedy": content.remedy,
        "deviation_reason": _label("deviation_reason", content.deviation_reason),
        "deviation_risk": _label("deviation_risk", content.deviation_risk),
        "corrective_action": content.corrective_action,
        "expected_date": content.expected_date,
    }


def _target_row(line: MeasureLine, target: TargetLine) -> dict[str, Any]:
    return {
        "id": line.submission_id,
        "target": target.target_id,
        "number": line.number,
        "stage": LABELS["stage"][target.stage],
        "phrase": target.phrase,
        "expected": target.expected,
        "unit": target.unit,
        "value": line.content.target_values.get(target.target_id),
    }


def _indicator_row(line: IndicatorLine) -> dict[str, Any]:
    return {
        "id": line.submission_id,
        "version": line.version,
        "strategy": line.strategy,
        "number": line.number,
        "name": line.name,
        "unit": line.unit,
        "year": line.year,
        "target": line.target,
        "state": STATE_LABELS[line.state],
        "value": line.value,
        "note": line.note,
    }


def _label(key: str, value: Any) -> str | None:
    return LABELS[key][value] if value is not None else None


def _write_sheet(
    sheet: Worksheet,
    columns: Sequence[Column],
    rows: list[dict[str, Any]],
    editable: list[bool],
    ranges: dict[str, str],
) -> None:
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.heading)
        cell.font = Font(bold=True)
        cell.fill = HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, (row, open_row) in enumerate(zip(rows, editable, strict=True), start=2):
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row_number, column=index, value=row[column.key])
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.kind == "date":
                cell.number_format = "DD.MM.YYYY"
            if column.kind != "locked" and open_row:
                cell.protection = Protection(locked=False)
            else:
                cell.fill = LOCKED_FILL
    last = max(len(rows) + 1, 2)
    for index, column in enumerate(columns, start=1):
        area = f"{get_column_letter(index)}2:{get_column_letter(index)}{last}"
        validation = _validation(column, ranges)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(area)
    if columns[1].key == "version":
        sheet.column_dimensions["B"].hidden = True
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _validation(column: Column, ranges: dict[str, str]) -> DataValidation | None:
    if column.kind == "choice":
        return _input_check("list", "Siyahıdan seçin.", None, ranges[column.key])
    check = _VALIDATIONS.get(column.kind)
    return _input_check(*check) if check else None


_CheckType = Literal["decimal", "date", "list"]
_Operator = Literal["between", "greaterThan", "greaterThanOrEqual"]


def _input_check(
    kind: _CheckType,
    message: str,
    operator: _Operator | None,
    formula1: str,
    formula2: str | None = None,
) -> DataValidation:
    """A drop-down or range check that refuses other input with an Azerbaijani message."""
    return DataValidation(
        type=kind,
        operator=operator,
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Hədəf",
        error=message,
    )


# Column kind -> the check of the cells agencies fill in: type, message, operator, bounds.
_VALIDATIONS: dict[str, tuple[_CheckType, str, _Operator, str, str | None]] = {
    "percent": ("decimal", "0 ilə 100 arasında rəqəm yazın.", "between", "0", "100"),
    "date": ("date", "Tarixi GG.AA.İİİİ şəklində yazın.", "greaterThan", "36526", None),  # 2000
    "number": ("decimal", "Rəqəm yazın.", "greaterThanOrEqual", "-1000000000000", None),
}


def _row_digest(columns: Sequence[Column], row: dict[str, Any] | Sequence[Any]) -> str:
    if isinstance(row, dict):
        locked = [cells.normal(row[c.key]) for c in columns if c.kind == "locked"]
    else:
        locked = [cells.normal(v) for c, v in zip(columns, row, strict=False) if c.kind == "locked"]
    text = json.dumps(locked, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _mac(key: bytes, payload: str) -> str:
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


# ---- reading ---------------------------------------------------------------------------


def read_workbook(data: bytes, *, key: bytes, file_name: str, max_bytes: int) -> WorkbookReading:
    """Read an uploaded workbook: refuse it whole when its structure was altered.

    Args:
        data: the uploaded file.
        key: the key the workbook was signed with.
        file_name: the uploaded file's name, for messages.
        max_bytes: the largest upload accepted.

    Returns:
        Every row read, the valid ones and the ones with issues (``valid`` is
        ``False``), and every issue by sheet, row and column.

    Raises:
        WorkbookRefused: code ``too_large``, ``not_a_workbook``, ``signature_missing``,
            ``signature_invalid`` or ``structure_altered``.
    """
    params: dict[str, Any] = {"file": file_name}
    if len(data) > max_bytes:
        raise WorkbookRefused(
            "too_large",
            _("%(file)s is larger than the %(limit)s MB limit."),
            {**params, "limit": max_bytes // 2**20},
        )
    _check_container(data, file_name)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise WorkbookRefused(
            "not_a_workbook", _("%(file)s is not a readable Excel workbook."), params
        ) from error
    try:
        expected = {INSTRUCTIONS, LISTS, SIGNATURE, *SHEETS}
        if SIGNATURE not in book.sheetnames:
            raise WorkbookRefused(
                "signature_missing",
                _(
                    "%(file)s is not a reporting workbook made by Hədəf, or its hidden "
                    "signature sheet was removed. Download a new workbook."
                ),
                params,
            )
        signed = _signed_payload(book[SIGNATURE], key, file_name)
        if set(book.sheetnames) != expected:
            odd = sorted(set(book.sheetnames) ^ expected)[0]
            raise _altered(file_name, odd, 1, _("sheets were added, removed or renamed"))
        rows = {name: _data_rows(book[name], name, signed, file_name) for name in SHEETS}
    finally:
        book.close()
    reading = WorkbookReading(signed["cycle"], signed["agency"], [], [], [])
    for row_number, row in rows[MEASURES]:
        reading.measures.append(_read_measure(row_number, row, reading.issues))
    entries = {entry.submission_id: entry for entry in reading.measures}
    for row_number, row in rows[TARGETS]:
        entry = entries[int(row[0])]
        value = _cell(TARGETS, "value", row_number, row, reading.issues)
        if value is _INVALID:
            entry.valid = False
            continue
        entry.target_values[int(row[1])] = value
        entry.target_rows[int(row[1])] = row_number
    for row_number, row in rows[INDICATORS]:
        before = len(reading.issues)
        value = _cell(INDICATORS, "value", row_number, row, reading.issues)
        note = _cell(INDICATORS, "note", row_number, row, reading.issues)
        reading.indicators.append(
            IndicatorEntry(
                submission_id=int(row[0]),
                version=int(row[1]),
                row=row_number,
                value=None if value is _INVALID else value,
                note=note if isinstance(note, str) else "",
                valid=len(reading.issues) == before,
            )
        )
    return reading


def _check_container(data: bytes, file_name: str) -> None:
    """Refuse what is not an Office package, or would expand beyond reason (a ZIP bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise WorkbookRefused(
            "not_a_workbook", _("%(file)s is not a readable Excel workbook."), {"file": file_name}
        ) from error
    if len(infos) > 500 or sum(info.file_size for info in infos) > MAX_UNCOMPRESSED:
        raise WorkbookRefused(
            "too_large",
            _("%(file)s expands to more than %(limit)s MB; it cannot be a reporting workbook."),
            {"file": file_name, "limit": MAX_UNCOMPRESSED // 2**20},
        )


def _signed_payload(sheet: Any, key: bytes, file_name: str) -> dict[str, Any]:
    cells = [row[0] if row else None for row in sheet.iter_rows(max_row=2, values_only=True)]
    payload, mac = [*cells, None, None][:2]
    if not isinstance(payload, str) or not isinstance(mac, str):
        mac, payload = "", ""
    if not hmac.compare_digest(_mac(key, payload), mac):
        raise WorkbookRefused(
            "signature_invalid",
            _(
                "The signature of %(file)s does not match: it was not made by this Hədəf "
                "or its hidden sheet was edited. Download a new workbook."
            ),
            {"file": file_name},
        )
    signed: dict[str, Any] = json.loads(payload)
    if signed.get("format") != FORMAT or signed.get("version") != FORMAT_VERSION:
        raise WorkbookRefused(
            "signature_invalid",
            _("%(file)s is a reporting workbook of another format; download a new one."),
            {"file": file_name},
        )
    return signed


def _altered(file_name: str, sheet: str, row: int, what: str) -> WorkbookRefused:
    return WorkbookRefused(
        "structure_altered",
        _(
            "%(file)s was altered at %(place)s: %(what)s. A workbook whose structure was "
            "changed is refused whole; download a new one and fill only the white cells."
        ),
        {"file": file_name, "place": f"{sheet}!{row}", "what": what},
    )


def _data_rows(
    sheet: Any, name: str, signed: dict[str, Any], file_name: str
) -> list[tuple[int, tuple[Any, ...]]]:
    columns = SHEETS[name]
    expected = signed["sheets"][name]
    rows: Iterator[tuple[Any, ...]] = sheet.iter_rows(values_only=True)
    heading = [cells.normal(v) for v in next(rows, ())]
    while heading and heading[-1] == "":
        heading.pop()
    if heading != expected["headings"]:
        raise _altered(file_name, name, 1, _("the column headings differ"))
    found: list[tuple[int, tuple[Any, ...]]] = []
    for row_number, values in enumerate(rows, start=2):
        if row_number > MAX_ROWS + 1:
            raise _altered(file_name, name, row_number, _("the sheet has too many rows"))
        if any(cells.normal(v) for v in values[len(columns) :]):
            raise _altered(file_name, name, row_number, _("a column was added"))
        found.append((row_number, tuple(values[: len(columns)]) + (None,) * len(columns)))
    while found and not any(cells.normal(v) for v in found[-1][1]):
        found.pop()
    digests = expected["rows"]
    for index, (row_number, values) in enumerate(found):
        if index >= len(digests):
            raise _altered(file_name, name, row_number, _("a row was added"))
        if _row_digest(columns, values) != digests[index]:
            raise _altered(
                file_name, name, row_number, _("locked cells were changed or rows were moved")
            )
    if len(found) < len(digests):
        raise _altered(file_name, name, len(found) + 2, _("a row was removed"))
    return [(number, values[: len(columns)]) for number, values in found]


_INVALID = object()


def _read_measure(row_number: int, row: tuple[Any, ...], issues: list[CellIssue]) -> MeasureEntry:
    entry = MeasureEntry(int(row[0]), int(row[1]), row_number, {})
    for column in MEASURE_COLUMNS:
        if column.kind == "locked":
            continue
        value = _cell(MEASURES, column.key, row_number, row, issues)
        if value is _INVALID:
            entry.valid = False
        else:
            entry.values[column.key] = value
    return entry


def _cell(
    sheet: str, key: str, row_number: int, row: tuple[Any, ...], issues: list[CellIssue]
) -> Any:
    """The parsed value of one input cell, or ``_INVALID`` after recording the issue."""
    index = next(i for i, c in enumerate(SHEETS[sheet]) if c.key == key)
    column = SHEETS[sheet][index]
    raw = row[index]
    try:
        return _PARSERS[column.kind](key, raw)
    except cells.CellError as error:
        issues.append(
            CellIssue(
                sheet,
                row_number,
                column.heading,
                get_column_letter(index + 1),
                error.code,
                error.message,
            )
        )
        return _INVALID


def _parse_choice(key: str, raw: Any) -> Any:
    code = cells.parse_choice(raw, LABELS[key])
    return None if code is None else _ENUMS[key](code)


_PARSERS: dict[str, Callable[[str, Any], Any]] = {
    "text": lambda _key, raw: cells.normal(raw),
    "choice": _parse_choice,
    "number": lambda _key, raw: cells.parse_number(raw),
    "percent": lambda _key, raw: cells.parse_percent(raw),
    "date": lambda _key, raw: cells.parse_date(raw),
}
