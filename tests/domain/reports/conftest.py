"""Reports built once per session: the 50-measure strategy in Azerbaijani and English.

Rendering a report takes seconds, so the tests share one of each: the input,
the assembled model and the three files. Labels stay in their English source
text (no catalogue is involved), which the assertions rely on.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from docx import Document

from hedef.domain.reports import assemble, render_docx, render_html, render_pdf
from tests.domain.reports.sample_report import consolidated, report_for, sample_report
from tests.helpers.translation import untranslated


@pytest.fixture(scope="session")
def data_az():
    return sample_report(language="az")


@pytest.fixture(scope="session")
def data_en():
    return sample_report(language="en")


@pytest.fixture(scope="session")
def report_az(data_az):
    with untranslated():
        return assemble(data_az)


@pytest.fixture(scope="session")
def report_en(data_en):
    with untranslated():
        return assemble(data_en)


@pytest.fixture(scope="session")
def html_az(report_az):
    return render_html(report_az)


@pytest.fixture(scope="session")
def html_en(report_en):
    return render_html(report_en)


@pytest.fixture(scope="session")
def pdf_az(report_az):
    return render_pdf(report_az)


@pytest.fixture(scope="session")
def pdf_en(report_en):
    return render_pdf(report_en)


@pytest.fixture(scope="session")
def pdf_pages_az(pdf_az):
    """The PDF opened once with pdfplumber."""
    with pdfplumber.open(io.BytesIO(pdf_az)) as pdf:
        yield pdf.pages


@pytest.fixture(scope="session")
def pdf_text_az(pdf_pages_az):
    """The text of every page, as pdfplumber extracts it."""
    return [page.extract_text() or "" for page in pdf_pages_az]


@pytest.fixture(scope="session")
def docx_az(report_az):
    return Document(io.BytesIO(render_docx(report_az)))


@pytest.fixture(scope="session")
def docx_en(report_en):
    return Document(io.BytesIO(render_docx(report_en)))


@pytest.fixture(scope="session")
def consolidated_data(data_az):
    """The Digital Economy Strategy with the Digital Development Concept, one cycle."""
    from tests.fixtures import gold_path
    from tests.gold_plans import plan_from_gold

    concept = plan_from_gold(gold_path("001_53070439b15b0152"))
    return consolidated(data_az, report_for(concept, language="az"))


@pytest.fixture(scope="session")
def consolidated_report(consolidated_data):
    with untranslated():
        return assemble(consolidated_data)
