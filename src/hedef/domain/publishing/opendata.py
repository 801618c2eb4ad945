"""Open data: a published snapshot as CSV, JSON, XLSX and SDMX-CSV with a Frictionless descriptor.

A snapshot is the plain data the portal shows for one published cycle (see
``SNAPSHOT_SHAPE`` below). Every download is derived from it here, so the files,
the portal and the API can never disagree.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from hedef.domain.core.spreadsheets import csv_text, write_row

__all__ = [
    "CSV_NOTE",
    "LICENSE",
    "TABLES",
    "DataTable",
    "datapackage",
    "sdmx_csv",
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


@dataclass(frozen=True)
class DataTable:
    name: str
    title: str
    fields: tuple[tuple[str, str, str], ...]  # (name, Frictionless type, description)
    rows: tuple[tuple[Any, ...], ...]


TABLES = ("measures", "indicator_values", "agencies")


def snapshot_tables(snapshot: dict[str, Any]) -> tuple[DataTable, ...]:
    """The snapshot as flat tables, one row per measure, indicator-year and agency."""
    measures = []
    values = []
    for strategy in snapshot["strategies"]:
        for m in strategy["measures"]:
            measures.append(
                (
                    strategy["code"],
                    m["number"],
                    m["title"],
                    "; ".join(m["lead"]),
                    "; ".join(m["co_executors"]),
                    m["period_text"],
                    m.get("status") or "",
                    m.get("stage") or "",
                    m.get("percent"),
                )
            )
        for i in strategy["indicators"]:
            observed = {str(o["period"]): o["value"] for o in i.get("observations", [])}
            periods = sorted(set(i["targets"]) | set(observed))
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
                    )
                )
    agencies = [
        (a["code"], a["acronym"], a["name"], a["as_lead"], a["as_co"], a.get("on_time_share"))
        for a in snapshot["agencies"]
    ]
    return (
        DataTable(
            "measures",
            "Measures and their status",
            (
                ("strategy", "string", "Strategy code"),
                ("number", "string", "Measure number in the action plan"),
                ("title", "string", "Measure title as in the document"),
                ("lead", "string", "Lead executors, separated by ';'"),
                ("co_executors", "string", "Other executors, separated by ';'"),
                ("period", "string", "Period as written; 'mütəmadi' means ongoing"),
                ("status", "string", "Schedule-aware status at publication"),
                ("stage", "string", "Stage reached: initial, interim or final"),
                ("percent_complete", "number", "Percent complete as reported"),
            ),
            tuple(measures),
        ),
        DataTable(
            "indicator_values",
            "Headline indicators: targets and actual values",
            (
                ("strategy", "string", "Strategy code"),
                ("indicator", "string", "Indicator number"),
                ("name", "string", "Indicator name"),
                ("unit", "string", "Unit of measure"),
                ("period", "string", "Year, or year and half (2026-S1)"),
                ("target", "number", "Target for the period"),
                ("actual", "number", "Accepted value for the period"),
            ),
            tuple(values),
        ),
        DataTable(
            "agencies",
            "Agencies and their obligations",
            (
                ("code", "string", "Agency code in the registry"),
                ("acronym", "string", "Usual acronym"),
                ("name", "string", "Name"),
                ("measures_as_lead", "integer", "Measures as lead executor"),
                ("measures_as_co_executor", "integer", "Measures as other executor"),
                ("on_time_share", "number", "Share of reports submitted by the due date"),
            ),
            tuple(agencies),
        ),
    )


def _cell(value: Any) -> str:
    """A CSV cell: numbers as numbers, text neutralised against formulas (see ``spreadsheets``)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value == value else ""
    if isinstance(value, int):
        return str(value)
    return csv_text(str(value))


def table_csv(table: DataTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _type, _description in table.fields])
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def tables_xlsx(tables: tuple[DataTable, ...], snapshot: dict[str, Any]) -> bytes:
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
    for table in tables:
        sheet = book.create_sheet(table.name)
        for cell in write_row(sheet, 1, [name for name, _type, _description in table.fields]):
            cell.font = Font(bold=True)
        for number, row in enumerate(table.rows, start=2):
            write_row(sheet, number, row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sdmx_csv(snapshot: dict[str, Any], *, agency_id: str = "AZ_HEDEF") -> str:
    """Indicator observations in SDMX-CSV (version 1): one row per observation."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["DATAFLOW", "REF_AREA", "STRATEGY", "INDICATOR", "SERIES", "TIME_PERIOD",
         "OBS_VALUE", "UNIT_MEASURE"]
    )  # fmt: skip
    flow = f"{agency_id}:DIGITAL_STRATEGIES(1.0)"
    for strategy in snapshot["strategies"]:
        for indicator in strategy["indicators"]:
            for year, value in sorted(indicator["targets"].items()):
                writer.writerow(
                    [flow, "AZ", _cell(strategy["code"]), _cell(indicator["number"]), "TARGET",
                     _cell(year), _cell(value), _cell(indicator["unit"])]
                )  # fmt: skip
            for observation in indicator.get("observations", []):
                writer.writerow(
                    [flow, "AZ", _cell(strategy["code"]), _cell(indicator["number"]), "ACTUAL",
                     _cell(observation["period"]), _cell(observation["value"]),
                     _cell(indicator["unit"])]
                )  # fmt: skip
    return buffer.getvalue()


def datapackage(snapshot: dict[str, Any], tables: tuple[DataTable, ...], *, base: str) -> str:
    """A Frictionless Data Package descriptor listing every download of the snapshot."""
    cycle = snapshot["cycle"]
    descriptor = {
        "profile": "tabular-data-package",
        "name": f"hedef-{cycle['key']}",
        "title": f"Hədəf — {cycle['label']}",
        "description": "Published state of Azerbaijan's digital-development strategies: "
        "measures with their status, headline indicators with targets and actual values, "
        "and the agencies that execute them. " + CSV_NOTE,
        "version": cycle["key"],
        "created": cycle["published_at"],
        "licenses": [LICENSE],
        "sources": [{"title": "Hədəf monitoring platform"}],
        "resources": [
            {
                "name": table.name,
                "title": table.title,
                "path": f"{base}{table.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": description}
                        for name, kind, description in table.fields
                    ]
                },
            }
            for table in tables
        ]
        + [
            {
                "name": "indicator_values_sdmx",
                "path": f"{base}indicator_values.sdmx.csv",
                "format": "csv",
                "mediatype": "application/vnd.sdmx.data+csv;version=1.0.0",
            },
            {"name": "snapshot", "path": f"{base}snapshot.json", "format": "json"},
            {"name": "workbook", "path": f"{base}hedef.xlsx", "format": "xlsx"},
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=2)
