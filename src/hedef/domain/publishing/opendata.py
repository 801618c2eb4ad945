"""Open data: a published snapshot as CSV, JSON, XLSX and SDMX-CSV with a Frictionless descriptor.

A snapshot is the plain data the portal shows for one published cycle (see
``SNAPSHOT_SHAPE`` below). Every download is derived from it here, so the files,
the portal and the API can never disagree.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from hedef.domain.core.spreadsheets import csv_text, write_row
from hedef.domain.evaluation.statuses import (
    MEASURE_STATUS_ORDER,
    PROGRESS_STATUS_ORDER,
    stage_label,
    status_label,
)

STAGES = ("initial", "interim", "final")

__all__ = [
    "CODES",
    "CSV_NOTE",
    "LANGUAGES",
    "LICENSE",
    "TABLES",
    "DataTable",
    "Field",
    "code_labels",
    "datapackage",
    "file_names",
    "sdmx_csv",
    "sdmx_unit",
    "snapshot_tables",
    "table_csv",
    "tables_xlsx",
]

# The snapshot as the publishing shell builds it (keys used here):
SNAPSHOT_SHAPE = """
{"cycle": {"key", "label", "kind", "period_start", "period_end", "published_at", "audit_head"},
 "strategies": [{"code", "title", "period": [y0, y1],
   "measures": [{"number", "title", "lead": [..], "co_executors": [..], "period_text",
                 "status", "stage", "percent"}],
   "indicators": [{"number", "name", "unit", "direction", "baseline": {"value", "year"} | null,
                   "targets": {"2026": 50}, "observations": [{"period", "year", "value"}],
                   "attainment", "progress_status"}]}],
 "agencies": [{"code", "acronym", "name", "as_lead", "as_co", "on_time_share"}]}
"""

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


# How the CSV files differ from the data: said in the descriptor and on the open-data page.
CSV_NOTE = (
    "In the CSV files, a text value that starts with =, +, -, @, a tab or a carriage "
    "return is written with a leading apostrophe (') so that spreadsheet programs do "
    "not run it as a formula; numbers are written unchanged. The JSON and XLSX files "
    "carry the text as it is."
)


class Field(NamedTuple):
    """A column of an open-data table, as its Frictionless schema describes it."""

    name: str
    type: str  # Frictionless type
    description: str
    codes: str | None = None  # the codebook entry listing the allowed values


@dataclass(frozen=True)
class DataTable:
    name: str
    title: str
    fields: tuple[Field, ...]
    rows: tuple[tuple[Any, ...], ...]


TABLES = ("measures", "indicator_values", "agencies", "codebook")
LANGUAGES = ("az", "en", "ru")
# Coded columns: the codebook entry (table.field) and its codes, in display order.
CODES: dict[str, tuple[str, ...]] = {
    "measures.status": MEASURE_STATUS_ORDER,
    "measures.stage": STAGES,
    "snapshot.progress_status": PROGRESS_STATUS_ORDER,
}
Labels = Mapping[str, Mapping[str, Mapping[str, str]]]  # language → entry → code → label


def code_labels() -> dict[str, dict[str, str]]:
    """Every codebook entry's labels in the active language (see ``domain.core.i18n``)."""
    return {
        entry: {code: stage_label(code) if entry.endswith(".stage") else status_label(code)
                for code in codes}
        for entry, codes in CODES.items()
    }  # fmt: skip


