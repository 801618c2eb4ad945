"""Writing the workbook: protected sheets, drop-down lists and the signature sheet."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from hedef.domain.core.spreadsheets import write_cell
from hedef.domain.monitoring.workbook.layout import (
    FORMAT,
    FORMAT_VERSION,
    HEADING_FILL,
    INDICATORS,
    INSTRUCTIONS,
    LABELS,
    LISTS,
    LOCKED_FILL,
    MEASURES,
    SHEETS,
    SIGNATURE,
    STATE_LABELS,
    TARGETS,
    IndicatorLine,
    MeasureLine,
    TargetLine,
    WorkbookColumn,
    WorkbookSpec,
    row_digest,
    sign,
)

__all__ = ["build_workbook"]


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
            "rows": [row_digest(columns, row) for row in rows[name]],
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
    write_cell(signature, 1, 1, payload)
    write_cell(signature, 2, 1, sign(key, payload))
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
        cell = write_cell(sheet, index, 1, text)
        cell.font = Font(bold=bold, size=13 if index == 1 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True


def _write_lists(sheet: Worksheet) -> dict[str, str]:
    ranges = {}
    for index, (key, labels) in enumerate(LABELS.items(), start=1):
        letter = get_column_letter(index)
        write_cell(sheet, 1, index, key)
        for row, label in enumerate(labels.values(), start=2):
            write_cell(sheet, row, index, label)
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
    columns: Sequence[WorkbookColumn],
    rows: list[dict[str, Any]],
    editable: list[bool],
    ranges: dict[str, str],
) -> None:
    for index, column in enumerate(columns, start=1):
        cell = write_cell(sheet, 1, index, column.heading)
        cell.font = Font(bold=True)
        cell.fill = HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, (row, open_row) in enumerate(zip(rows, editable, strict=True), start=2):
        for index, column in enumerate(columns, start=1):
            cell = write_cell(sheet, row_number, index, row[column.key])
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


def _validation(column: WorkbookColumn, ranges: dict[str, str]) -> DataValidation | None:
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


# WorkbookColumn kind -> the check of the cells agencies fill in: type, message, operator, bounds.
_VALIDATIONS: dict[str, tuple[_CheckType, str, _Operator, str, str | None]] = {
    "percent": ("decimal", "0 ilə 100 arasında rəqəm yazın.", "between", "0", "100"),
    "date": ("date", "Tarixi GG.AA.İİİİ şəklində yazın.", "greaterThan", "36526", None),  # 2000
    "number": ("decimal", "Rəqəm yazın.", "greaterThanOrEqual", "-1000000000000", None),
}
