"""The plan interchange format as an Excel workbook, for people.

The workbook carries exactly what the JSON form carries, one sheet per part of
the plan, with Azerbaijani column headings (English beneath them in a comment).
Reading it back builds the interchange dictionary and validates it with the
same schema, so a workbook and its JSON twin always agree.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.spreadsheets import READ_ERRORS, declares_entities, write_cell
from hedef.domain.plans import interchange
from hedef.domain.plans.model import Strategy

__all__ = ["plan_from_workbook", "plan_to_workbook"]

LIST_SEPARATOR = ", "

# sheet name -> [(field key, Azerbaijani heading, English heading)]
SHEETS: dict[str, list[tuple[str, str, str]]] = {
    "Strategiya": [("key", "Sahə", "Field"), ("value", "Dəyər", "Value")],
    "Akronimlər": [("acronym", "Akronim", "Acronym"), ("name", "Tam adı", "Full name")],
    "Məqsədlər": [
        ("number", "Nömrə", "Number"),
        ("title", "Adı", "Title"),
        ("parent", "Üst bənd", "Parent"),
    ],
    "İstiqamətlər": [
        ("number", "Nömrə", "Number"),
        ("title", "Adı", "Title"),
        ("parent", "Üst bənd", "Parent"),
    ],
    "Tədbirlər": [
        ("number", "Nömrə", "Number"),
        ("parent", "Üst bənd", "Parent"),
        ("title", "Tədbirin adı", "Title"),
        ("lead", "Əsas icraçı", "Lead executors"),
        ("co_executors", "Digər icraçılar", "Other executors"),
        ("period.start", "Başlanğıc ili", "First year"),
        ("period.end", "Son il", "Last year"),
        ("period.text", "İcra müddəti", "Period as written"),
        ("results.initial", "İlkin nəticələr", "Initial results"),
        ("results.interim", "Aralıq nəticələr", "Interim results"),
        ("results.final", "Yekun nəticələr", "Final results"),
        ("notes", "Qeydlər", "Notes"),
    ],
    "Rəqəmsal hədəflər": [
        ("measure", "Tədbir", "Measure"),
        ("stage", "Mərhələ", "Stage"),
        ("comparator", "Müqayisə", "Comparator"),
        ("value", "Dəyər", "Value"),
        ("upper", "Yuxarı hədd", "Upper bound"),
        ("unit", "Vahid", "Unit"),
        ("phrase", "İfadə", "Phrase"),
    ],
    "Göstəricilər": [
        ("number", "Nömrə", "Number"),
        ("name", "Göstərici", "Indicator"),
        ("unit", "Ölçü vahidi", "Unit"),
        ("direction", "İstiqamət", "Direction"),
        ("baseline.value", "Baza dəyəri", "Baseline value"),
        ("baseline.year", "Baza ili", "Baseline year"),
        ("cumulative", "Kumulyativ", "Cumulative"),
        ("responsible", "Məsul qurum", "Responsible"),
        ("data_source", "Məlumat mənbəyi", "Data source"),
    ],
    "İllik hədəflər": [
        ("indicator", "Göstərici", "Indicator"),
        ("year", "İl", "Year"),
        ("value", "Hədəf", "Target"),
    ],
}
STRATEGY_FIELDS = [
    "format",
    "format_version",
    "code",
    "title",
    "period_start",
    "period_end",
    "version_label",
    "source_file_name",
    "source_sha256",
    "act_kind",
    "act_number",
    "act_date",
    "notes",
]


class WorkbookError(interchange.InterchangeError):
    """A workbook that cannot be read; the location names sheet, row and column."""


def plan_to_workbook(plan: Strategy) -> bytes:
    data = interchange.plan_to_dict(plan)
    book = Workbook()
    for default_sheet in list(book.worksheets):
        book.remove(default_sheet)
    info = data["strategy"]
    source = info["source"] or {}
    act = info["act"] or {}
    strategy_rows = [
        {"key": "format", "value": data["format"]},
        {"key": "format_version", "value": data["format_version"]},
        {"key": "code", "value": info["code"]},
        {"key": "title", "value": info["title"]},
        {"key": "period_start", "value": info["period"][0]},
        {"key": "period_end", "value": info["period"][1]},
        {"key": "version_label", "value": info["version_label"]},
        {"key": "source_file_name", "value": source.get("file_name")},
        {"key": "source_sha256", "value": source.get("sha256")},
        {"key": "act_kind", "value": act.get("kind")},
        {"key": "act_number", "value": act.get("number")},
        {"key": "act_date", "value": act.get("date")},
        {"key": "notes", "value": info["notes"]},
    ]
    rows: dict[str, list[dict[str, Any]]] = {
        "Strategiya": strategy_rows,
        "Akronimlər": data["agencies"],
        "Məqsədlər": data["goals"],
        "İstiqamətlər": data["directions"],
        "Tədbirlər": [_flatten_measure(m) for m in data["measures"]],
        "Rəqəmsal hədəflər": [
            {"measure": m["number"], **t} for m in data["measures"] for t in m["targets"]
        ],
        "Göstəricilər": [_flatten_indicator(i) for i in data["indicators"]],
        "İllik hədəflər": [
            {"indicator": i["number"], "year": int(year), "value": value}
            for i in data["indicators"]
            for year, value in i["targets"].items()
        ],
    }
    for name, columns in SHEETS.items():
        _write_sheet(book.create_sheet(name), columns, rows[name])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _flatten_measure(measure: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": measure["number"],
        "parent": measure["parent"],
        "title": measure["title"],
        "lead": LIST_SEPARATOR.join(measure["lead"]),
        "co_executors": LIST_SEPARATOR.join(measure["co_executors"]),
        "period.start": measure["period"]["start"],
        "period.end": measure["period"]["end"],
        "period.text": measure["period"]["text"],
        "results.initial": measure["results"]["initial"],
        "results.interim": measure["results"]["interim"],
        "results.final": measure["results"]["final"],
        "notes": measure["notes"],
    }


def _flatten_indicator(indicator: dict[str, Any]) -> dict[str, Any]:
    baseline = indicator["baseline"] or {}
    return {
        "number": indicator["number"],
        "name": indicator["name"],
        "unit": indicator["unit"],
        "direction": indicator["direction"],
        "baseline.value": baseline.get("value"),
        "baseline.year": baseline.get("year"),
        "cumulative": "bəli" if indicator["cumulative"] else "xeyr",
        "responsible": indicator["responsible"],
        "data_source": indicator["data_source"],
    }


def _write_sheet(
    sheet: Worksheet, columns: list[tuple[str, str, str]], rows: list[dict[str, Any]]
) -> None:
    for index, (_key, heading, english) in enumerate(columns, start=1):
        cell = write_cell(sheet, 1, index, heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.comment = Comment(english, "Hədəf")
        sheet.column_dimensions[get_column_letter(index)].width = 14 if index > 1 else 12
    for key_index, (key, _heading, _english) in enumerate(columns, start=1):
        if key in {"title", "name", "results.initial", "results.interim", "results.final"}:
            sheet.column_dimensions[get_column_letter(key_index)].width = 50
    for row_index, row in enumerate(rows, start=2):
        for index, (key, _heading, _english) in enumerate(columns, start=1):
            value_cell = write_cell(sheet, row_index, index, row.get(key))
            value_cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def plan_from_workbook(data: bytes) -> Strategy:
    """Read a plan workbook; errors name the sheet, row and column at fault."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        missing = [name for name in SHEETS if name not in book.sheetnames]
        if missing:
            raise WorkbookError(
                _("The workbook has no sheet named “%(sheet)s”.") % {"sheet": missing[0]}
            )
        # A read-only workbook parses each sheet while its rows are read.
        sheets = {
            name: list(_read_sheet(book[name], name, columns)) for name, columns in SHEETS.items()
        }
    except WorkbookError:
        raise
    except READ_ERRORS as error:
        if declares_entities(error):
            raise WorkbookError(
                _(
                    "The workbook declares XML entities, which an Excel workbook never does "
                    "(they can expand to gigabytes); it is refused."
                )
            ) from error
        raise WorkbookError(_("The file is not a readable Excel workbook.")) from error
    info = {row["key"]: row["value"] for _, row in sheets["Strategiya"]}
    unknown = set(info) - set(STRATEGY_FIELDS)
    if unknown:
        raise WorkbookError(
            _("Unknown field “%(field)s”.") % {"field": sorted(unknown)[0]}, "Strategiya"
        )
    targets = _group(sheets["Rəqəmsal hədəflər"], "measure", "Rəqəmsal hədəflər")
    yearly = _group(sheets["İllik hədəflər"], "indicator", "İllik hədəflər")
    source = None
    if info.get("source_sha256"):
        source = {"file_name": _text(info.get("source_file_name")), "sha256": info["source_sha256"]}
    act = None
    if info.get("act_kind"):
        act = {
            "kind": _text(info["act_kind"]),
            "number": _optional_text(info.get("act_number")),
            "date": _optional_text(info.get("act_date")),
        }
    document = {
        "format": info.get("format"),
        "format_version": _optional_text(info.get("format_version")),
        "strategy": {
            "code": _text(info.get("code")),
            "title": _text(info.get("title")),
            "period": [
                _int(info.get("period_start"), "Strategiya", "period_start"),
                _int(info.get("period_end"), "Strategiya", "period_end"),
            ],
            "version_label": _text(info.get("version_label")),
            "source": source,
            "act": act,
            "notes": _text(info.get("notes")),
        },
        "agencies": [
            {"acronym": _text(r["acronym"]), "name": _text(r["name"])}
            for _, r in sheets["Akronimlər"]
        ],
        "goals": [_node(r) for _, r in sheets["Məqsədlər"]],
        "directions": [_node(r) for _, r in sheets["İstiqamətlər"]],
        "indicators": [
            _indicator(row, place, yearly.get(_text(row["number"]), []))
            for place, row in sheets["Göstəricilər"]
        ],
        "measures": [
            _measure(row, place, targets.get(_text(row["number"]), []))
            for place, row in sheets["Tədbirlər"]
        ],
    }
    try:
        return interchange.plan_from_dict(document)
    except interchange.InterchangeError as error:
        raise WorkbookError(error.message, error.location) from error


