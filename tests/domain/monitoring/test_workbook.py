"""The reporting workbook: round trip, protection, row errors, and refusal of altered files."""

import dataclasses
import datetime
import io
import zipfile

import pytest
from openpyxl import load_workbook

from hedef.domain.monitoring import workbook as rw
from hedef.domain.monitoring.submissions import (
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    SubmissionContent,
    SubmissionState,
)
from hedef.domain.plans.model import Stage
from tests.fixtures.hostile import billion_laughs

KEY = b"test-key"
MAX = 5 * 2**20


def spec():
    filled = SubmissionContent(
        progress_status=ProgressStatus.DELAYED,
        stage=Stage.INITIAL,
        percent_complete=40.0,
        narrative="Texniki tapşırıq hazırlanıb.",
        obstacles="Satınalma gecikir.",
        remedy="",
        deviation_reason=DeviationReason.PROCUREMENT,
        deviation_risk=RiskLevel.MEDIUM,
        corrective_action="Tender yenidən elan ediləcək.",
        expected_date=datetime.date(2026, 12, 31),
        target_values={11: 12.0},
    )
    return rw.WorkbookSpec(
        cycle_id=7,
        cycle_label="2026, I yarımil",
        agency_code="in",
        agency_name="İqtisadiyyat Nazirliyi",
        due_date=datetime.date(2026, 7, 15),
        measures=(
            rw.MeasureLine(
                101, 3, "digital-economy", "8.1.1.1", "Platformanın yaradılması", "2026–2029",
                "əsas icraçı", SubmissionState.DRAFT, True, filled,
                (
                    rw.TargetLine(11, Stage.INTERIM, "azı 20 təchizatçının", "≥ 20", "təchizatçı"),
                    rw.TargetLine(12, Stage.FINAL, "20 faizə", "20", "%"),
                ),
            ),
            rw.MeasureLine(
                102, 1, "digital-economy", "8.1.1.3", "Yol xəritəsi", "2026–2029",
                "əsas icraçı", SubmissionState.SUBMITTED, False, SubmissionContent(),
            ),
        ),
        indicators=(
            rw.IndicatorLine(
                201, 1, "digital-economy", "4.1.1", "Müəssisələrin sayı", "ədəd", 2026, 50.0,
                SubmissionState.DRAFT, True, None, "",
            ),
        ),
    )  # fmt: skip


@pytest.fixture(scope="module")
def workbook():
    return rw.build_workbook(spec(), key=KEY)


def read(data, **extra):
    return rw.read_workbook(data, key=KEY, file_name="hesabat.xlsx", max_bytes=MAX, **extra)


def edit(data, change):
    book = load_workbook(io.BytesIO(data))
    change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_untouched_workbook_reads_back_what_was_written(workbook):
    reading = read(workbook)
    assert (reading.cycle_id, reading.agency_code, reading.issues) == (7, "in", [])
    first = reading.measures[0]
    assert (first.submission_id, first.version, first.row) == (101, 3, 2)
    written = spec().measures[0].content
    assert first.content() == dataclasses.replace(written, target_values={11: 12.0, 12: None})
    assert first.target_rows == {11: 2, 12: 3}
    assert reading.indicators[0].submission_id == 201 and reading.indicators[0].value is None


def test_sheets_are_protected_and_only_input_cells_of_open_reports_are_unlocked(workbook):
    book = load_workbook(io.BytesIO(workbook))
    assert book.security.lockStructure
    sheet = book[rw.MEASURES]
    assert sheet.protection.sheet
    assert sheet["D2"].protection.locked  # measure number
    assert not sheet["L2"].protection.locked  # narrative of a draft
    assert sheet["L3"].protection.locked  # narrative of a submitted report
    assert book[rw.SIGNATURE].sheet_state == "veryHidden"
    assert book[rw.LISTS].sheet_state == "hidden"


def test_statuses_and_stages_are_drop_down_lists(workbook):
    sheet = load_workbook(io.BytesIO(workbook))[rw.MEASURES]
    lists = {
        str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"
    }
    assert "I2:I3" in lists and "J2:J3" in lists
    assert lists["I2:I3"].startswith("'Siyahılar'!")


def test_instructions_are_in_azerbaijani(workbook):
    sheet = load_workbook(io.BytesIO(workbook))[rw.INSTRUCTIONS]
    text = " ".join(str(c.value) for c in sheet["A"] if c.value)
    assert "Yalnız ağ xanaları doldurun" in text and "2026, I yarımil" in text


def test_filled_cells_are_read_with_labels_mapped_to_codes(workbook):
    def fill(book):
        sheet = book[rw.MEASURES]
        sheet["I2"] = "icra olunur"  # case does not matter
        sheet["K2"] = "55,5"
        sheet["R2"] = "30.11.2026"
        book[rw.TARGETS]["H3"] = 18
        book[rw.INDICATORS]["J2"] = "48"

    reading = read(edit(workbook, fill))
    assert reading.issues == []
    content = reading.measures[0].content()
    assert content.progress_status is ProgressStatus.IN_PROGRESS
    assert content.percent_complete == 55.5
    assert content.expected_date == datetime.date(2026, 11, 30)
    assert content.target_values == {11: 12.0, 12: 18.0}
    assert reading.indicators[0].value == 48.0


