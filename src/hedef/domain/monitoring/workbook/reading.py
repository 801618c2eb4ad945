"""Reading an uploaded workbook back: the structure checked whole, then each row on its own."""

from __future__ import annotations

import hmac
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.spreadsheets import READ_ERRORS, declares_entities
from hedef.domain.monitoring.submissions import DeviationReason, ProgressStatus, RiskLevel
from hedef.domain.monitoring.workbook import cells
from hedef.domain.monitoring.workbook.layout import (
    FORMAT,
    FORMAT_VERSION,
    INDICATORS,
    INSTRUCTIONS,
    LABELS,
    LISTS,
    MAX_ROWS,
    MAX_UNCOMPRESSED,
    MEASURE_COLUMNS,
    MEASURES,
    SHEETS,
    SIGNATURE,
    TARGETS,
    CellIssue,
    IndicatorEntry,
    MeasureEntry,
    WorkbookReading,
    WorkbookRefused,
    row_digest,
    sign,
)
from hedef.domain.plans.model import Stage

__all__ = ["read_workbook"]

# The value behind each drop-down list of ``LABELS``, made from the chosen label's code.
_ENUMS: dict[str, Callable[[str], Any]] = {
    "progress_status": ProgressStatus,
    "stage": Stage,
    "deviation_reason": DeviationReason,
    "deviation_risk": RiskLevel,
}


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
        WorkbookRefused: code ``too_large``, ``not_a_workbook``, ``unsafe_xml`` (XML
            entity declarations, a "billion laughs" file), ``signature_missing``,
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
    except READ_ERRORS as error:
        raise _unreadable(file_name, error) from error
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
    except WorkbookRefused:
        raise
    except READ_ERRORS as error:
        # A read-only workbook parses each sheet while its rows are read.
        raise _unreadable(file_name, error) from error
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


def _unreadable(file_name: str, error: BaseException) -> WorkbookRefused:
    if declares_entities(error):
        return WorkbookRefused(
            "unsafe_xml",
            _(
                "%(file)s declares XML entities, which an Excel workbook never does "
                "(they can expand to gigabytes); it is refused. Download a new workbook."
            ),
            {"file": file_name},
        )
    return WorkbookRefused(
        "not_a_workbook", _("%(file)s is not a readable Excel workbook."), {"file": file_name}
    )


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
    if not hmac.compare_digest(sign(key, payload), mac):
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
        if row_digest(columns, values) != digests[index]:
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
    "text": lambda _key, raw: cells.text(raw),
    "choice": _parse_choice,
    "number": lambda _key, raw: cells.parse_number(raw),
    "percent": lambda _key, raw: cells.parse_percent(raw),
    "date": lambda _key, raw: cells.parse_date(raw),
}
