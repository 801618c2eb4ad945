"""The plan interchange format: canonical JSON, schema validation, Excel twin."""

import copy
import dataclasses
import io
import json

import pytest
from openpyxl import load_workbook

from hedef.domain.plans import interchange
from hedef.domain.plans.files import PlanFileError, read_plan_file
from hedef.domain.plans.workbook import WorkbookError, plan_from_workbook, plan_to_workbook
from tests.fixtures.hostile import billion_laughs


@pytest.mark.parametrize("code", ["digital-development-concept", "digital-economy-2026-2029"])
def test_json_round_trip_is_byte_identical(gold_plans, code):
    text = interchange.dumps(gold_plans[code])
    assert interchange.dumps(interchange.loads(text)) == text


@pytest.mark.parametrize("code", ["digital-development-concept", "digital-economy-2026-2029"])
def test_workbook_round_trip_loses_nothing(gold_plans, code):
    plan = gold_plans[code]
    again = plan_from_workbook(plan_to_workbook(plan))
    assert interchange.dumps(again) == interchange.dumps(plan)


def test_every_exported_plan_validates_against_the_published_schema(gold_plans):
    import jsonschema

    schema = interchange.plan_schema()
    for plan in gold_plans.values():
        jsonschema.validate(interchange.plan_to_dict(plan), schema)


def _broken(gold_plans, change):
    data = interchange.plan_to_dict(gold_plans["digital-economy-2026-2029"])
    change(data)
    return json.dumps(data, ensure_ascii=False)


# (what is broken, how, the location the error must name)
BROKEN = [
    ("wrong format", lambda d: d.update(format="other"), "format"),
    ("future version", lambda d: d.update(format_version="9.0"), "format_version"),
    ("missing title", lambda d: d["measures"][3].pop("title"), "measures/3"),
    ("text for a year", lambda d: d["measures"][5]["period"].update(start="2026"),
     "measures/5/period/start"),
    ("bad comparator", lambda d: d["measures"][0]["targets"][0].update(comparator="about"),
     "measures/0/targets/0/comparator"),
    ("duplicate number", lambda d: d["measures"][1].update(number=d["measures"][0]["number"]),
     "measures/1/number"),
    ("reversed period", lambda d: d["measures"][2]["period"].update(start=2030, end=2026),
     "measures/2/period"),
    ("unknown field", lambda d: d["measures"][0].update(colour="red"), "measures/0"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "change", "location"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_plan_names_the_place(gold_plans, case, change, location):
    with pytest.raises(interchange.InterchangeError) as caught:
        interchange.loads(_broken(gold_plans, change))
    assert caught.value.location == location


def test_invalid_json_names_line_and_column():
    with pytest.raises(interchange.InterchangeError, match="line 2, column 1"):
        interchange.loads('{"format": "hedef.plan",\n}')


def test_read_plan_file_names_the_file():
    with pytest.raises(PlanFileError, match=r"plan\.json"):
        read_plan_file(b'{"format": "hedef.plan", "format_version": "1.0"}', "plan.json")
    with pytest.raises(PlanFileError, match="empty"):
        read_plan_file(b"  \n", "empty.json")
    with pytest.raises(PlanFileError, match="neither UTF-8"):
        read_plan_file(b"\xff\xfe\x00garbage", "garbage.bin")


def test_workbook_errors_name_sheet_row_and_column(gold_plans):
    import io

    from openpyxl import load_workbook

    data = plan_to_workbook(gold_plans["digital-economy-2026-2029"])
    book = load_workbook(io.BytesIO(data))
    book["Tədbirlər"]["F4"] = "iki min"  # period.start of the third measure
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(interchange.InterchangeError) as caught:
        plan_from_workbook(buffer.getvalue())
    assert caught.value.location == "Tədbirlər!4, period.start"


def test_workbook_without_a_sheet_is_refused(gold_plans):
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(plan_to_workbook(gold_plans["digital-development-concept"])))
    del book["Akronimlər"]
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(interchange.InterchangeError, match="Akronimlər"):
        plan_from_workbook(buffer.getvalue())


def test_plan_data_is_not_mutated_by_serialisation(gold_plans):
    plan = gold_plans["digital-development-concept"]
    before = copy.deepcopy(plan)
    interchange.dumps(plan)
    assert plan == before


# Text a spreadsheet program would run, or that trimming would change.
FORMULA_LIKE = ['=HYPERLINK("x")', "+1", "-2 days", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", FORMULA_LIKE, ids=repr)
def test_formula_like_text_survives_the_workbook_as_text(gold_plans, text):
    """Titles, names and notes are string cells, never formulas, and read back unchanged."""
    plan = gold_plans["digital-economy-2026-2029"]
    measure = dataclasses.replace(plan.measures[0], title=text, notes=text)
    agency = dataclasses.replace(plan.agencies[0], name=text)
    indicator = dataclasses.replace(plan.indicators[0], name=text, data_source=text)
    changed = dataclasses.replace(
        plan,
        title=text,
        notes=text,
        agencies=(agency, *plan.agencies[1:]),
        measures=(measure, *plan.measures[1:]),
        indicators=(indicator, *plan.indicators[1:]),
    )
    data = plan_to_workbook(changed)
    book = load_workbook(io.BytesIO(data))
    formulas = [
        cell.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    again = plan_from_workbook(data)
    assert (again.title, again.notes, again.agencies[0].name) == (text, text, text)
    assert (again.measures[0].title, again.measures[0].notes) == (text, text)
    assert (again.indicators[0].name, again.indicators[0].data_source) == (text, text)
    assert interchange.dumps(again) == interchange.dumps(changed)


def test_a_plan_workbook_whose_xml_expands_entities_is_refused(gold_plans):
    """A "billion laughs" sheet gets its own message, not a crash."""
    data = plan_to_workbook(gold_plans["digital-economy-2026-2029"])
    with pytest.raises(WorkbookError, match="XML entities"):
        plan_from_workbook(billion_laughs(data, "xl/worksheets/sheet1.xml"))
