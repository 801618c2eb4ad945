"""The HTML report is self-contained, in its language, and its tables and charts are accessible."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hedef.domain.reports import render_html


class Outline(HTMLParser):
    """Tags, attributes and ids of a document, for structural assertions."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.mark.parametrize(("fixture", "language"), [("html_az", "az"), ("html_en", "en")])
def test_root_declares_the_report_language(request, fixture, language):
    html = request.getfixturevalue(fixture)
    assert outline(html).all("html") == [{"lang": language}]


@pytest.mark.parametrize("fixture", ["html_az", "html_en"])
def test_nothing_is_fetched_from_anywhere(request, fixture):
    html = request.getfixturevalue(fixture)
    parsed = outline(html)
    assert not parsed.all("script") and not parsed.all("link") and not parsed.all("img")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html)
    assert "@import" not in html
    # The only URLs left are XML namespace names inside the SVG, never fetched.
    leftovers = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert leftovers <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_one_h1_and_chapters_as_h2(html_az, report_az):
    parsed = outline(html_az)
    assert len(parsed.all("h1")) == 1
    chapters = [a for a in parsed.all("h2") if a.get("class") == "chapter"]
    assert len(chapters) == len(report_az.sections)


def test_tables_have_captions_and_scoped_headers(html_az, report_az):
    tables = re.findall(r"<table.*?</table>", html_az, flags=re.S)
    assert len(tables) == len(report_az.tables())
    for table, model in zip(tables, report_az.tables(), strict=True):
        assert ("<caption>" in table) is bool(model.caption)
        head = re.search(r"<thead>(.*?)</thead>", table, flags=re.S).group(1)
        assert head.count('<th scope="col"') == len(model.columns)
        if model.row_headers:
            assert '<th scope="row"' in table


def test_charts_are_inline_svg_with_a_text_alternative_and_unique_ids(html_az, report_az):
    svgs = re.findall(r"<svg [^>]*>", html_az)
    assert len(svgs) == len(report_az.charts())
    assert all('role="img"' in svg and 'aria-label="' in svg for svg in svgs)
    ids = re.findall(r'\sid="([^"]+)"', html_az)
    assert len(ids) == len(set(ids))


def test_the_measure_numbers_and_azerbaijani_titles_are_in_the_page(html_az, data_az):
    for measure in data_az.sections[0].measures:
        assert f'<th scope="row">{measure.number}</th>' in html_az
    assert data_az.sections[0].title in html_az


def test_text_is_escaped(report_az):
    from dataclasses import replace

    cover = replace(report_az.cover, issuer="<script>alert(1)</script> & Co")
    html = render_html(replace(report_az, cover=cover))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "<script>" not in html


def test_status_is_never_told_by_colour_alone(html_az):
    for cell in re.findall(r'<t[dh][^>]*class="[^"]*status[^"]*"[^>]*>(.*?)</t[dh]>', html_az):
        dot, text = cell.split("</span>", 1)
        assert 'aria-hidden="true"' in dot and text.strip()
