"""The Word file read back with python-docx: tables, figures, headings, images, properties."""

from __future__ import annotations

import io
import re

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image

from hedef.domain.reports.formatting import format_share

pytestmark = pytest.mark.slow  # each language's Word file takes a second or more to render

MEASURE_HEADER = [
    "No.",
    "Measure",
    "Lead executor",
    "Other executors",
    "Period",
    "Stage reached",
    "Status",
    "Completion",
    "Self-reported status",
]


def header(table):
    return [cell.text for cell in table.rows[0].cells]


def measure_table(document):
    (table,) = [t for t in document.tables if header(t) == MEASURE_HEADER]
    return table


def test_measure_table_has_every_measure_number(docx_az, data_az):
    table = measure_table(docx_az)
    numbers = [row.cells[0].text for row in table.rows[1:]]
    expected = [measure.number for measure in data_az.sections[0].measures]
    assert [n for n in numbers if n in expected] == expected
    # Group rows (merged across the table) carry the priority directions.
    groups = {n for n in numbers if n not in expected}
    assert len(groups) == len(data_az.sections[0].directions)


def test_measure_rows_read_back_equal_to_the_input(docx_az, data_az):
    rows = {row.cells[0].text: row for row in measure_table(docx_az).rows[1:]}
    for measure in data_az.sections[0].measures:
        cells = [cell.text for cell in rows[measure.number].cells]
        assert cells[1] == measure.title
        assert cells[2] == ", ".join(measure.lead)
        assert cells[4] == measure.period
        assert cells[6].startswith("● ")  # the coloured marker, then the label


def test_header_rows_repeat_and_rows_do_not_split(docx_az):
    for table in docx_az.tables:
        if len(table.rows) > 12:
            first = table.rows[0]._tr.trPr
            assert first is not None and first.find(qn("w:tblHeader")) is not None
            assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_key_figures_read_back_equal_to_the_input(docx_az, data_az):
    figures = data_az.key_figures
    cells = {}
    for table in docx_az.tables:
        for row in table.rows:
            for cell in row.cells:
                texts = [p.text for p in cell.paragraphs]
                if len(texts) >= 2:
                    cells[texts[0]] = texts[1]
    assert cells["Measures monitored"] == str(figures.measures)
    assert cells["Completed"] == str(figures.count("completed"))
    assert cells["Behind schedule or overdue"] == str(
        figures.count("behind") + figures.count("overdue")
    )
    assert cells["Reports submitted on time"] == format_share(figures.on_time_share, language="az")
    assert (
        cells["Headline indicators on track"]
        == f"{figures.indicators_on_track} / {figures.indicators}"
    )


def test_chapters_use_word_heading_styles(docx_az, report_az):
    headings = [p.text for p in docx_az.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == report_az.contents_title
    assert headings[1:] == [section.title for section in report_az.sections]
    level_2 = [p.text for p in docx_az.paragraphs if p.style.name == "Heading 2"]
    assert "4.1.1 Rəqəmsal transformasiya proqramlarında iştirak edən müəssisələrin sayı" in level_2


def test_charts_are_images_at_a_print_resolution_with_alt_text(docx_az, report_az):
    shapes = docx_az.inline_shapes
    assert len(shapes) == len(report_az.charts())
    for shape in shapes:
        blob = docx_az.part.related_parts[
            shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        ].blob
        width_px = Image.open(io.BytesIO(blob)).width
        dpi = width_px / (shape.width / 914400)  # EMU per inch
        assert dpi >= 200
        assert shape._inline.docPr.get("descr")


def test_measure_table_is_on_landscape_pages(docx_az):
    orientations = [section.page_width > section.page_height for section in docx_az.sections]
    assert orientations == [False, True, False]
    assert abs(docx_az.sections[0].page_width - Mm(210)) < Mm(0.1)  # stored in twips


@pytest.mark.parametrize(("fixture", "tag"), [("docx_az", "az-Latn-AZ"), ("docx_en", "en-GB")])
def test_properties_name_title_and_language(request, fixture, tag):
    document = request.getfixturevalue(fixture)
    properties = document.core_properties
    assert properties.language == tag
    assert properties.title.startswith(("Monitorinq hesabatı", "Monitoring report"))
    assert properties.created.year == 2029
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert (
        defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == tag
    )


def test_azerbaijani_text_is_intact(docx_az, data_az):
    text = "\n".join(p.text for p in docx_az.paragraphs)
    assert data_az.sections[0].title in text
    assert "MONİTORİNQ HESABATI" in text  # Azerbaijani capitals on the cover
    assert data_az.audit_head_hash in text


def test_page_footer_counts_pages_with_fields(docx_az):
    footer = docx_az.sections[0].footer.paragraphs[0]
    instructions = [node.text.strip() for node in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert re.match(r"Page 1 of 1$", footer.text)
