"""The PDF read back: its text, its fonts, its pages as images."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from hedef.domain.reports import FontsMissing
from hedef.domain.reports.fonts import AZERBAIJANI_LETTERS, covers, find_fonts
from hedef.domain.reports.formatting import format_share
from tests.helpers.pdf_text import figure_box_text, flat

pytestmark = pytest.mark.slow  # each language's PDF takes seconds to render
A4 = (595.3, 841.9)  # points


def test_pdf_is_a4_with_landscape_pages_for_the_measures(pdf_az):
    with pdfplumber.open(io.BytesIO(pdf_az)) as pdf:
        sizes = {(round(page.width, 1), round(page.height, 1)) for page in pdf.pages}
        assert sizes == {A4, A4[::-1]}
        assert 20 <= len(pdf.pages) <= 45


def test_strategy_title_and_azerbaijani_words_read_back_intact(pdf_text_az, data_az):
    text = flat("\n".join(pdf_text_az))
    assert flat(data_az.sections[0].title) in text
    assert "Monitorinq hesabatı" in text
    # Capital Ə, dotted İ and the other letters of the alphabet, as words.
    for word in (
        "Əkiz",
        "Əldə",
        "Əlavə",
        "ƏƏSMN",
        "İqtisadi",
        "Rəqəmsal",
        "çıxış",
        "ğ",
        "ş",
        "ö",
        "ü",
    ):
        assert word in text, word
    assert "Ə" in pdf_text_az[0] or "Ə" in text


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Measures monitored", lambda f: str(f.measures)),
        ("Completed", lambda f: str(f.count("completed"))),
        ("On schedule", lambda f: str(f.count("on_schedule"))),
        ("Reports submitted on time", lambda f: format_share(f.on_time_share, language="az")),
        ("Headline indicators on track", lambda f: f"{f.indicators_on_track} / {f.indicators}"),
        ("Self-reported statuses that disagree", lambda f: str(f.disagreements)),
    ],
)
def test_key_figures_read_back_equal_to_the_input(pdf_pages_az, pdf_text_az, data_az, label, value):
    summary = next(i for i, page in enumerate(pdf_text_az) if "Measures by status" in page)
    text = figure_box_text(pdf_pages_az[summary], label)
    assert (
        text.removeprefix(label).split()[: len(value(data_az.key_figures).split())]
        == value(data_az.key_figures).split()
    )


def test_charts_are_drawn_into_the_pdf(pdf_text_az):
    # Chart text is placed word by word; pdfplumber joins the words without spaces.
    text = "".join("".join(pdf_text_az).split())
    assert "Rank(1=best)" in text  # the readiness chart's axis, drawn as text
    assert "Measuresbystatusandprioritydirection" in text  # a status chart's title


def test_every_measure_number_is_in_the_measure_table(pdf_text_az, data_az):
    pages = [page for page in pdf_text_az if "Self-reported" in page]
    numbers = set(re.findall(r"^(\d+(?:\.\d+){3})\s", "\n".join(pages), flags=re.M))
    assert numbers == {measure.number for measure in data_az.sections[0].measures}


def test_fonts_are_embedded_and_are_the_report_faces(pdf_az, pdf_pages_az):
    names = {char["fontname"].split("+", 1)[-1] for page in pdf_pages_az[:3] for char in page.chars}
    assert any(name.startswith(("NotoSans", "Noto-Sans")) for name in names), names
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("poppler-utils (pdffonts) not installed")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf_az)
        file.flush()
        listing = subprocess.run(
            [pdffonts, file.name], capture_output=True, text=True, check=True
        ).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows)  # the "emb" column, every font
    assert any("Noto" in row[0] for row in rows)


def test_first_page_renders_to_a_non_blank_image(pdf_az):
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("poppler-utils (pdftoppm) not installed")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(pdf_az)
        subprocess.run(
            [pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "1", str(source), f"{folder}/page"],
            check=True,
        )
        (png,) = Path(folder).glob("page*.png")
        image = Image.open(png).convert("L")
    histogram = image.histogram()
    ink = sum(histogram[:200]) / sum(histogram)  # pixels clearly darker than paper
    assert 0.005 < ink < 0.5


def test_english_report_prints_too(pdf_en, data_en):
    with pdfplumber.open(io.BytesIO(pdf_en)) as pdf:
        first = flat(pdf.pages[0].extract_text())
    assert "MONITORING REPORT" in first
    assert "Center for Analysis of Economic Reforms and Communication" in first


def test_font_files_cover_every_azerbaijani_letter():
    faces = find_fonts()
    assert {face.family for face in faces} >= {"Noto Sans", "DejaVu Sans"}
    assert all(covers(face.path, AZERBAIJANI_LETTERS) for face in faces)


def test_missing_fonts_are_named_not_guessed(tmp_path):
    with pytest.raises(FontsMissing) as refused:
        find_fonts([tmp_path])
    assert refused.value.code == "fonts_missing"
    assert "fonts-noto-core" in str(refused.value)


def test_the_stylesheet_prints_without_a_warning(report_az, caplog):
    """Every CSS rule means something to the printer: nothing is silently ignored."""
    from dataclasses import replace

    from hedef.domain.reports import render_pdf

    short = replace(report_az, sections=report_az.sections[:3])
    with caplog.at_level("WARNING", logger="weasyprint"):
        render_pdf(short)
    assert [record.getMessage() for record in caplog.records] == []


@pytest.mark.parametrize(
    "url", ["http://example.invalid/logo.png", "https://example.invalid/font.woff2", "ftp://x/y"]
)
def test_the_printer_fetches_nothing_from_the_network(url):
    from hedef.domain.reports.pdf_writer import offline_fetcher

    with pytest.raises(ValueError, match="disallowed protocol"):
        offline_fetcher().fetch(url)