def snapshot_tables(
    snapshot: dict[str, Any], labels: Labels | None = None
) -> tuple[DataTable, ...]:
    """The snapshot as flat tables, one row per measure, indicator-period and agency.

    ``labels`` gives the codebook's labels per language (``LANGUAGES``); a label
    left out is the active language's. The measures' ``status_label`` is
    the Azerbaijani label.
    """
    current = code_labels()
    given = labels or {}
    by_language = {
        lang: {
            entry: {**codes, **given.get(lang, {}).get(entry, {})}
            for entry, codes in current.items()
        }
        for lang in LANGUAGES
    }
    status_az = by_language["az"]["measures.status"]
    measures = []
    values = []
    for strategy in snapshot["strategies"]:
        for m in strategy["measures"]:
            status = m.get("status") or ""
            measures.append(
                (
                    strategy["code"],
                    m["number"],
                    m["title"],
                    "; ".join(m["lead"]),
                    "; ".join(m["co_executors"]),
                    m["period_text"],
                    status,
                    m.get("stage") or "",
                    m.get("percent"),
                    status_az.get(status, status),
                )
            )
        for i in strategy["indicators"]:
            observed = {str(o["period"]): o["value"] for o in i.get("observations", [])}
            periods = sorted(set(i["targets"]) | set(observed))
            unit, multiplier = sdmx_unit(i["unit"])
            for period in periods:
                values.append(
                    (
                        strategy["code"],
                        i["number"],
                        i["name"],
                        i["unit"],
                        period,
                        i["targets"].get(period),
                        observed.get(period),
                        unit,
                        multiplier,
                    )
                )
    agencies = [
        (a["code"], a["acronym"], a["name"], a["as_lead"], a["as_co"], a.get("on_time_share"))
        for a in snapshot["agencies"]
    ]
    codebook = [
        (entry, code, *(by_language[lang][entry].get(code, code) for lang in LANGUAGES))
        for entry, codes in CODES.items()
        for code in codes
    ]
    # New columns go at the end of a table: readers that take columns by position keep working.
    return (
        DataTable(
            "measures",
            "Measures and their status",
            (
                Field("strategy", "string", "Strategy code"),
                Field("number", "string", "Measure number in the action plan"),
                Field("title", "string", "Measure title as in the document"),
                Field("lead", "string", "Lead executors, separated by ';'"),
                Field("co_executors", "string", "Other executors, separated by ';'"),
                Field("period", "string", "Period as written; 'mütəmadi' means ongoing"),
                Field(
                    "status",
                    "string",
                    "Schedule-aware status at publication (codebook)",
                    "measures.status",
                ),
                Field(
                    "stage",
                    "string",
                    "Stage reached: initial, interim or final (codebook)",
                    "measures.stage",
                ),
                Field("percent_complete", "number", "Percent complete as reported"),
                Field("status_label", "string", "The status in words, in Azerbaijani"),
            ),
            tuple(measures),
        ),
        DataTable(
            "indicator_values",
            "Headline indicators: targets and actual values",
            (
                Field("strategy", "string", "Strategy code"),
                Field("indicator", "string", "Indicator number"),
                Field("name", "string", "Indicator name"),
                Field("unit", "string", "Unit of measure as in the plan"),
                Field("period", "string", "Year, or year and half (2026-S1)"),
                Field("target", "number", "Target for the period"),
                Field("actual", "number", "Accepted value for the period"),
                Field("unit_code", "string", "The unit as an SDMX UNIT_MEASURE code"),
                Field("unit_multiplier", "integer", "SDMX UNIT_MULT: values are × 10^this"),
            ),
            tuple(values),
        ),
        DataTable(
            "agencies",
            "Agencies and their obligations",
            (
                Field("code", "string", "Agency code in the registry"),
                Field("acronym", "string", "Usual acronym"),
                Field("name", "string", "Name"),
                Field("measures_as_lead", "integer", "Measures as lead executor"),
                Field("measures_as_co_executor", "integer", "Measures as other executor"),
                Field("on_time_share", "number", "Share of reports submitted by the due date"),
            ),
            tuple(agencies),
        ),
        DataTable(
            "codebook",
            "Codebook: every code of a coded column, with its labels",
            (
                Field("field", "string", "The coded column, as table.column"),
                Field("code", "string", "The code as written in the data"),
                *(
                    Field(f"label_{lang}", "string", f"Label in {name}")
                    for lang, name in zip(
                        LANGUAGES, ("Azerbaijani", "English", "Russian"), strict=True
                    )
                ),
            ),
            tuple(codebook),
        ),
    )


# Plan units as SDMX UNIT_MEASURE codes (SDMX global codelist CL_UNIT_MEASURE) and
# UNIT_MULT powers of ten; a unit not listed is "_X" (not specified), multiplier 0.
_UNITS: dict[str, tuple[str, int]] = {
    "%": ("PT", 0),
    "faiz": ("PT", 0),
    "ədəd": ("NUMBER", 0),
    "nəfər": ("PS", 0),
    "manat": ("AZN", 0),
    "min manat": ("AZN", 3),
    "AZN": ("AZN", 0),
    "mln AZN": ("AZN", 6),
    "mln manat": ("AZN", 6),
    "milyon manat": ("AZN", 6),
    "mlrd manat": ("AZN", 9),
    "milyard manat": ("AZN", 9),
    "ABŞ dolları": ("USD", 0),
    "mln ABŞ dolları": ("USD", 6),
    "gün": ("DAY", 0),
    "saat": ("HOUR", 0),
    "il": ("YR", 0),
    "bal": ("PTS", 0),
    "indeks": ("IX", 0),
    "yer": ("RANK", 0),
}


def sdmx_unit(unit: str) -> tuple[str, int]:
    """The SDMX UNIT_MEASURE code and UNIT_MULT of a plan's unit ("mln manat" → AZN, 6)."""
    key = " ".join(unit.replace(".", " ").split())
    return _UNITS.get(key) or _UNITS.get(key.lower()) or ("_X", 0)


