"""``hedef report``: files read back, the dashboard's numbers in them, bad input refused.

Rendering takes seconds, so the command writes each file once for the module, in
a transaction rolled back afterwards, beside what the strategy dashboard page
shows for the same cycle.
"""

from __future__ import annotations

import hashlib
import os
import re
from types import SimpleNamespace

import pdfplumber
import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from docx import Document
from typer.testing import CliRunner

from hedef.cli import app
from tests.helpers.pdf_text import figure_box_text, flat
from tests.helpers.portfolio import STRATEGY, build_portfolio

pytestmark = pytest.mark.slow  # the command renders every format in two languages
runner = CliRunner()
HASH = hashlib.sha256(b"the audit chain at the publication of 2026-S2").hexdigest()
CYCLE = "2026-ii-yarimil"
WRITTEN = [("pdf", "en"), ("docx", "en"), ("docx", "az"), ("html", "az"), ("html", "en")]
DEFAULT_NAME = f"hedef-{STRATEGY}-{CYCLE}-en.html"  # html/en is written without -o


@pytest.fixture(scope="module")
def written(django_db_setup, django_db_blocker, tmp_path_factory):
    from hedef.agencies.services import agency_registry_load
    from hedef.monitoring.models import ReportingCycle

    folder = tmp_path_factory.mktemp("reports")
    here = os.getcwd()
    with django_db_blocker.unblock(), transaction.atomic():
        agency_registry_load()
        cycle = build_portfolio()["cycles"]["c3"]
        ReportingCycle.objects.filter(pk=cycle.pk).update(published_head_hash=HASH)
        dashboard = dashboard_page(cycle.pk)
        files = {}
        for fmt, lang in WRITTEN:
            args = ["report", STRATEGY, "--cycle", CYCLE, "--format", fmt, "--lang", lang]
            path = folder / DEFAULT_NAME
            if (fmt, lang) != ("html", "en"):
                path = folder / f"report-{lang}.{fmt}"
                args += ["-o", str(path)]
            os.chdir(folder)
            try:
                result = runner.invoke(app, args)
            finally:
                os.chdir(here)
            assert result.exit_code == 0, result.output
            assert f"wrote {path.name}" in flat(result.output) or str(path) in flat(result.output)
            files[(fmt, lang)] = path
        transaction.set_rollback(True)
    return SimpleNamespace(dashboard=dashboard, files=files)


def dashboard_page(cycle_pk: int) -> dict[str, str]:
    """The strategy dashboard's summary figures as the page prints them, in English."""
    from hedef.accounts.models import Role
    from tests.helpers.accounts import make_user

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user("reader", Role.LEADERSHIP))
    url = reverse("evaluation:strategy-dashboard", kwargs={"code": STRATEGY})
    html = client.get(f"{url}?cycle={cycle_pk}").content.decode()
    (block,) = re.findall(r'<dl class="figures">(.*?)</dl>', html, flags=re.S)
    figures = {
        strip_tags(label).strip(): strip_tags(value).strip()
        for label, value in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block, flags=re.S)
    }
    notice = re.search(r'<p class="notice attention" role="note">(\d+) ', html)
    figures["disagreements"] = notice.group(1) if notice else "0"
    return figures


STATUSES = ("Completed", "On schedule", "Behind schedule", "Overdue", "Not reported", "Cancelled")


def expected_key_figures(page: dict[str, str]) -> dict[str, str]:
    """The report's key figures, as the dashboard page has them (shares without the space)."""
    return {
        "Measures monitored": page["Measures"],
        "Completed": page["Completed"],
        "On schedule": page["On schedule"],
        "Behind schedule or overdue": str(int(page["Behind schedule"]) + int(page["Overdue"])),
        "Not reported": page["Not reported"],
        "Mean attainment of headline indicators": page["Mean indicator attainment"].replace(
            " ", ""
        ),
        "Reports submitted on time": page["Reports on time"].replace(" ", ""),
        "Self-reported statuses that disagree": page["disagreements"],
    }


def expected_statuses(page: dict[str, str]) -> dict[str, str]:
    return {label: page[label] for label in STATUSES if page[label] != "0"}


# ---- the dashboard's numbers in the report --------------------------------------------------


def test_dashboard_page_shows_the_portfolio(written):
    page = written.dashboard
    assert page["Measures"] == "8" and page["Behind schedule"] == "3"
    assert page["Reports on time"].endswith("%") and page["disagreements"] != "0"


