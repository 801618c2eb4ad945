"""A consolidated report: several strategies, one summary, the same renderers."""

from __future__ import annotations

import io

import pytest
from docx import Document

from hedef.domain.reports import render_docx, render_html
from hedef.domain.reports.model import Chart, KeyFiguresBlock


def test_summary_adds_the_strategies_up(consolidated_report, consolidated_data):
    summary = consolidated_report.sections[0]
    figures = next(b for b in summary.blocks if isinstance(b, KeyFiguresBlock))
    values = {figure.key: figure.value for figure in figures.figures}
    assert values["measures"] == str(50 + 21) == str(consolidated_data.key_figures.measures)
    assert any(isinstance(b, Chart) and b.key == "summary-strategies" for b in summary.blocks)
    by_strategy = next(t for t in consolidated_report.tables() if t.key == "summary-strategies")
    assert [row.cells[1].text for row in by_strategy.rows][:2] == [
        section.title for section in consolidated_data.sections
    ]


def test_each_strategy_opens_with_its_act_and_figures(consolidated_report, consolidated_data):
    intro = next(s for s in consolidated_report.sections if s.key == "s2")
    assert intro.title == f"3. {consolidated_data.sections[1].title}"
    assert any(isinstance(block, KeyFiguresBlock) for block in intro.blocks)


@pytest.mark.slow
def test_consolidated_report_renders_as_html_and_docx(consolidated_report, consolidated_data):
    html = render_html(consolidated_report)
    for section in consolidated_data.sections:
        assert section.title in html
        for measure in section.measures:
            assert f">{measure.number}</th>" in html
    document = Document(io.BytesIO(render_docx(consolidated_report)))
    first_cells = {row.cells[0].text for table in document.tables for row in table.rows}
    for section in consolidated_data.sections:
        assert {measure.number for measure in section.measures} <= first_cells
    # Two measure tables, each on landscape pages of its own.
    orientations = [s.page_width > s.page_height for s in document.sections]
    assert orientations.count(True) == 2


def test_what_needs_attention_is_listed_under_each_strategy(consolidated_report, consolidated_data):
    from hedef.domain.reports.model import Heading

    headings = [b.text for b in consolidated_report.sections[0].blocks if isinstance(b, Heading)]
    assert headings == ["What needs attention", *(s.title for s in consolidated_data.sections)]
