"""Word styles and the few WordprocessingML details python-docx has no API for.

The colours and type follow ``hedef.css``; the text face is Arial, which every
office machine has and which covers every Azerbaijani letter (Noto Sans, the PDF
face, is rarely installed where DOCX files are opened). Headings use Word's
built-in "Heading 1–4" styles so that the navigation pane and a generated table
of contents work.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

__all__ = [
    "BRAND",
    "BRAND_DARK",
    "CODE_FONT",
    "INK",
    "MUTED",
    "TEXT_FONT",
    "add_field",
    "cant_split",
    "repeat_as_header",
    "set_cell_shading",
    "set_table_borders",
    "setup_styles",
    "shade_paragraph",
    "word_language",
]

TEXT_FONT = "Arial"
CODE_FONT = "Consolas"
INK = RGBColor(0x1B, 0x24, 0x30)
MUTED = RGBColor(0x4F, 0x5B, 0x6B)
BRAND = RGBColor(0x0B, 0x53, 0x94)
BRAND_DARK = RGBColor(0x07, 0x37, 0x63)
LINE_HEX = "D5DBE3"

_LANGUAGES = {"az": "az-Latn-AZ", "en": "en-GB", "ru": "ru-RU"}


def word_language(language: str) -> str:
    """The Word language tag of a report language ("az" → "az-Latn-AZ")."""
    return _LANGUAGES.get(language, language)


def setup_styles(document: Document, language: str) -> None:
    """Set the text face, sizes and colours, and the proofing language of every run."""
    styles = document.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _font(normal, size=10, colour=INK)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    _defaults_language(document, word_language(language))
    for level, size, before in ((1, 16, 0), (2, 13, 14), (3, 11.5, 10), (4, 10.5, 8)):
        heading = styles[f"Heading {level}"]
        assert isinstance(heading, ParagraphStyle)
        _font(heading, size=size, colour=BRAND_DARK, bold=True)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
    _bottom_border(styles["Heading 1"], colour="0B5394", size=12)
    title = styles["Title"]
    assert isinstance(title, ParagraphStyle)
    _font(title, size=24, colour=BRAND_DARK, bold=True)
    _remove_border(title)
    caption = styles["Caption"]
    assert isinstance(caption, ParagraphStyle)
    _font(caption, size=9, colour=BRAND_DARK, bold=True, italic=False)
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)
    for name, size, colour, italic in (
        ("Hedef Lead", 11.5, INK, False),
        ("Hedef Small", 8.5, MUTED, False),
        ("Hedef Quote", 9.5, INK, False),
        ("Hedef Note", 9.5, INK, False),
        ("Hedef Table", 8.5, INK, False),
        ("Hedef Table Small", 7.5, INK, False),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.base_style = normal
        _font(style, size=size, colour=colour, italic=italic)
    for name in ("Hedef Table", "Hedef Table Small"):
        table_text = styles[name]
        assert isinstance(table_text, ParagraphStyle)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.line_spacing = 1.05
    quote = styles["Hedef Quote"]
    assert isinstance(quote, ParagraphStyle)
    quote.paragraph_format.left_indent = Pt(14)
    code = styles.add_style("Hedef Code", WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(code, ParagraphStyle)
    code.base_style = normal
    _font(code, size=8.5, colour=INK, name=CODE_FONT)


def _font(
    style: ParagraphStyle,
    *,
    size: float,
    colour: RGBColor,
    bold: bool | None = None,
    italic: bool | None = None,
    name: str = TEXT_FONT,
) -> None:
    font = style.font
    font.name = name
    font.size = Pt(size)
    font.color.rgb = colour
    font.bold = bold
    font.italic = italic
    # python-docx sets only the Latin slot; complex-script and East Asian text
    # would otherwise fall back to the theme font.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def _defaults_language(document: Document, tag: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        return
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), tag)


def _bottom_border(style: object, *, colour: str, size: int) -> None:
    assert isinstance(style, ParagraphStyle)
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "4")):
        bottom.set(qn(key), value)
    bottom.set(qn("w:color"), colour)
    borders.append(bottom)
    properties.append(borders)


def _remove_border(style: ParagraphStyle) -> None:
    properties = style.element.get_or_add_pPr()
    for border in properties.findall(qn("w:pBdr")):
        properties.remove(border)


def set_cell_shading(cell: _Cell, fill: str) -> None:
    """Fill a table cell with the colour ``fill`` (``RRGGBB``)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def shade_paragraph(paragraph: Paragraph, fill: str) -> None:
    """Fill a paragraph's background with the colour ``fill`` (``RRGGBB``)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    paragraph._p.get_or_add_pPr().append(shading)


def set_table_borders(table: Table) -> None:
    """Thin horizontal rules in the house line colour, no vertical lines."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), LINE_HEX)
        borders.append(element)
    for edge in ("left", "right", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def cant_split(row: _Row) -> None:
    """Keep ``row`` on one page."""
    _row_property(row, "w:cantSplit")


def _row_property(row: _Row, name: str) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    properties.append(element)


def add_field(
    paragraph: Paragraph, instruction: str, *, size: Length, placeholder: str = "1"
) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) showing ``placeholder`` until updated."""
    run = paragraph.add_run()
    run.font.size = size
    run.font.color.rgb = MUTED
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)