def test_docx_key_figures_and_status_counts_equal_the_dashboards(written):
    document = Document(written.files[("docx", "en")])
    cells = {}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts = [paragraph.text for paragraph in cell.paragraphs]
                if len(texts) >= 2:
                    cells[texts[0]] = texts[1]
    for label, value in expected_key_figures(written.dashboard).items():
        assert cells[label] == value, label
    (statuses,) = [
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["Status", "Measures", "Share"]
    ]
    counts = {row.cells[0].text.lstrip("● "): row.cells[1].text for row in statuses.rows[1:-1]}
    assert counts == expected_statuses(written.dashboard)


@pytest.fixture(scope="module")
def pdf_pages(written):
    with pdfplumber.open(written.files[("pdf", "en")]) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        summary = next(i for i, text in enumerate(texts) if "Measures by status" in text)
        boxes = {
            label: figure_box_text(pdf.pages[summary], label)
            for label in expected_key_figures(written.dashboard)
        }
    return SimpleNamespace(texts=texts, summary=texts[summary], boxes=boxes)


def test_pdf_key_figures_and_status_counts_equal_the_dashboards(written, pdf_pages):
    for label, value in expected_key_figures(written.dashboard).items():
        assert pdf_pages.boxes[label].removeprefix(label).split()[0] == value, label
    table = pdf_pages.summary.split("Status Measures Share\n", 1)[1].split("\nTotal ", 1)[0]
    counts = dict(re.findall(r"^(\D+) (\d+) \d+%$", table, flags=re.M))
    assert counts == expected_statuses(written.dashboard)


# ---- what the files carry ------------------------------------------------------------------


def test_pdf_keeps_azerbaijani_letters_and_the_audit_hash(pdf_pages):
    text = flat("\n".join(pdf_pages.texts))
    for words in (
        "Sınaq portfeli 2025–2027",
        "2026, II yarımil",
        "Birinci məqsəd",
        "İkinci istiqamət",
        "Üçüncü istiqamət",
        "Birinci göstərici",
    ):
        assert words in text, words
    assert HASH in "".join(text.split())  # in full in the annex, however it wraps
    assert f"{HASH[:8]}…{HASH[-8:]}" in text  # shortened on the cover


def test_html_names_its_language(written):
    for lang in ("az", "en"):
        html = written.files[("html", lang)].read_text("utf-8")
        assert f'<html lang="{lang}">' in html
        assert "Sınaq portfeli 2025–2027" in html and HASH in html


def test_labels_are_in_the_reports_language(written):
    def status_header(lang):
        document = Document(written.files[("docx", lang)])
        headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
        return next(h for h in headers if h[0] == "Status" and len(h) == 3), document

    english, document_en = status_header("en")
    azerbaijani, document_az = status_header("az")
    assert english[1] == "Measures" and azerbaijani[1] == "Tədbirlər"
    assert document_en.core_properties.language == "en-GB"
    assert document_az.core_properties.language == "az-Latn-AZ"
    html_az = written.files[("html", "az")].read_text("utf-8")
    html_en = written.files[("html", "en")].read_text("utf-8")
    assert "İlkin nəticələr" in html_az and "Initial results" not in html_az
    assert "Initial results" in html_en


def test_without_output_the_file_is_named_after_strategy_cycle_and_language(written):
    assert written.files[("html", "en")].name == DEFAULT_NAME
    assert written.files[("html", "en")].stat().st_size > 10_000


# ---- bad input -----------------------------------------------------------------------------


@pytest.fixture
def portfolio(registry):
    return build_portfolio()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["nope", "--cycle", CYCLE], STRATEGY),
        ([STRATEGY, "--cycle", "2031"], "2026, II yarımil"),
        ([STRATEGY], "--cycle is required"),
        ([STRATEGY, "--cycle", CYCLE, "--format", "odt"], "pdf, docx, html"),
        ([STRATEGY, "--cycle", CYCLE, "--lang", "ru"], "az, en"),
        ([STRATEGY, "--cycle", CYCLE, "-o", "/no/such/folder/report.pdf"], "does not exist"),
    ],
)
def test_bad_input_exits_1_naming_what_is_known(portfolio, args, said):
    result = runner.invoke(app, ["report", *args])
    assert result.exit_code == 1
    assert said in flat(result.output)


def test_a_folder_is_not_an_output_file(portfolio, tmp_path):
    result = runner.invoke(app, ["report", STRATEGY, "--cycle", CYCLE, "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "is a folder" in flat(result.output)
    assert list(tmp_path.iterdir()) == []


def test_help_documents_the_consolidated_report():
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    text = flat(result.output)
    assert "hedef report all --cycle" in text and "consolidated" in text
