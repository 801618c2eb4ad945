"""The PDF reader: the sample action plans over many pages, merged cells, bad files."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from hedef.domain.ingest.docx_reader import read_docx_tables
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.gold import to_gold
from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.ingest.pdf_reader import read_pdf, read_pdf_tables
from hedef.domain.ingest.sniff import MAX_DOCUMENT_BYTES
from hedef.domain.ingest.tables import (
    ActionPlan,
    SourceCell,
    SourceRow,
    SourceTable,
    assemble,
    column_roles,
)
from tests.fixtures.documents import build
from tests.fixtures.documents.agreement import (
    assert_matches_gold,
    assert_read_as_typeset,
    flat,
    plan_content,
    plan_row,
    row_agreement,
)

DOCUMENTS = Path(build.__file__).resolve().parent
SAMPLES = [("001_concept", 21), ("002_strategy", 50)]


@cache
def _read(stem: str) -> ActionPlan:
    return read_pdf_tables((DOCUMENTS / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")


@cache
def _parse(stem: str) -> ParsedPlan:
    """A committed sample read through the whole pipeline."""
    return read_pdf((DOCUMENTS / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")


# --- the two sample plans, as LibreOffice prints them ------------------------------


@pytest.mark.parametrize(("stem", "measures"), SAMPLES)
def test_every_measure_of_the_sample_is_read_as_typeset(gold, stem, measures):
    layout = build.layout_named(stem)
    expected = build.expected_rows(gold(stem), layout)
    assert_read_as_typeset(_read(stem).rows, expected, build.plan_columns(layout), measures)


@pytest.mark.parametrize(
    ("stem", "measures"),
    # The whole pipeline on the 50-measure sample takes over a second.
    [SAMPLES[0], pytest.param(*SAMPLES[1], marks=pytest.mark.slow)],
)
def test_the_sample_plan_matches_its_gold_annotation(gold, stem, measures):
    """Through the whole pipeline, scored by the rules of the gold README."""
    assert_matches_gold(to_gold(_parse(stem)), gold(stem), measures)


def test_a_plan_drawn_without_lines_is_read_from_the_white_space(gold):
    """The Concept with its tables drawn without ruling lines.

    Numbers, executors and periods must all be found; the one thing white space
    cannot show is a cell merged down (2.1 and 2.2 share their results), so the
    text there is split between the two rows and the text scores allow for it.
    """
    layout = build.layout_named("001_concept_borderless")
    expected = build.expected_rows(gold(layout.stem), layout)
    plan = _read(layout.stem)
    agreement = row_agreement(plan.rows, expected, build.plan_columns(layout))

    assert list(agreement.numbers) == list(expected)
    for column in ("lead", "co_executors", "period"):
        assert agreement.exact[column] == 1.0, agreement.mismatches
    assert agreement.token_f1["title"] == 1.0, agreement.mismatches
    for column in ("initial", "interim", "final"):
        assert agreement.token_f1[column] >= 0.95, agreement.mismatches
    assert "AMEA – Azərbaycan Milli Elmlər Akademiyası" in plan.front_text.splitlines()


@pytest.mark.parametrize(("stem", "_measures"), SAMPLES)
def test_the_plan_spans_pages_and_every_row_is_whole(gold, stem, _measures):
    """Repeated headers are dropped and rows broken by a page break are joined again."""
    annotation = gold(stem)
    plan = _read(stem)
    pages = {row.location.split(",")[0] for row in plan.rows}
    headings = len(annotation["goals"]) + len(annotation["directions"])
    assert len(pages) >= 4
    assert len(plan.rows) == len(annotation["measures"]) + headings
    assert all(row.cells[0].strip() for row in plan.rows)
    assert not any("Tədbirin adı" in cell for row in plan.rows for cell in row.cells)


@pytest.mark.parametrize(("stem", "_measures"), SAMPLES)
def test_the_header_names_the_plan_columns(stem, _measures):
    plan = _read(stem)
    assert plan.header is not None
    roles = column_roles(plan.header.cells)
    assert [roles[index] for index in sorted(roles)] == list(
        build.plan_columns(build.layout_named(stem))
    )


@pytest.mark.parametrize(("stem", "_measures"), SAMPLES)
def test_front_text_keeps_title_and_acronyms_but_not_the_plan(gold, stem, _measures):
    annotation = gold(stem)
    plan = _read(stem)
    assert annotation["title"] in plan.front_text
    for agency in annotation["agencies"]:
        assert f"{agency['acronym']} " in plan.front_text
    assert annotation["measures"][0]["title"][:40] not in plan.front_text


def test_the_indicator_table_broken_by_a_page_is_one_line_per_indicator():
    lines = _read("002_strategy").front_text.splitlines()
    for line in (
        "4.1.1. Rəqəmsal transformasiya proqramlarında iştirak edən müəssisələrin sayı "
        "ədəd 50 100 180 300",
        "4.1.4. Rəqəmsal bazarlara çıxış əldə etmiş KOB-ların payı ədəd 20 50 100 200",
        "4.1.5. Təlim keçmiş vətəndaşların sayı nəfər 3.000 8.000 20.000 40.000",
    ):
        assert line in lines


def test_cells_merged_down_are_carried_into_both_measures():
    concept, strategy = _read("001_concept"), _read("002_strategy")
    assert plan_row(concept.rows, "2.1.")[4:] == plan_row(concept.rows, "2.2.")[4:]
    assert all(plan_row(concept.rows, "2.2.")[4:])
    assert plan_row(strategy.rows, "8.1.2.4.")[2] == "İN"


def test_a_result_cell_merged_across_two_stages_carries_its_text_into_both():
    results = plan_row(_read("002_strategy").rows, "8.2.1.5.")[5:]
    assert results[1] == results[2] != results[0]


@pytest.mark.slow
def test_the_builder_still_makes_the_committed_documents(gold, tmp_path):
    """Rebuild one sample (Word, then PDF through LibreOffice) and read the same plan.

    The committed files must be what the builder makes today: run
    ``python tests/fixtures/documents/build.py`` after changing it. The Word file is
    the builder's own output and reads table for table as the committed one. The PDF
    is LibreOffice's layout, which moves with the fonts a machine has (line breaks
    fall elsewhere, a narrow cell breaks a word), so it is compared by what the
    reader makes of it: the same measures with the same executors, period years,
    titles and results as the committed PDF gives, and gold's scores.
    """
    layout = build.layout_named("001_concept")
    docx_path, pdf_path = build.build_sample(layout, tmp_path)
    committed_docx = read_docx_tables((DOCUMENTS / docx_path.name).read_bytes(), docx_path.name)
    rebuilt_docx = read_docx_tables(docx_path.read_bytes(), docx_path.name)
    assert rebuilt_docx == committed_docx
    rebuilt = to_gold(read_pdf(pdf_path.read_bytes(), pdf_path.name))
    assert plan_content(rebuilt) == plan_content(to_gold(_parse(layout.stem)))
    assert_matches_gold(rebuilt, gold(layout.stem), 21)


# --- joining the pieces of a plan, as the PDF reader hands them over ---------------

WIDTH = 8


def _cells(*texts: str) -> tuple[SourceCell, ...]:
    return tuple(SourceCell(text, column) for column, text in enumerate(texts))


def _header() -> tuple[SourceRow, ...]:
    """The two header rows: the result columns under one "Nəticə indikatorları" cell."""
    first = (
        *_cells("Sıra №-si", "Tədbirin adı", "Əsas icraçı", "Digər icraçılar", "İcra müddəti"),
        SourceCell("Nəticə indikatorları", 5, span=3),
    )
    second = (
        *(SourceCell("", column, continues_above=True) for column in range(5)),
        SourceCell("ilkin nəticələr", 5),
        SourceCell("aralıq nəticələr", 6),
        SourceCell("yekun nəticələr", 7),
    )
    return SourceRow(first, "h1"), SourceRow(second, "h2")


def _page(number: int, *rows: tuple[SourceCell, ...], header: bool = True) -> SourceTable:
    body = tuple(
        SourceRow(cells, f"page {number}, row {index}") for index, cells in enumerate(rows)
    )
    return SourceTable((_header() if header else ()) + body, WIDTH, f"page {number}")


MEASURE = _cells("8.1.1.1.", "Platformanın", "İN", "RİNN,", "2026–2029", "Tədqiqat", "KOB-", "")
TAIL = _cells("", "yaradılması", "", "AİH", "", "aparılması", "ların dəstəyi", "20 faiz")
NEXT = _cells("8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b", "c")
GOAL = (SourceCell("Məqsəd 8.2. Bacarıqlar", 0, span=WIDTH),)

JOINS = [
    # (what, blocks, expected rows as flattened cells)
    (
        "a row broken by the page is joined cell by cell",
        ["8. Tədbirlər Planı", _page(18, MEASURE), "19", _page(19, TAIL, NEXT)],
        [
            ["8.1.1.1.", "Platformanın yaradılması", "İN", "RİNN, AİH", "2026–2029",
             "Tədqiqat aparılması", "KOB-ların dəstəyi", "20 faiz"],
            ["8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b", "c"],
        ],
    ),
    (
        "a page without a repeated header continues the plan",
        [_page(18, MEASURE), _page(19, TAIL, NEXT, header=False)],
        [
            ["8.1.1.1.", "Platformanın yaradılması", "İN", "RİNN, AİH", "2026–2029",
             "Tədqiqat aparılması", "KOB-ların dəstəyi", "20 faiz"],
            ["8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b", "c"],
        ],
    ),
    (
        "a heading opening the next page is not a broken row",
        [_page(18, NEXT), _page(19, GOAL)],
        [
            ["8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b", "c"],
            ["Məqsəd 8.2. Bacarıqlar", "", "", "", "", "", "", ""],
        ],
    ),
    (
        "a cell merged down over the page keeps its text in the row below",
        [_page(18, NEXT, (*NEXT[:2], SourceCell("", 2, continues_above=True), *NEXT[3:]))],
        [
            ["8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b", "c"],
            ["8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b", "c"],
        ],
    ),
    (
        "a result cell across two stages is carried into both",
        [_page(18, (*NEXT[:5], SourceCell("a", 5), SourceCell("b and c", 6, span=2)))],
        [["8.1.1.2.", "Bazanın yaradılması", "İN", "RİNN", "2027", "a", "b and c", "b and c"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [case[1:] for case in JOINS],
    ids=[case[0] for case in JOINS],
)
def test_pieces_of_a_plan_are_joined(blocks, expected):
    plan = assemble(blocks)
    assert [[flat(cell) for cell in row.cells] for row in plan.rows] == expected


def test_text_between_pages_of_the_plan_stays_front_text_and_a_long_text_ends_the_plan():
    long_text = "9. Akronimlər " + "mətn " * 20
    plan = assemble(["Strategiya", _page(1, NEXT), long_text, _page(2, TAIL, header=False)])
    assert len(plan.rows) == 1
    assert long_text in plan.front_text
    assert "aparılması" in plan.front_text  # the later table is front text, not the plan


# --- bad files ----------------------------------------------------------------------


def _pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws ``content`` (Helvetica available as /F1)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


def _scanned_pdf() -> bytes:
    """A page that is only a picture of text, as a scanner makes it."""
    image = Image.new("RGB", (600, 400), "white")
    ImageDraw.Draw(image).text((40, 40), "8. Tedbirler Plani  8.1.1.1. IN 2026-2029", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


ENGLISH_PDF = _pdf(
    b"BT /F1 14 Tf 72 760 Td (Digital Economy Strategy 2026-2029) Tj ET\n"
    b"BT /F1 11 Tf 72 730 Td (1. Action plan: the ministry builds the portal.) Tj ET"
)
BAD_FILES = [
    # (what, content, a phrase of the message)
    ("empty file", b"", "is empty"),
    ("a Word file under a PDF name", (DOCUMENTS / "001_concept.docx").read_bytes(), "not a PDF"),
    ("binary garbage", bytes(range(256)) * 16, "not a PDF"),
    ("damaged PDF", b"%PDF-1.7\n" + bytes(range(256)) * 4, "damaged"),
    ("scanned pages only", _scanned_pdf(), "no text layer"),
    ("a drawn rectangle only", _pdf(b"72 72 200 100 re S"), "no text layer"),
    ("English text without a plan", ENGLISH_PDF, "columns of an action plan"),
]


@pytest.mark.parametrize(
    ("content", "phrase"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_a_bad_file_gives_an_ingestion_error_naming_it(content, phrase):
    with pytest.raises(IngestionError) as caught:
        read_pdf(content, "upload.pdf")
    assert phrase in caught.value.message
    assert "upload.pdf" in caught.value.message


def test_a_50_mb_file_is_refused_before_it_is_opened():
    with pytest.raises(IngestionError, match="smaller than 50 MB"):
        read_pdf(b"%PDF-1.7\n" + bytes(MAX_DOCUMENT_BYTES), "huge.pdf")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_pdf_files_give_a_plan_or_an_ingestion_error(data):
    content = bytearray(ENGLISH_PDF)
    for _ in range(data.draw(st.integers(min_value=1, max_value=6))):
        position = data.draw(st.integers(min_value=0, max_value=len(content) - 1))
        content[position] = data.draw(st.integers(min_value=0, max_value=255))
    try:
        assert isinstance(read_pdf(bytes(content), "fuzz.pdf"), ParsedPlan)
    except IngestionError:
        pass
