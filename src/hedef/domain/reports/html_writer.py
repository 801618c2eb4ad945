"""A report as one self-contained HTML document: styles inside, charts as inline SVG.

The same document, with the font files added, is what WeasyPrint prints to PDF
(:mod:`.pdf_writer`), so the two cannot drift apart. Nothing is fetched from
anywhere: no scripts, no remote fonts, no images by URL.

Accessibility: ``lang`` on the root, one ``h1`` (the cover), chapters as
``h2``, tables with captions, ``th`` with ``scope`` for column and row headers,
charts as ``role="img"`` with their text alternative, status never by colour
alone.
"""

from __future__ import annotations

import base64
import re
from html import escape
from importlib import resources

from hedef.domain.charts import render_svg, render_svgs
from hedef.domain.evaluation.statuses import status_colour
from hedef.domain.reports.model import (
    Align,
    Block,
    BulletList,
    Cell,
    Chart,
    Cover,
    Heading,
    KeyFiguresBlock,
    Note,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Report,
    Row,
    RowKind,
    Section,
    Table,
    Text,
)

__all__ = ["document", "page_css", "render_html"]

_SVG_ID = re.compile(r'\bid="([^"]+)"')
_KEEP_ROWS = 12


def render_html(report: Report) -> str:
    """The report as a self-contained HTML page for a browser, charts as inline SVG."""
    return document(report, extra_css="")


def document(report: Report, *, extra_css: str, svg_as_image: bool = False) -> str:
    """The report's HTML with ``extra_css`` (page and font rules) after the house styles.

    With ``svg_as_image`` each chart's SVG is embedded as a ``data:`` image
    instead of inline markup: the same drawing, but a printer then treats it as
    one image rather than styling each of its thousands of elements.
    """
    css = resources.files("hedef.domain.reports").joinpath("report.css").read_text("utf-8")
    render_svgs([chart.spec for chart in report.charts()], language=report.language)  # warm
    body = [_demo_band(report), _cover(report.cover), _contents(report)]
    body.append("<main>")
    for number, section in enumerate(report.sections):
        body.append(_section(section, report.language, number, svg_as_image))
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(report.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(report.running_title)}</title>\n"
        f'<meta name="description" content="{escape(report.subject)}">\n'
        f'<meta name="keywords" content="{escape(", ".join(report.keywords))}">\n'
        '<meta name="generator" content="Hədəf">\n'
        f"<style>\n{css}\n{extra_css}\n</style>\n</head>\n"
        '<body class="report">\n'
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


def page_css(report: Report) -> str:
    """``@page`` rules: A4, running header, "Page 3 of 20", the demo mark, landscape pages."""
    pages = _page_counter_content(report.page_label)
    demo = ""
    if report.demo:
        demo = f"@top-right {{ content: {_css_string(report.demo_label)}; color: #5b2c83; }}"

    return f"""
@page {{
  size: A4; margin: 20mm 17mm 20mm 17mm;
  font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #4f5b6b;
  @top-left {{ content: {_css_string(report.running_title)}; }}
  {demo}
  @bottom-right {{ content: {pages}; }}
}}
@page wide {{ size: A4 landscape; margin: 15mm 14mm 16mm 14mm; }}
@page cover {{
  margin: 22mm 22mm 20mm 22mm;
  @top-left {{ content: none; }} @bottom-right {{ content: none; }}
}}
@page :first {{ @top-left {{ content: none; }} @bottom-right {{ content: none; }} }}
h2.chapter {{ bookmark-level: 1; }}
h3.chapter {{ bookmark-level: 2; }}
h3:not(.chapter), h4, h5, h6 {{ bookmark-level: none; }}
"""


def _page_counter_content(label: str) -> str:
    """CSS ``content`` for the translated "Page %(page)s of %(pages)s" pattern."""
    parts: list[str] = []
    for piece in re.split(r"(%\(page\)s|%\(pages\)s)", label):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(_css_string(piece))
    return " ".join(parts) or "counter(page)"


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def _demo_band(report: Report) -> str:
    if not report.demo:
        return ""
    return f'<div class="demo-band" role="note">{escape(report.demo_label)}</div>'


def _cover(cover: Cover) -> str:
    parts = ['<header class="cover" id="cover">']
    if cover.issuer:
        parts.append(f'<p class="issuer">{escape(cover.issuer)}</p>')
    if len(cover.strategies) == 1:
        ((title, act),) = cover.strategies
        parts.append(
            f'<h1><span class="kicker">{escape(cover.title)}</span> '
            f'<span class="strategy">{escape(title)}</span></h1>'
        )
        if act:
            parts.append(f'<p class="act">{escape(act)}</p>')
    else:
        parts.append(f'<h1><span class="kicker">{escape(cover.title)}</span></h1>')
        items = "".join(
            f"<li>{escape(title)}"
            + (f'<span class="act">{escape(act)}</span>' if act else "")
            + "</li>"
            for title, act in cover.strategies
        )
        parts.append(f'<ul class="strategies">{items}</ul>')
    facts = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>"
        for label, value in cover.facts
    )
    parts.append(f'<dl class="cover-facts">{facts}</dl>')
    if cover.demo_notice:
        parts.append(f'<p class="demo">{escape(cover.demo_notice)}</p>')
    if cover.audit_line:
        parts.append(f'<p class="audit">{escape(cover.audit_line)}</p>')
    parts.append("</header>")
    return "\n".join(parts)


def _contents(report: Report) -> str:
    items = "".join(
        f'<li class="level-{section.level}"><a href="#{escape(section.key)}">'
        f"{escape(section.title)}</a></li>"
        for section in report.sections
    )
    return (
        '<nav class="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">{escape(report.contents_title)}</h2><ol>{items}</ol></nav>'
    )