def _read_sheet(
    sheet: Any, name: str, columns: list[tuple[str, str, str]]
) -> Iterator[tuple[str, dict[str, Any]]]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
    positions: dict[str, int] = {}
    for key, heading, english in columns:
        for index, found in enumerate(header):
            if found in {heading, english}:
                positions[key] = index
                break
        else:
            raise WorkbookError(
                _("Column “%(column)s” is missing.") % {"column": heading}, f"{name}!1"
            )
    for row_number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        row = {
            key: values[index] if index < len(values) else None for key, index in positions.items()
        }
        yield f"{name}!{row_number}", row


def _group(
    rows: list[tuple[str, dict[str, Any]]], key: str, sheet: str
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    grouped: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for place, row in rows:
        grouped.setdefault(_text(row[key]), []).append((place, row))
    return grouped


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _optional_text(value: Any) -> str | None:
    text = _text(value)
    return text or None


def _int(value: Any, place: str, column: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not number.is_integer():
        raise WorkbookError(
            _("“%(value)s” is not a whole number.") % {"value": value}, f"{place}, {column}"
        )
    return int(number)


def _number(value: Any, place: str, column: str) -> float | int | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError as error:
        raise WorkbookError(
            _("“%(value)s” is not a number.") % {"value": value}, f"{place}, {column}"
        ) from error
    return int(number) if number.is_integer() else number


def _list(value: Any) -> list[str]:
    return [part.strip() for part in _text(value).split(",") if part.strip()]


def _node(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": _text(row["number"]),
        "title": _text(row["title"]),
        "parent": _optional_text(row["parent"]),
    }


def _measure(
    row: dict[str, Any], place: str, targets: list[tuple[str, dict[str, Any]]]
) -> dict[str, Any]:
    return {
        "number": _text(row["number"]),
        "title": _text(row["title"]),
        "parent": _optional_text(row["parent"]),
        "lead": _list(row["lead"]),
        "co_executors": _list(row["co_executors"]),
        "period": {
            "start": _int(row["period.start"], place, "period.start"),
            "end": _int(row["period.end"], place, "period.end"),
            "text": _text(row["period.text"]),
        },
        "results": {
            "initial": _text(row["results.initial"]),
            "interim": _text(row["results.interim"]),
            "final": _text(row["results.final"]),
        },
        "targets": [
            {
                "stage": _text(t["stage"]),
                "comparator": _text(t["comparator"]),
                "value": _number(t["value"], tp, "value"),
                "upper": _number(t["upper"], tp, "upper"),
                "unit": _text(t["unit"]),
                "phrase": _text(t["phrase"]),
            }
            for tp, t in targets
        ],
        "notes": _text(row["notes"]),
    }


def _indicator(
    row: dict[str, Any], place: str, yearly: list[tuple[str, dict[str, Any]]]
) -> dict[str, Any]:
    baseline_value = _number(row["baseline.value"], place, "baseline.value")
    cumulative = _text(row["cumulative"]).strip().lower()
    if cumulative not in {"bəli", "xeyr", "yes", "no", "true", "false", ""}:
        raise WorkbookError(
            _("Write “bəli” or “xeyr”, not “%(value)s”.") % {"value": row["cumulative"]},
            f"{place}, cumulative",
        )
    return {
        "number": _text(row["number"]),
        "name": _text(row["name"]),
        "unit": _text(row["unit"]),
        "direction": _text(row["direction"]) or "higher_is_better",
        "baseline": (
            {"value": baseline_value, "year": _int(row["baseline.year"], place, "baseline.year")}
            if baseline_value is not None
            else None
        ),
        "targets": {
            str(_int(t["year"], tp, "year")): _number(t["value"], tp, "value") for tp, t in yearly
        },
        "cumulative": cumulative in {"bəli", "yes", "true"},
        "responsible": _optional_text(row["responsible"]),
        "data_source": _text(row["data_source"]),
    }
