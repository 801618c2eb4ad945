"""A report as a Word document, from the same model as the HTML and the PDF.

Headings use Word's heading styles (navigation pane, generated contents),
tables repeat their header row on every page and keep each row on one page,
charts are PNG images drawn from the same Vega-Lite specifications at about
240 dpi with their text alternative, the measure table gets landscape pages,
and the file's properties carry the title, subject, keywords and language.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.section import Section as WordSection
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from hedef.domain.charts import CHART_WIDTH, render_png, render_pngs
from hedef.domain.core.text import az_upper
from hedef.domain.evaluation.statuses import status_colour
from hedef.domain.reports.docx_styles import (
    BRAND,
    BRAND_DARK,
    CODE_FONT,
    MUTED,
    add_field,
    cant_split,
    repeat_as_header,
    set_cell_shading,
    set_table_borders,
    setup_styles,
    shade_paragraph,
    word_language,
)
from hedef.domain.reports.model import (
    Align,
    Block,
    BulletList,
    Chart,
    Cover,
    Heading,
    KeyFiguresBlock,
    Note,
    NoteKind,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Report,
    RowKind,
    Table,
    Text,
)

__all__ = ["render_docx"]

_PORTRAIT_TEXT_WIDTH = Mm(210 - 2 * 18)
_LANDSCAPE_TEXT_WIDTH = Mm(297 - 2 * 15)
_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
}
_PARAGRAPH_STYLES = {
    ParagraphStyle.BODY: "Normal",
    ParagraphStyle.LEAD: "Hedef Lead",
    ParagraphStyle.SMALL: "Hedef Small",
    ParagraphStyle.QUOTE: "Hedef Quote",
    ParagraphStyle.CODE: "Hedef Code",
    ParagraphStyle.FACTS: "Hedef Small",
}


def render_docx(report: Report, *, chart_scale: float = 2.5) -> bytes:
    """Write ``report`` as DOCX bytes; charts are drawn at ``chart_scale`` times 96 dpi."""
    # Draw every chart first, side by side; the walk below then finds them drawn.
    render_pngs(
        [chart.spec for chart in report.charts()], scale=chart_scale, language=report.language
    )
    document = new_document()
    setup_styles(document, report.language)
    _page(document.sections[0], landscape=False)
    _header_footer(document.sections[0], report)
    _properties(document, report)
    _cover(document, report.cover, report.language)
    _contents(document, report)
    wide = False
    for section in report.sections:
        if section.wide != wide:
            _page(document.add_section(WD_SECTION.NEW_PAGE), landscape=section.wide)
            wide = section.wide
            heading = document.add_heading(section.title, level=section.level)
        else:
            heading = document.add_heading(section.title, level=section.level)
            heading.paragraph_format.page_break_before = section.new_page
        text_width = _LANDSCAPE_TEXT_WIDTH if wide else _PORTRAIT_TEXT_WIDTH
        for block in section.blocks:
            _block(document, block, report.language, text_width, chart_scale)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(section: WordSection, *, landscape: bool) -> None:
    long_side, short_side = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = long_side if landscape else short_side
    section.page_height = short_side if landscape else long_side
    margin = Mm(15) if landscape else Mm(18)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = Mm(18)
    section.header_distance = section.footer_distance = Mm(8)


def _header_footer(section: WordSection, report: Report) -> None:
    section.different_first_page_header_footer = True  # the cover has neither
    header = section.header.paragraphs[0]
    _small_run(header, report.running_title)
    if report.demo:
        _small_run(header, f"   ·   {report.demo_label}", colour=RGBColor(0x5B, 0x2C, 0x83))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for piece in re.split(r"(%\(page\)s|%\(pages\)s)", report.page_label):
        if piece == "%(page)s":
            add_field(footer, "PAGE", size=Pt(8))
        elif piece == "%(pages)s":
            add_field(footer, "NUMPAGES", size=Pt(8))
        elif piece:
            _small_run(footer, piece)


def _small_run(paragraph: WordParagraph, text: str, *, colour: RGBColor = MUTED) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = colour


def _properties(document: Document, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.running_title
    properties.subject = report.subject[:255]
    properties.keywords = "; ".join(report.keywords)
    properties.language = word_language(report.language)
    properties.author = report.cover.issuer or "Hədəf"
    properties.last_modified_by = "Hədəf"
    properties.category = report.title
    properties.comments = report.demo_label
    if report.created is not None:
        properties.created = properties.modified = datetime.combine(report.created, time())


def _cover(document: Document, cover: Cover, language: str) -> None:
    for _ in range(2):
        document.add_paragraph()
    if cover.issuer:
        issuer = _add(document, style="Hedef Lead")
        issuer.add_run(cover.issuer).font.color.rgb = MUTED
        issuer.paragraph_format.space_after = Pt(48)
    kicker = document.add_paragraph()
    # Azerbaijani capitals: "Monitorinq" → "MONİTORİNQ", not "MONITORINQ".
    run = kicker.add_run(az_upper(cover.title) if language == "az" else cover.title.upper())
    run.bold, run.font.size, run.font.color.rgb = True, Pt(13), BRAND
    single = len(cover.strategies) == 1
    for title, act in cover.strategies:
        if single:
            _add(document, title, style="Title")
        else:
            run = _add(document, style="Hedef Lead").add_run(title)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(14), BRAND_DARK
        if act:
            paragraph = _add(document, style="Hedef Lead")
            paragraph.add_run(act).italic = True
            paragraph.paragraph_format.space_after = Pt(24 if single else 12)
    for label, value in cover.facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").font.color.rgb = MUTED
        paragraph.add_run(value).bold = True
    if cover.demo_notice:
        notice = document.add_paragraph()
        notice.paragraph_format.space_before = Pt(24)
        run = notice.add_run(cover.demo_notice)
        run.bold, run.font.color.rgb = True, RGBColor(0x5B, 0x2C, 0x83)
    if cover.audit_line:
        audit = _add(document, style="Hedef Small")
        audit.paragraph_format.space_before = Pt(36)
        audit.add_run(cover.audit_line)


def _contents(document: Document, report: Report) -> None:
    heading = document.add_heading(report.contents_title, level=1)
    heading.paragraph_format.page_break_before = True
    for section in report.sections:
        paragraph = document.add_paragraph(section.title)
        paragraph.paragraph_format.left_indent = Cm(0.8 * (section.level - 1))
        paragraph.paragraph_format.space_after = Pt(2)


def _block(
    document: Document, block: Block, language: str, text_width: int, chart_scale: float
) -> None:
    match block:
        case Heading():
            document.add_heading(block.text, level=min(block.level, 4))
        case Paragraph():
            paragraph = _add(document, style=_PARAGRAPH_STYLES[block.style])
            _runs(paragraph, block.runs)
            if block.style is ParagraphStyle.FACTS:
                paragraph.paragraph_format.keep_with_next = True
        case BulletList():
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                _runs(_add(document, style=style), item)
        case KeyFiguresBlock():
            _key_figures(document, block, text_width)
        case Table():
            _table(document, block, text_width)
        case Chart():
            _chart(document, block, language, text_width, chart_scale)
        case Note():
            paragraph = _add(document, style="Hedef Note")
            _runs(paragraph, block.runs)
            fill = "FFF4E0" if block.kind is NoteKind.ATTENTION else "F3F6F9"
            shade_paragraph(paragraph, fill)
        case PageBreak():
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _style_id(name: str) -> str:
    """The id of a paragraph style: its name without spaces, as python-docx and Word make it.

    Setting the id directly spares python-docx a scan of every style per paragraph
    (which made a 50-measure report take seconds).
    """
    return name.replace(" ", "")


def _add(container: Document | _Cell, text: str = "", *, style: str = "Normal") -> WordParagraph:
    paragraph = container.add_paragraph(text)
    if style != "Normal":
        paragraph._p.style = _style_id(style)
    return paragraph


def _runs(paragraph: WordParagraph, runs: tuple[Text, ...]) -> None:
    for text in runs:
        lines = text.text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = text.bold or None
            run.italic = text.italic or None
            if text.code:
                run.font.name = CODE_FONT
            if index < len(lines) - 1:
                run.add_break()


def _key_figures(document: Document, block: KeyFiguresBlock, text_width: int) -> None:
    per_row = 5
    rows = -(-len(block.figures) // per_row)
    table = document.add_table(rows=rows, cols=per_row)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    width = int(text_width / per_row)
    for grid_column in table.columns:
        grid_column.width = Length(width)
    for index, figure in enumerate(block.figures):
        cell = table.rows[index // per_row].cells[index % per_row]
        cell.width = width
        label = cell.paragraphs[0]
        label._p.style = _style_id("Hedef Small")
        label.add_run(figure.label)
        value = cell.add_paragraph()
        run = value.add_run(figure.value)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(18), BRAND_DARK
        value.paragraph_format.space_after = Pt(0)
        if figure.detail:
            _add(cell, figure.detail, style="Hedef Small")
        set_cell_shading(cell, "F3F6F9")
    document.add_paragraph()


def _table(document: Document, block: Table, text_width: int) -> None:
    if block.caption:
        _add(document, block.caption, style="Caption")
    columns = block.columns
    table = document.add_table(rows=1 + len(block.rows), cols=len(columns))
    table.autofit = False
    set_table_borders(table)
    total = sum(column.width for column in columns) or 1.0
    widths = [int(text_width * column.width / total) for column in columns]
    # Word reads the cell widths, LibreOffice the table grid: set both.
    for grid_column, width in zip(table.columns, widths, strict=True):
        grid_column.width = Length(width)
    style = _style_id("Hedef Table Small" if block.small else "Hedef Table")
    header = table.rows[0]
    repeat_as_header(header)
    cant_split(header)
    for cell, column, width in zip(header.cells, columns, widths, strict=True):
        _fill(cell, (Text(column.header, bold=True),), style, column.align, width)
        set_cell_shading(cell, "F3F6F9")
    for row, word_row in zip(block.rows, table.rows[1:], strict=True):
        cant_split(word_row)
        cells = word_row.cells
        if row.kind is RowKind.GROUP:
            merged = cells[0].merge(cells[-1])
            _fill(merged, (Text(row.cells[0].text, bold=True),), style, Align.LEFT, sum(widths))
            set_cell_shading(merged, "E3EEFA")
            continue
        for index, (cell, column, width) in enumerate(zip(cells, columns, widths, strict=True)):
            content = row.cells[index] if index < len(row.cells) else None
            if content is None:
                continue
            runs = content.runs
            if row.kind is RowKind.TOTAL or (index == 0 and block.row_headers):
                runs = tuple(Text(run.text, True, run.italic, run.code) for run in runs)
            paragraph = _fill(cell, runs, style, column.align, width, status=content.status)
            if content.flag:
                set_cell_shading(cell, "FFF4E0")
                for run in paragraph.runs:
                    run.font.color.rgb = RGBColor(0x8A, 0x4B, 0x00)
    if block.note:
        _add(document, block.note, style="Hedef Small")


def _fill(
    cell: _Cell,
    runs: tuple[Text, ...],
    style: str,
    align: Align,
    width: int,
    *,
    status: str | None = None,
) -> WordParagraph:
    cell.width = Length(width)
    paragraph: WordParagraph = cell.paragraphs[0]
    paragraph._p.style = style
    paragraph.alignment = _ALIGN[align]
    if status is not None:
        dot = paragraph.add_run("● ")
        dot.font.color.rgb = RGBColor.from_string(status_colour(status).lstrip("#").upper())
    _runs(paragraph, runs)
    return paragraph


def _chart(
    document: Document, chart: Chart, language: str, text_width: int, chart_scale: float
) -> None:
    png = render_png(chart.spec, scale=chart_scale, language=language)
    # Draw at the chart's own width (640 CSS px ≈ 16.9 cm) or the text width if narrower.
    width = min(text_width, Cm(CHART_WIDTH * 2.54 / 96))
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_together = True
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=width)
    # The text alternative Word reads out and shows as "Alt Text".
    shape._inline.docPr.set("descr", chart.description or chart.title)
    shape._inline.docPr.set("title", chart.title)