def test_every_bad_cell_is_reported_by_sheet_row_and_column(workbook):
    def spoil(book):
        book[rw.MEASURES]["I2"] = "Yarımçıq"
        book[rw.MEASURES]["K2"] = 140
        book[rw.MEASURES]["R2"] = "sabah"
        book[rw.TARGETS]["H2"] = "on iki"
        book[rw.INDICATORS]["J2"] = "çox"

    reading = read(edit(workbook, spoil))
    assert [str(issue).split(":")[0] for issue in reading.issues] == [
        "Tədbirlər!I2 (İcra vəziyyəti)",
        "Tədbirlər!K2 (İcra faizi (0–100))",
        "Tədbirlər!R2 (Yeni gözlənilən tarix)",
        "Rəqəmsal hədəflər!H2 (Faktiki dəyər)",
        "Göstəricilər!J2 (Faktiki dəyər)",
    ]
    assert "Başlanmayıb, İcra olunur" in reading.issues[0].message
    assert not reading.measures[0].valid and reading.measures[1].valid
    assert not reading.indicators[0].valid


TAMPERING = [
    ("title edited", lambda b: b[rw.MEASURES].__setitem__("E2", "Başqa"), "Tədbirlər!2"),
    ("row added", lambda b: b[rw.MEASURES].__setitem__("A4", 999), "Tədbirlər!4"),
    ("row removed", lambda b: b[rw.TARGETS].delete_rows(3), "Rəqəmsal hədəflər!3"),
    ("rows swapped", lambda b: _swap_rows(b[rw.MEASURES]), "Tədbirlər!2"),
    ("heading renamed", lambda b: b[rw.MEASURES].__setitem__("L1", "Qeyd"), "Tədbirlər!1"),
    ("column added", lambda b: b[rw.INDICATORS].__setitem__("M2", "əlavə"), "Göstəricilər!2"),
    ("sheet renamed", lambda b: setattr(b[rw.TARGETS], "title", "Hədəflər"), "!1"),
    ("version changed", lambda b: b[rw.MEASURES].__setitem__("B2", 9), "Tədbirlər!2"),
]  # fmt: skip


def _swap_rows(sheet):
    for column in range(1, 19):
        upper, lower = sheet.cell(2, column), sheet.cell(3, column)
        upper.value, lower.value = lower.value, upper.value


@pytest.mark.parametrize(("what", "change", "place"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_an_altered_structure_refuses_the_whole_workbook(workbook, what, change, place):
    with pytest.raises(rw.WorkbookRefused) as caught:
        read(edit(workbook, change))
    assert caught.value.code == "structure_altered"
    assert place in caught.value.location
    assert "hesabat.xlsx" in str(caught.value)


def test_a_removed_signature_sheet_is_refused(workbook):
    with pytest.raises(rw.WorkbookRefused) as caught:
        read(edit(workbook, lambda b: b.remove(b[rw.SIGNATURE])))
    assert caught.value.code == "signature_missing"


def test_a_forged_signature_is_refused(workbook):
    def forge(book):
        book[rw.SIGNATURE]["A1"] = book[rw.SIGNATURE]["A1"].value.replace('"cycle":7', '"cycle":8')

    with pytest.raises(rw.WorkbookRefused) as caught:
        read(edit(workbook, forge))
    assert caught.value.code == "signature_invalid"


def test_a_workbook_signed_with_another_key_is_refused(workbook):
    with pytest.raises(rw.WorkbookRefused) as caught:
        rw.read_workbook(workbook, key=b"other", file_name="x.xlsx", max_bytes=MAX)
    assert caught.value.code == "signature_invalid"


@pytest.mark.parametrize(
    "data", [b"", b"not a workbook", b"PK\x03\x04broken", b"%PDF-1.4"], ids=repr
)
def test_malformed_files_are_refused_naming_the_file(data):
    with pytest.raises(rw.WorkbookRefused) as caught:
        read(data)
    assert caught.value.code == "not_a_workbook"
    assert "hesabat.xlsx" in str(caught.value)


def test_a_plain_workbook_without_signature_is_refused():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(rw.WorkbookRefused) as caught:
        read(buffer.getvalue())
    assert caught.value.code == "signature_missing"


def test_an_oversized_upload_is_refused_before_it_is_opened(workbook):
    with pytest.raises(rw.WorkbookRefused) as caught:
        rw.read_workbook(workbook, key=KEY, file_name="big.xlsx", max_bytes=len(workbook) - 1)
    assert caught.value.code == "too_large"


def test_a_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (rw.MAX_UNCOMPRESSED + 1))
    with pytest.raises(rw.WorkbookRefused) as caught:
        read(buffer.getvalue())
    assert caught.value.code == "too_large"


def test_a_workbook_whose_xml_expands_entities_is_refused_naming_the_file(workbook):
    """A "billion laughs" sheet is refused with its own message, never a crash or 3 GB."""
    with pytest.raises(rw.WorkbookRefused) as caught:
        read(billion_laughs(workbook, "xl/worksheets/sheet3.xml"))
    assert caught.value.code == "unsafe_xml"
    assert "hesabat.xlsx" in str(caught.value)


# Text a spreadsheet program would run, or that trimming would change.
FORMULA_LIKE = ['=HYPERLINK("x")', "+1", "-2 days", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", FORMULA_LIKE, ids=repr)
def test_formula_like_text_is_written_as_text_and_read_back_unchanged(text):
    """Every text cell is a string cell; a round trip keeps every character of every field."""
    content = SubmissionContent(narrative=text, obstacles=text, remedy=text, corrective_action=text)
    original = spec()
    line = dataclasses.replace(original.measures[0], title=text, content=content, targets=())
    indicator = dataclasses.replace(original.indicators[0], name=text, note=text)
    data = rw.build_workbook(
        dataclasses.replace(original, agency_name=text, measures=(line,), indicators=(indicator,)),
        key=KEY,
    )
    book = load_workbook(io.BytesIO(data))
    written = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in written if c.data_type == "f"] == []
    reading = read(data)
    assert reading.issues == []
    entry = reading.measures[0]
    assert [entry.values[key] for key in ("narrative", "obstacles", "remedy")] == [text] * 3
    assert entry.values["corrective_action"] == text
    assert reading.indicators[0].note == text