def _cell(value: Any) -> str:
    """A CSV cell: numbers as numbers, text neutralised against formulas (see ``spreadsheets``)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value == value else ""
    if isinstance(value, int):
        return str(value)
    return csv_text(str(value))


def table_csv(table: DataTable, *, bom: bool = False) -> str:
    """The table as CSV (RFC 4180, UTF-8); with ``bom``, a leading byte-order mark.

    Excel on Windows reads a CSV file without a byte-order mark in the system's
    code page, which garbles ə, ş and ğ; the ``.excel.csv`` variant carries one.
    """
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([field.name for field in table.fields])
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


_NUMBER_FORMATS = {"integer": "0", "number": "General"}
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def tables_xlsx(tables: tuple[DataTable, ...], snapshot: dict[str, Any]) -> bytes:
    """A workbook: an ``about`` sheet, then one sheet per table.

    Numbers are number cells (never text), text is text (never a formula), the
    header row is bold and frozen, and each column is as wide as its longest
    value (within bounds), so the sheet is readable when opened.
    """
    book = Workbook()
    info = book.active
    assert info is not None
    info.title = "about"
    cycle = snapshot["cycle"]
    for number, row in enumerate(
        (
            ("Hədəf open data",),
            ("cycle", cycle["label"]),
            ("published", cycle["published_at"]),
            ("licence", LICENSE["title"], LICENSE["path"]),
        ),
        start=1,
    ):
        write_row(info, number, row)
    _fit_widths(info, [[c.value for c in r] for r in info.iter_rows()])
    for table in tables:
        sheet = book.create_sheet(table.name)
        for cell in write_row(sheet, 1, [field.name for field in table.fields]):
            cell.font = Font(bold=True)
        kinds = [field.type for field in table.fields]
        for number, row in enumerate(table.rows, start=2):
            for cell, kind in zip(write_row(sheet, number, row), kinds, strict=True):
                if kind in _NUMBER_FORMATS and isinstance(cell.value, int | float):
                    cell.number_format = _NUMBER_FORMATS[kind]
        sheet.freeze_panes = "A2"
        _fit_widths(sheet, [[f.name for f in table.fields], *table.rows])
    # The same snapshot gives the same bytes: the document's dates and every
    # archive member's time are the publication's, not the moment of writing.
    published = _published_at(cycle.get("published_at"))
    book.properties.created = book.properties.modified = published
    buffer = io.BytesIO()
    with _DatedZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.date_time = published.timetuple()[:6]
        ExcelWriter(book, archive).save()
    return buffer.getvalue()


def _published_at(text: str | None) -> datetime.datetime:
    """The publication time in UTC, naive as openpyxl wants it (1980 when unknown)."""
    try:
        moment = datetime.datetime.fromisoformat(text or "")
    except ValueError:
        return datetime.datetime(1980, 1, 1)
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return max(moment, datetime.datetime(1980, 1, 1))


class _DatedZipFile(zipfile.ZipFile):
    """A zip archive whose every member carries ``date_time`` (not the time of writing)."""

    date_time: tuple[int, ...] = (1980, 1, 1, 0, 0, 0)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.date_time)  # type: ignore[arg-type]
            info.compress_type = self.compression
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl writes each worksheet from a temporary file.
        with open(filename, "rb") as handle:
            self.writestr(str(arcname or filename), handle.read(), compress_type, compresslevel)


def _fit_widths(sheet: Any, rows: list[Any]) -> None:
    widths: dict[int, int] = {}
    for row in rows:
        for column, value in enumerate(row, start=1):
            length = len(str(value)) if value is not None else 0
            widths[column] = max(widths.get(column, 0), length)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH)


SDMX_COLUMNS = (
    "DATAFLOW", "REF_AREA", "STRATEGY", "INDICATOR", "SERIES", "TIME_PERIOD", "OBS_VALUE",
    "UNIT_MEASURE", "UNIT_MULT",
)  # fmt: skip


def sdmx_csv(snapshot: dict[str, Any], *, agency_id: str = "AZ_HEDEF") -> str:
    """Indicator observations in SDMX-CSV (version 1): one row per observation.

    ``UNIT_MEASURE`` is a code of the SDMX unit codelist and ``UNIT_MULT`` the
    power of ten the values are in (see :func:`sdmx_unit`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SDMX_COLUMNS)
    flow = f"{agency_id}:DIGITAL_STRATEGIES(1.0)"
    for strategy in snapshot["strategies"]:
        for indicator in strategy["indicators"]:
            unit, multiplier = sdmx_unit(indicator["unit"])
            series = [
                ("TARGET", year, value) for year, value in sorted(indicator["targets"].items())
            ] + [("ACTUAL", o["period"], o["value"]) for o in indicator.get("observations", [])]
            for kind, period, value in series:
                writer.writerow(
                    [flow, "AZ", _cell(strategy["code"]), _cell(indicator["number"]), kind,
                     _cell(period), _cell(value), unit, multiplier]
                )  # fmt: skip
    return buffer.getvalue()


