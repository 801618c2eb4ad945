"""The Word reader: the sample action plans, merged cells, continued tables, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hedef.domain.ingest.docx_reader import read_docx, read_docx_tables
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.gold import to_gold
from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.ingest.sniff import MAX_DOCUMENT_BYTES
from hedef.domain.ingest.tables import ActionPlan, column_roles
from tests.fixtures.documents import build
from tests.fixtures.documents.agreement import (
    assert_matches_gold,
    assert_read_as_typeset,
    flat,
    plan_row,
)

DOCUMENTS = Path(build.__file__).resolve().parent
SAMPLES = [("001_concept", 21), ("002_strategy", 50)]
HEADER = ["Sıra №-si", "Tədbirin adı", "Əsas icraçı", "Digər icraçılar", "İcra müddəti"]
STAGES = ["ilkin nəticələr", "aralıq nəticələr", "yekun nəticələr"]


def _read(stem: str) -> ActionPlan:
    return read_docx_tables((DOCUMENTS / f"{stem}.docx").read_bytes(), f"{stem}.docx")


# --- the two sample plans ---------------------------------------------------------


@pytest.mark.parametrize(("stem", "measures"), SAMPLES)
def test_every_measure_of_the_sample_is_read_as_typeset(gold, stem, measures):
    layout = build.layout_named(stem)
    expected = build.expected_rows(gold(stem), layout)
    assert_read_as_typeset(_read(stem).rows, expected, build.plan_columns(layout), measures)


@pytest.mark.parametrize(("stem", "_measures"), SAMPLES)
def test_the_header_names_the_plan_columns_whatever_their_order(stem, _measures):
    plan = _read(stem)
    assert plan.header is not None
    roles = column_roles(plan.header.cells)
    assert [roles[index] for index in sorted(roles)] == list(
        build.plan_columns(build.layout_named(stem))
    )


@pytest.mark.parametrize(("stem", "_measures"), SAMPLES)
def test_front_text_keeps_title_acronyms_and_indicators_but_not_the_plan(gold, stem, _measures):
    annotation = gold(stem)
    plan = _read(stem)
    assert annotation["title"] in plan.front_text
    for agency in annotation["agencies"]:
        assert agency["acronym"] in plan.front_text
        assert agency["name"] in plan.front_text
    assert annotation["measures"][0]["title"] not in plan.front_text


def test_the_headline_indicator_table_becomes_one_line_per_indicator():
    lines = _read("002_strategy").front_text.splitlines()
    assert "4.1.5. Təlim keçmiş vətəndaşların sayı nəfər 3.000 8.000 20.000 40.000" in lines
    assert (
        "4.1.6. Ümumi məşğulluqda yüksəkixtisaslı İKT mütəxəssislərinin payı % 1.66 1.71 1.76 1.87"
        in lines
    )


def test_a_result_cell_merged_down_is_carried_into_both_measures():
    document = (DOCUMENTS / "001_concept.docx").read_bytes()
    assert b'w:vMerge w:val="restart"' in zipfile.ZipFile(io.BytesIO(document)).read(
        "word/document.xml"
    )
    plan = _read("001_concept")
    first, second = plan_row(plan.rows, "2.1."), plan_row(plan.rows, "2.2.")
    assert first[4:] == second[4:]
    assert all(second[4:])


def test_a_lead_cell_merged_down_is_carried_into_both_measures():
    plan = _read("002_strategy")
    assert plan_row(plan.rows, "8.1.2.3.")[2] == "İN"
    assert plan_row(plan.rows, "8.1.2.4.")[2] == "İN"


def test_a_result_cell_merged_across_two_stages_carries_its_text_into_both():
    plan = _read("001_concept")
    results = plan_row(plan.rows, "1.4.3.")[4:]
    assert results[1] == results[2] != results[0]
    assert "80%-nin" in results[1]


def test_goal_and_direction_headings_arrive_once_not_repeated_across_columns():
    plan = _read("002_strategy")
    heading = next(row for row in plan.rows if row.cells[0].startswith("Məqsəd 8.2."))
    assert heading.cells[1:] == ("",) * 7


def test_a_plan_cut_into_several_tables_is_joined_without_repeated_headers():
    plan = _read("002_strategy")
    tables = {row.location.split(",")[0] for row in plan.rows}
    assert len(tables) >= 3
    assert not any("Tədbirin adı" in cell for row in plan.rows for cell in row.cells)


@pytest.mark.parametrize(("stem", "measures"), SAMPLES)
def test_the_sample_plan_matches_its_gold_annotation(gold, stem, measures):
    """Through the whole pipeline, scored by the rules of the gold README."""
    parsed = read_docx((DOCUMENTS / f"{stem}.docx").read_bytes(), f"{stem}.docx")
    assert_matches_gold(to_gold(parsed), gold(stem), measures)


# --- small documents: layouts the samples do not have ------------------------------


def _docx(*blocks: object) -> bytes:
    """A Word file of paragraphs (str) and tables (lists of rows).

    A row is a list of cell texts, or one string: a cell merged across the table.
    """
    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = block
        width = max(len(row) for row in rows if not isinstance(row, str))
        table = document.add_table(rows=len(rows), cols=width)
        for cells, values in zip(table.rows, rows, strict=True):
            if isinstance(values, str):
                cells.cells[0].merge(cells.cells[-1]).text = values
                continue
            for cell, value in zip(cells.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _tracked(document: bytes, text: str, inserted: str, deleted: str) -> bytes:
    """Add a tracked insertion and a tracked deletion after the run reading ``text``."""
    word = Document(io.BytesIO(document))
    run = next(
        run
        for table in word.tables
        for cell in table._cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text == text
    )
    for tag, child_tag, content in (("w:ins", "w:t", inserted), ("w:del", "w:delText", deleted)):
        change, new_run, child = OxmlElement(tag), OxmlElement("w:r"), OxmlElement(child_tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Hədəf")
        child.text = content
        child.set(qn("xml:space"), "preserve")
        new_run.append(child)
        change.append(new_run)
        run._r.addnext(change)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


MEASURE_1 = ["1.1.", "Portalın yaradılması", "RİNN", "İN", "2025–2026", "a", "b", "c"]
MEASURE_2 = ["1.2.", "Reyestrin aparılması", "İN", "RİNN", "2026", "d", "e", "f"]


def test_a_one_row_header_with_columns_in_another_order_is_recognised():
    header = ["Tədbirin adı", "İcra müddəti", "Əsas icraçı", "№", *STAGES, "Digər icraçılar"]
    row = ["Portal", "2025", "RİNN", "1.1.", "a", "b", "c", "İN"]
    plan = read_docx_tables(_docx([header, row]), "order.docx")
    assert plan.header is not None
    assert column_roles(plan.header.cells) == {
        0: "title", 1: "period", 2: "lead", 3: "number",
        4: "initial", 5: "interim", 6: "final", 7: "co_executors",
    }  # fmt: skip
    assert plan.rows[0].cells == tuple(row)


def test_a_header_less_table_after_page_furniture_continues_the_plan():
    header = [*HEADER, *STAGES]
    tail = ["", "və istifadəyə verilməsi", "", "", "", "", "b2", ""]
    plan = read_docx_tables(
        _docx("Tədbirlər planı", [header, MEASURE_1], "12", [tail, MEASURE_2], "Akronimlər"),
        "pages.docx",
    )
    assert [flat(cell) for cell in plan.rows[0].cells] == [
        "1.1.", "Portalın yaradılması və istifadəyə verilməsi", "RİNN", "İN", "2025–2026",
        "a", "b b2", "c",
    ]  # fmt: skip
    assert plan.rows[1].cells == tuple(MEASURE_2)
    assert "Akronimlər" in plan.front_text and "Portalın" not in plan.front_text


def test_a_column_numbering_row_under_the_header_is_not_a_measure():
    header = [*HEADER, *STAGES]
    numbering = [str(number) for number in range(1, 9)]
    plan = read_docx_tables(_docx([header, numbering, MEASURE_1]), "numbered.docx")
    assert [row.cells for row in plan.rows] == [tuple(MEASURE_1)]


def test_a_caption_row_above_the_header_is_front_text():
    plan = read_docx_tables(
        _docx(["Tədbirlər Planı", [*HEADER, *STAGES], MEASURE_1]), "caption.docx"
    )
    assert [row.cells for row in plan.rows] == [tuple(MEASURE_1)]
    assert "Tədbirlər Planı" in plan.front_text.splitlines()


def test_a_table_repeating_only_the_stage_labels_continues_the_plan():
    stages_only = ["", "", "", "", "", *STAGES]
    plan = read_docx_tables(
        _docx([[*HEADER, *STAGES], MEASURE_1], "", [stages_only, MEASURE_2]), "repeat.docx"
    )
    assert [row.cells for row in plan.rows] == [tuple(MEASURE_1), tuple(MEASURE_2)]


def test_tracked_insertions_are_read_and_tracked_deletions_are_not():
    document = _docx([[*HEADER, *STAGES], MEASURE_1])
    plan = read_docx_tables(
        _tracked(document, "Portalın yaradılması", " və işə salınması", " silinmiş"), "tracked.docx"
    )
    assert plan.rows[0].cells[1] == "Portalın yaradılması və işə salınması"


def test_a_table_of_another_width_after_the_plan_is_front_text():
    header = [*HEADER, *STAGES]
    plan = read_docx_tables(
        _docx([header, MEASURE_1], [["AİH", "Azərbaycan İnvestisiya Holdinqi"]]), "two.docx"
    )
    assert len(plan.rows) == 1
    assert "AİH Azərbaycan İnvestisiya Holdinqi" in plan.front_text.splitlines()


# --- bad files ----------------------------------------------------------------------


def _replace_member(document: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(document))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == name else source.read(item))
    return buffer.getvalue()


SAMPLE_DOCX = (DOCUMENTS / "001_concept.docx").read_bytes()
ENGLISH = _docx(
    "Digital Economy Strategy 2026-2029",
    [["No", "Action", "Owner", "Deadline"], ["1", "Build the portal", "Ministry", "2026"]],
)
BAD_FILES = [
    # (what, content, a phrase of the message)
    ("empty file", b"", "is empty"),
    ("binary garbage", bytes(range(256)) * 16, "is not a Word"),
    ("damaged zip", b"PK\x03\x04" + bytes(range(200)), "damaged zip"),
    ("truncated Word file", SAMPLE_DOCX[: len(SAMPLE_DOCX) // 2], "damaged zip"),
    ("broken XML inside", _replace_member(SAMPLE_DOCX, "word/document.xml", b"<w:doc"), "damaged"),
    ("no tables at all", _docx("Azərbaycan Respublikasında", "Strategiya"), "has no tables"),
    ("English document with a table", ENGLISH, "columns of an action plan"),
    ("a PDF under a Word name", b"%PDF-1.4\n" + bytes(100), "is not a Word"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "phrase"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_a_bad_file_gives_an_ingestion_error_naming_it(content, phrase):
    with pytest.raises(IngestionError) as caught:
        read_docx(content, "upload.docx")
    assert phrase in caught.value.message
    assert "upload.docx" in caught.value.message


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IngestionError, match="is not a Word"):
        read_docx(buffer.getvalue(), "sheet.docx")


def test_a_50_mb_file_is_refused_before_it_is_opened():
    with pytest.raises(IngestionError, match="smaller than 50 MB"):
        read_docx(b"PK\x03\x04" + bytes(MAX_DOCUMENT_BYTES), "huge.docx")


def _mutate(data: st.DataObject, content: bytes) -> bytes:
    mutated = bytearray(content)
    for _ in range(data.draw(st.integers(min_value=1, max_value=6))):
        position = data.draw(st.integers(min_value=0, max_value=len(mutated) - 1))
        mutated[position] = data.draw(st.integers(min_value=0, max_value=255))
    return bytes(mutated)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.booleans())
def test_mutated_word_files_give_a_plan_or_an_ingestion_error(data, inside):
    """Bytes are changed in the archive itself, or in the XML inside it (then re-zipped)."""
    if inside:
        xml = zipfile.ZipFile(io.BytesIO(SMALL_PLAN)).read("word/document.xml")
        content = _replace_member(SMALL_PLAN, "word/document.xml", _mutate(data, xml))
    else:
        content = _mutate(data, SMALL_PLAN)
    try:
        assert isinstance(read_docx(content, "fuzz.docx"), ParsedPlan)
    except IngestionError:
        pass


SMALL_PLAN = _docx(
    "Azərbaycan Respublikasında rəqəmsal inkişaf strategiyası",
    "Akronimlər",
    "RİNN – Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi",
    [[*HEADER, *STAGES], ["Məqsəd 1.", "", "", "", "", "", "", ""], MEASURE_1, MEASURE_2],
)
