"""A report as a PDF: the HTML document printed by WeasyPrint on A4 pages.

The fonts are embedded from their files (:mod:`.fonts`), so every Azerbaijani
letter shows on any reader's machine and the text copies out intact. Pages
carry the running title and "Page 3 of 20"; the measure table gets landscape
pages; chapters appear as PDF bookmarks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from weasyprint import HTML, URLFetcher  # type: ignore[import-untyped]

from hedef.domain.reports.fonts import DEFAULT_FONT_DIRS, find_fonts, font_face_css
from hedef.domain.reports.html_writer import document, page_css
from hedef.domain.reports.model import Report

__all__ = ["OFFLINE_PROTOCOLS", "offline_fetcher", "render_pdf"]

# The charts travel as data: URIs and the fonts as local files; nothing else is
# ever fetched, whatever text reaches the document.
OFFLINE_PROTOCOLS = frozenset({"data", "file"})


def offline_fetcher() -> URLFetcher:
    """A WeasyPrint fetcher that refuses every URL but ``data:`` and ``file:``."""
    return URLFetcher(allowed_protocols=OFFLINE_PROTOCOLS, fail_on_errors=False)


def render_pdf(report: Report, *, font_dirs: Sequence[Path] = DEFAULT_FONT_DIRS) -> bytes:
    """Print ``report`` to PDF bytes.

    Args:
        report: the assembled report.
        font_dirs: where to look for Noto Sans and DejaVu Sans.

    Raises:
        FontsMissing: no font with every Azerbaijani letter was found.
    """
    fonts = font_face_css(find_fonts(font_dirs))
    html = document(report, extra_css=f"{fonts}\n{page_css(report)}", svg_as_image=True)
    printed = HTML(string=html, base_url=None, url_fetcher=offline_fetcher()).render()
    metadata = printed.metadata
    metadata.title = report.running_title
    metadata.description = report.subject
    metadata.keywords = list(report.keywords)
    metadata.generator = "Hədəf"
    metadata.lang = report.language
    if report.created is not None:
        # The report date, not the clock: the same data print to the same file.
        metadata.created = metadata.modified = report.created.isoformat()
    pdf: bytes = printed.write_pdf()
    return pdf