def _section(section: Section, language: str, number: int, svg_as_image: bool) -> str:
    classes = ["chapter", f"level-{section.level}"]
    if section.new_page:
        classes.append("new-page")
    if section.wide:
        classes.append("wide")
    tag = f"h{section.level + 1}"
    parts = [
        f'<section id="{escape(section.key)}" class="{" ".join(classes)}">',
        f'<{tag} class="chapter">{escape(section.title)}</{tag}>',
    ]
    for index, block in enumerate(section.blocks):
        parts.append(_block(block, language, f"c{number}-{index}", svg_as_image))
    parts.append("</section>")
    return "\n".join(parts)


def _block(block: Block, language: str, uid: str, svg_as_image: bool) -> str:
    match block:
        case Heading():
            level = min(block.level + 1, 6)
            anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
            return f"<h{level}{anchor}>{escape(block.text)}</h{level}>"
        case Paragraph():
            if block.style is ParagraphStyle.CODE:
                return f"<pre>{escape(block.text)}</pre>"
            return f'<p class="{block.style.value}">{_runs(block.runs)}</p>'
        case BulletList():
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{_runs(item)}</li>" for item in block.items)
            return f"<{tag}>{items}</{tag}>"
        case KeyFiguresBlock():
            return _key_figures(block)
        case Table():
            return _table(block)
        case Chart():
            return _chart(block, language, uid, svg_as_image)
        case Note():
            return f'<div class="note {block.kind.value}" role="note">{_runs(block.runs)}</div>'
        case PageBreak():
            return '<div style="break-after: page"></div>'
    raise TypeError(f"unknown block {block!r}")


def _runs(runs: tuple[Text, ...]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br>")
        if run.code:
            text = f"<code>{text}</code>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        parts.append(text)
    return "".join(parts)


def _key_figures(block: KeyFiguresBlock) -> str:
    items = []
    for figure in block.figures:
        detail = f'<dd class="detail">{escape(figure.detail)}</dd>' if figure.detail else ""
        items.append(
            f'<div class="figure" data-key="{escape(figure.key)}"><dt>{escape(figure.label)}</dt>'
            f'<dd class="value">{escape(figure.value)}</dd>{detail}</div>'
        )
    return f'<dl class="key-figures">{"".join(items)}</dl>'


def _align_class(align: Align) -> str:
    return {Align.RIGHT: "num", Align.CENTER: "center"}.get(align, "")


def _table(table: Table) -> str:
    total = sum(column.width for column in table.columns) or 1.0
    cols = "".join(
        f'<col style="width: {100 * column.width / total:.1f}%">' for column in table.columns
    )
    head = "".join(
        f'<th scope="col"{_class(_align_class(column.align))}>{escape(column.header)}</th>'
        for column in table.columns
    )
    body = "".join(_row(row, table) for row in table.rows)
    classes = ["data", *(["small"] if table.small else [])]
    # A short table stays on one page with its caption; a long one breaks between rows.
    wrap = "table-wrap keep" if len(table.rows) <= _KEEP_ROWS else "table-wrap"
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    note = f'<p class="small">{escape(table.note)}</p>' if table.note else ""
    return (
        f'<div class="{wrap}"><table class="{" ".join(classes)}" '
        f'id="table-{escape(table.key)}">{caption}<colgroup>{cols}</colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}</div>"
    )


def _row(row: Row, table: Table) -> str:
    if row.kind is RowKind.GROUP:
        span = len(table.columns)
        text = _runs(row.cells[0].runs)
        return f'<tr class="group"><th scope="colgroup" colspan="{span}">{text}</th></tr>'
    cells = []
    for index, (cell, column) in enumerate(zip(row.cells, table.columns, strict=False)):
        heads_row = index == 0 and table.row_headers
        cells.append(_cell(cell, _align_class(column.align), row_header=heads_row))
    kind = ' class="total"' if row.kind is RowKind.TOTAL else ""
    return f"<tr{kind}>{''.join(cells)}</tr>"


def _cell(cell: Cell, align: str, *, row_header: bool) -> str:
    classes = [align] if align else []
    content = _runs(cell.runs)
    if cell.status is not None:
        classes.append("status")
        colour = status_colour(cell.status)
        content = (
            f'<span class="status-dot" aria-hidden="true" style="background: {colour}"></span>'
            f"{content}"
        )
    if cell.flag:
        classes.append("flag")
    if row_header:
        return f'<th scope="row"{_class(" ".join(classes))}>{content}</th>'
    return f"<td{_class(' '.join(classes))}>{content}</td>"


def _class(names: str) -> str:
    return f' class="{names}"' if names else ""


def _chart(chart: Chart, language: str, uid: str, svg_as_image: bool) -> str:
    svg = render_svg(chart.spec, language=language)
    label = escape(chart.description or chart.title)
    figure = f'<figure class="chart" id="chart-{escape(chart.key)}">'
    if svg_as_image:
        width, height = _svg_size(svg)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return (
            f'{figure}<img src="data:image/svg+xml;base64,{data}" alt="{label}" '
            f'width="{width}" height="{height}"></figure>'
        )
    # Several charts share one page: their internal ids must not collide.
    svg = _SVG_ID.sub(lambda match: f'id="{uid}-{match.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda match: f"url(#{uid}-{match.group(1)})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda match: f'href="#{uid}-{match.group(1)}"', svg)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
    return f"{figure}{svg}</figure>"


def _svg_size(svg: str) -> tuple[str, str]:
    """The width and height attributes of an SVG document's root element."""
    root = svg[: svg.index(">")]
    width = re.search(r'\bwidth="([\d.]+)', root)
    height = re.search(r'\bheight="([\d.]+)', root)
    return (width.group(1) if width else "640", height.group(1) if height else "300")