_SDMX_FIELDS = (
    Field("DATAFLOW", "string", "Dataflow: agency, id and version"),
    Field("REF_AREA", "string", "Reference area (ISO 3166 alpha-2)"),
    Field("STRATEGY", "string", "Strategy code"),
    Field("INDICATOR", "string", "Indicator number"),
    Field("SERIES", "string", "TARGET or ACTUAL"),
    Field("TIME_PERIOD", "string", "Year, or year and half (2026-S1)"),
    Field("OBS_VALUE", "number", "The value"),
    Field("UNIT_MEASURE", "string", "SDMX unit code"),
    Field("UNIT_MULT", "integer", "Power of ten of the values"),
)


def file_names(tables: tuple[DataTable, ...] | None = None) -> tuple[str, ...]:
    """Every file of a publication, in the order the open-data page lists them."""
    names = [table.name for table in tables] if tables else list(TABLES)
    return (
        *(f"{name}.csv" for name in names),
        *(f"{name}.excel.csv" for name in names),
        "indicator_values.sdmx.csv",
        "snapshot.json",
        "hedef.xlsx",
        "datapackage.json",
    )


def _schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    described = []
    for field in fields:
        item: dict[str, Any] = {
            "name": field.name,
            "type": field.type,
            "description": field.description,
        }
        if field.codes:
            item["constraints"] = {"enum": list(CODES[field.codes])}
        described.append(item)
    return {"fields": described, "missingValues": [""]}


def datapackage(snapshot: dict[str, Any], tables: tuple[DataTable, ...]) -> str:
    """A Frictionless Data Package descriptor listing every download of the snapshot.

    Paths are relative to the descriptor (the files sit beside it, on the portal
    and in an export), as the specification requires of a safe path. The package
    is a plain ``data-package``: it holds JSON and a workbook besides its tables;
    each CSV file and each sheet of the workbook is a tabular resource with its
    schema, so a validator checks every value, and every code against the codebook.
    """
    cycle = snapshot["cycle"]
    resources: list[dict[str, Any]] = []
    for table in tables:
        common = {"title": table.title, "profile": "tabular-data-resource"}
        schema = _schema(table.fields)
        resources.append(
            {"name": table.name, "path": f"{table.name}.csv", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", **common, "schema": schema}
        )  # fmt: skip
        resources.append(
            {"name": f"{table.name}_excel", "path": f"{table.name}.excel.csv", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8-sig", **common,
             "description": "The same table with a byte-order mark, for Excel on Windows.",
             "schema": schema}
        )  # fmt: skip
    resources.append(
        {"name": "indicator_values_sdmx", "path": "indicator_values.sdmx.csv", "format": "csv",
         "mediatype": "application/vnd.sdmx.data+csv;version=1.0.0", "encoding": "utf-8",
         "profile": "tabular-data-resource", "schema": _schema(_SDMX_FIELDS)}
    )  # fmt: skip
    resources.append(
        {"name": "snapshot", "path": "snapshot.json", "format": "json",
         "mediatype": "application/json", "encoding": "utf-8", "profile": "data-resource",
         "type": "json", "description": "The whole published snapshot, as the portal reads it."}
    )  # fmt: skip
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    resources.append(
        {"name": "workbook", "path": "hedef.xlsx", "format": "xlsx", "mediatype": xlsx,
         "profile": "data-resource", "type": "file",
         "description": "Every table as a sheet, after an 'about' sheet."}
    )  # fmt: skip
    for table in tables:
        resources.append(
            {"name": f"workbook_{table.name}", "title": table.title, "path": "hedef.xlsx",
             "format": "xlsx", "mediatype": xlsx, "profile": "tabular-data-resource",
             "dialect": {"excel": {"sheet": table.name}},
             "schema": _schema(table.fields)}
        )  # fmt: skip
    descriptor = {
        "profile": "data-package",
        "name": f"hedef-{cycle['key']}",
        "title": f"Hədəf — {cycle['label']}",
        "description": "Published state of Azerbaijan's digital-development strategies: "
        "measures with their status, headline indicators with targets and actual values, "
        "and the agencies that execute them. " + CSV_NOTE,
        "version": cycle["key"],
        "created": cycle["published_at"],
        "licenses": [LICENSE],
        "sources": [{"title": "Hədəf monitoring platform"}],
        "resources": resources,
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=2)
