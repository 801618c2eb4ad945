"""Build the ingestion corpus: the two samples in layouts the readers were not tuned on.

Each corpus document is one of the two sample strategies (its gold annotation and
its own front matter) typeset in a layout of the same family that the samples do
not have, as a Word file, the PDF LibreOffice makes of it, and the flattened text
pdfminer extracts from that PDF. Its gold annotation is the sample's, changed only
where the layout changes what a careful reader would write down (the numbering,
results shared by two rows), by a rule applied to every measure alike.

The variants (see :data:`VARIANTS`):

* ``unnamed``: four-level numbering (a top level in front of every number, where
  the sample has three), one results header spanning three columns without the
  stage names, every executor on a line of its own.
* ``period-first``: the period column before the executors, and results merged
  down: every second pair of neighbouring sibling measures shares one result cell
  (the lower row has executors and a period of its own, no results); in the PDF
  some of these merged cells cross a page break.
* ``paged``: the plan as Word files converted from PDF look: every cell holds its
  printed lines (some words broken at the line end without a hyphen, the suffix
  carried to the next line), and the plan is cut into one table per page, a row
  broken across each cut: its executor list, title and results continue in an
  unnumbered row of the next table, and where the cut falls inside a result cell
  merged down over two measures, its text is split between the two rows.

Every document opens with the sample's own first pages (approving act, title
page, the first section, which may quote other strategies and their periods), so
the document title, act and period must be read from the title page and the act.

Usage, from the repository root::

    python tests/corpus/build.py            # DOCX, PDF and text
    python tests/corpus/build.py --docx-only

Test material only: the readers must never rely on anything written here.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import re
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from tests.fixtures import GOLD_DIR, SAMPLE_DOCUMENTS_DIR, SAMPLES
from tests.fixtures.documents.build import (
    COLUMN_WIDTHS_CM,
    FIXED_TIME,
    PLAN_HEADER,
    TABLE_STYLE,
    _cell_text,
    _indicator_table,
    _paragraph,
    _repeat_as_header,
    _set_up_page,
    convert_to_pdf,
)

HERE = Path(__file__).resolve().parent
DOCUMENTS_DIR = HERE / "documents"
CORPUS_GOLD_DIR = HERE / "gold"
STAGES = ("initial", "interim", "final")
FORMATS = ("docx", "pdf", "txt")
# Characters per printed line of a cell, by column, at the fixtures' 9 pt and widths.
_LINE_WIDTH = {column: max(8, round(width * 5.6)) for column, width in COLUMN_WIDTHS_CM.items()}
# Inflectional endings a typesetter without hyphenation carries to the next line.
_CARRIED_SUFFIXES = (
    "lərinin", "larının", "sının", "sinin", "sunun", "lərin", "ların", "ması", "məsi",
    "ları", "ləri", "nın", "nin", "dır", "dir",
)  # fmt: skip
_MIN_STEM = 5


@dataclass(frozen=True)
class Variant:
    """One layout of the corpus; every flag is a property the samples' layouts lack."""

    name: str
    four_level: bool = False
    stage_names: bool = True
    period_first: bool = False
    executors_per_line: bool = False
    share_every: int = 0  # every n-th pair of sibling measures shares one result cell
    paged: int = 0  # Word-from-PDF: measure rows per page (table), a row broken at each cut


VARIANTS = (
    Variant("unnamed", four_level=True, stage_names=False, executors_per_line=True),
    Variant("period-first", period_first=True, share_every=2),
    Variant("paged", paged=6, share_every=3, executors_per_line=True),
)


@dataclass(frozen=True)
class CorpusDocument:
    stem: str  # "001-unnamed"
    sample: str
    variant: Variant


def documents() -> tuple[CorpusDocument, ...]:
    return tuple(
        CorpusDocument(f"{sample[:3]}-{variant.name}", sample, variant)
        for sample in SAMPLES
        for variant in VARIANTS
    )


def document_named(stem: str) -> CorpusDocument:
    for document in documents():
        if document.stem == stem:
            return document
    raise KeyError(stem)


# --- gold ---------------------------------------------------------------------------


def sample_gold(sample: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((GOLD_DIR / f"{sample}.json").read_text(encoding="utf-8"))
    return gold


def derived_gold(document: CorpusDocument) -> dict[str, Any]:
    """The sample's gold, changed as the variant's layout changes what a reader sees."""
    gold = copy.deepcopy(sample_gold(document.sample))
    gold["document"] = f"{document.stem}.docx"
    if document.variant.four_level:
        gold = _four_level(gold)
    for upper, lower in shared_pairs(gold, document.variant):
        lower["results"] = dict(upper["results"])
        lower["numbers_in_results"] = list(upper["numbers_in_results"])
    return gold


def _four_level(gold: dict[str, Any]) -> dict[str, Any]:
    """Put a top level in front of every plan number that has fewer than four levels."""
    depth = max(len(measure["number"].split(".")) for measure in gold["measures"])
    if depth >= 4:
        return gold
    top = _plan_section_number(gold)
    for part in ("goals", "directions", "measures"):
        for item in gold[part]:
            item["number"] = f"{top}.{item['number']}"
    return gold


def _plan_section_number(gold: dict[str, Any]) -> str:
    """A top level that no goal number uses, so the new numbers stay unambiguous."""
    used = {goal["number"] for goal in gold["goals"]}
    return next(str(n) for n in range(8, 100) if str(n) not in used)


def _parent(number: str) -> str:
    return number.rpartition(".")[0]


def shared_pairs(gold: dict[str, Any], variant: Variant) -> list[tuple[dict, dict]]:
    """The (upper, lower) measure pairs whose result cells the layout merges down.

    Every ``share_every``-th pair of neighbouring measures under the same parent,
    no measure in two pairs, and only pairs whose upper measure has results.
    """
    if not variant.share_every:
        return []
    pairs = []
    eligible = 0
    measures = gold["measures"]
    index = 0
    while index + 1 < len(measures):
        upper, lower = measures[index], measures[index + 1]
        if _parent(upper["number"]) == _parent(lower["number"]) and any(upper["results"].values()):
            eligible += 1
            if eligible % variant.share_every == 0:
                pairs.append((upper, lower))
                index += 2
                continue
        index += 1
    return pairs


# --- front matter -------------------------------------------------------------------


def front_paragraphs(sample: str) -> list[str]:
    """The sample's opening pages as paragraphs: act, title page and the first section.

    Everything of the sample's text before its second top-level section, without
    the table of contents and page numbers; lines are joined into paragraphs at
    blank lines.
    """
    lines = (SAMPLE_DOCUMENTS_DIR / f"{sample}.txt").read_text(encoding="utf-8").splitlines()
    kept: list[str] = []
    for line in lines:
        text = line.strip()
        if re.match(r"^2\.\s+\S", text) and not re.search(r"\.{4,}|…{2,}", text):
            break
        if re.search(r"\.{4,}|…{2,}", text) or text.isdigit() or text.lower() == "mündəricat":
            kept.append("")
            continue
        kept.append(text)
    paragraphs: list[str] = []
    current: list[str] = []
    for text in [*kept, ""]:
        if text:
            current.append(text)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


# --- the plan table -----------------------------------------------------------------


@dataclass
class _Row:
    heading: str = ""
    number: str = ""
    cells: dict[str, str] | None = None
    shares_above: bool = False  # its result cells are the upper row's, merged down


def plan_columns(variant: Variant) -> tuple[str, ...]:
    executors = ("lead", "co_executors")
    middle = ("period", *executors) if variant.period_first else (*executors, "period")
    return ("number", "title", *middle, *STAGES)


def _rows(gold: dict[str, Any], variant: Variant) -> list[_Row]:
    headings = {node["number"]: node["title"] for node in (*gold["goals"], *gold["directions"])}
    lowers = {id(lower) for _upper, lower in shared_pairs(gold, variant)}
    shown: set[str] = set()
    rows: list[_Row] = []
    for measure in gold["measures"]:
        parts = measure["number"].split(".")
        for cut in range(1, len(parts)):
            prefix = ".".join(parts[:cut])
            if prefix in headings and prefix not in shown:
                shown.add(prefix)
                rows.append(_Row(heading=f"{prefix}. {headings[prefix]}"))
        cells = {
            "number": f"{measure['number']}.",
            "title": measure["title"],
            "lead": _executors(measure["lead"], variant),
            "co_executors": _executors(measure["co_executors"], variant),
            "period": measure["period"]["text"],
            **{stage: measure["results"][stage] for stage in STAGES},
        }
        rows.append(_Row(number=measure["number"], cells=cells, shares_above=id(measure) in lowers))
    return rows


def _executors(names: Sequence[str], variant: Variant) -> str:
    text = (",\n" if variant.executors_per_line else ", ").join(names)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def printed_lines(text: str, column: str) -> list[str]:
    """A cell's text in the lines a narrow column prints, some words broken without hyphen.

    Lines are filled up to the column's width; where the word that opens the next
    line ends in an inflectional suffix, every second time its stem is kept at the
    end of the line above and only the suffix carried over (the way a typesetter
    without hyphenation breaks words), when the line has room for the stem.
    """
    width = _LINE_WIDTH[column]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=False) or [""])
    breaks = 0
    for index in range(len(lines) - 1):
        words = lines[index + 1].split(" ")
        split = _suffix_split(words[0])
        if split is None or (len(words) < 2 and index + 2 == len(lines)):
            continue
        stem, suffix = split
        if len(lines[index]) + 1 + len(stem) > width + 4:
            continue
        breaks += 1
        if breaks % 2:
            lines[index] = f"{lines[index]} {stem}"
            lines[index + 1] = " ".join([suffix, *words[1:]])
    return lines


def _suffix_split(word: str) -> tuple[str, str] | None:
    if not word.isalpha() or not word.islower():
        return None
    for suffix in _CARRIED_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)], suffix
    return None


def _cell(row: _Row, column: str, variant: Variant) -> str:
    assert row.cells is not None
    text = row.cells[column]
    if variant.paged and column != "number":
        return "\n".join(printed_lines(text, column))
    return text


def _pages(rows: list[_Row], variant: Variant) -> list[list[_Row]]:
    """The plan's rows cut into pages of ``variant.paged`` measure rows (one page if 0)."""
    if not variant.paged:
        return [rows]
    pages: list[list[_Row]] = [[]]
    measures = 0
    for row in rows:
        pages[-1].append(row)
        if row.heading:
            continue
        measures += 1
        if measures % variant.paged == 0:
            pages.append([])
    return [page for page in pages if page]


def _split_half(text: str) -> tuple[str, str]:
    """A cell's printed lines cut where a page ends: the upper half stays, the rest moves."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text, ""
    cut = (len(lines) + 1) // 2
    return "\n".join(lines[:cut]), "\n".join(lines[cut:])


def build_docx(document: CorpusDocument) -> bytes:
    gold = derived_gold(document)
    variant = document.variant
    word = Document()
    _set_up_page(word)
    for text in front_paragraphs(document.sample):
        _paragraph(word, text)
    _paragraph(word, "")
    _paragraph(word, "Akronimlər", bold=True)
    for agency in gold["agencies"]:
        _paragraph(word, f"{agency['acronym']} – {agency['name']}")
    if gold["target_indicators"]:
        _paragraph(word, "")
        _paragraph(word, "Hədəf göstəriciləri", bold=True)
        _indicator_table(word, gold)
    _paragraph(word, "")
    _paragraph(word, "Tədbirlər Planı", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    columns = plan_columns(variant)
    pages = _pages(_rows(gold, variant), variant)
    carried: dict[str, str] | None = None  # the lower half of a row broken at the last cut
    for position, page in enumerate(pages):
        grid = [_row_texts(row, columns, variant) for row in page]
        if carried is not None:
            grid.insert(0, carried)
            page = [_Row(cells={}), *page]
            carried = None
        if position + 1 < len(pages) and not page[-1].heading:
            grid[-1], carried = _broken(page[-1], pages[position + 1], grid[-1], columns)
        _plan_table(word, page, grid, columns, variant)
        _paragraph(word, "")
    properties = word.core_properties
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.author = properties.last_modified_by = "Hədəf test corpus"
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _row_texts(row: _Row, columns: Sequence[str], variant: Variant) -> dict[str, str]:
    if row.heading:
        return {"heading": row.heading}
    texts = {column: _cell(row, column, variant) for column in columns}
    if row.shares_above:
        for stage in STAGES:
            texts[stage] = ""
    return texts


def _broken(
    last: _Row, following: list[_Row], texts: dict[str, str], columns: Sequence[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Cut the page's last row: its cells' upper halves stay, the lower halves move on.

    When the next row shares the last row's results (a cell merged down), the
    result text is what crosses the page: its upper half stays with the last row and
    its lower half opens the next row's result cells.
    """
    upper, lower = dict(texts), {column: "" for column in columns}
    next_row = next((row for row in following if not row.heading), None)
    if following[0] is next_row and next_row is not None and next_row.shares_above:
        for stage in STAGES:
            upper[stage], lower[stage] = _split_half(texts[stage])
        lower["_shared"] = "yes"
        return upper, lower
    for column in columns:
        if column != "number":
            upper[column], lower[column] = _split_half(texts[column])
    return upper, lower


def _plan_table(
    word: Any,
    page: list[_Row],
    grid: list[dict[str, str]],
    columns: Sequence[str],
    variant: Variant,
) -> None:
    header_rows = 2 if variant.stage_names else 1
    shared_head = bool(grid and grid[0].get("_shared"))
    body = grid[1:] if shared_head else grid
    table = word.add_table(rows=header_rows + len(body), cols=len(columns))
    table.style = TABLE_STYLE
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for index, column in enumerate(columns):
        for cell in table.columns[index].cells:
            cell.width = Cm(COLUMN_WIDTHS_CM[column])
    _header(table, columns, variant)
    rows = page[1:] if shared_head else page
    for offset, texts in enumerate(body, start=header_rows):
        cells = table.rows[offset].cells
        if "heading" in texts:
            _cell_text(cells[0].merge(cells[-1]), texts["heading"], bold=True)
            continue
        for index, column in enumerate(columns):
            _cell_text(cells[index], texts.get(column, ""))
    if shared_head:
        # The lower half of a result cell merged down, carried past the page break:
        # it opens the result cells of the first row of the page.
        first = header_rows
        for index, column in enumerate(columns):
            if column in STAGES:
                _cell_text(table.rows[first].cells[index], grid[0][column])
    _merge(table, rows, body, columns, header_rows)


def _header(table: Any, columns: Sequence[str], variant: Variant) -> None:
    first_result = columns.index("initial")
    top = table.rows[0]
    for row in table.rows[: 2 if variant.stage_names else 1]:
        _repeat_as_header(row)
    if variant.stage_names:
        second = table.rows[1]
        for index, column in enumerate(columns[:first_result]):
            _cell_text(top.cells[index].merge(second.cells[index]), PLAN_HEADER[column], bold=True)
        for index, stage in enumerate(STAGES, start=first_result):
            _cell_text(second.cells[index], PLAN_HEADER[stage], bold=True)
    else:
        for index, column in enumerate(columns[:first_result]):
            _cell_text(top.cells[index], PLAN_HEADER[column], bold=True)
    results = top.cells[first_result].merge(top.cells[len(columns) - 1])
    _cell_text(results, PLAN_HEADER["results"], bold=True)


def _merge(
    table: Any,
    rows: list[_Row],
    texts: list[dict[str, str]],
    columns: Sequence[str],
    header_rows: int,
) -> None:
    """Result cells merged across equal stages, and down into a row that shares them."""
    first_result = columns.index("initial")
    for offset, (row, cells) in enumerate(zip(rows, texts, strict=True), start=header_rows):
        if row.heading or not row.cells:
            continue
        above = offset - header_rows - 1
        merged_down = row.shares_above and above >= 0 and not rows[above].heading
        stage_texts = texts[above] if merged_down else cells
        for start, end in _stage_groups(stage_texts):
            row_cells = table.rows[offset].cells
            text = stage_texts.get(STAGES[start], "")
            if end > start:
                cell = row_cells[first_result + start].merge(row_cells[first_result + end])
                _cell_text(cell, "" if merged_down else text)
            if merged_down:
                top = table.cell(offset - 1, first_result + start)
                _cell_text(top.merge(table.cell(offset, first_result + end)), text)


def _stage_groups(cells: dict[str, str]) -> list[tuple[int, int]]:
    """The result cells of a row as (first, last) stage index: equal neighbours are one."""
    groups = []
    start = 0
    while start < len(STAGES):
        end = start
        text = cells.get(STAGES[start], "")
        while end + 1 < len(STAGES) and text and cells.get(STAGES[end + 1]) == text:
            end += 1
        groups.append((start, end))
        start = end + 1
    return groups


# --- text and files -----------------------------------------------------------------


def pdf_text(pdf_path: Path) -> str:
    """The PDF's text as pdfminer lays it out, pages separated by form feeds."""
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf_path))


def build(document: CorpusDocument, out_dir: Path, *, pdf: bool = True) -> list[Path]:
    """Write one corpus document's DOCX (and PDF and text) and gold into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docx_path = out_dir / f"{document.stem}.docx"
    docx_path.write_bytes(build_docx(document))
    written = [docx_path]
    if pdf:
        pdf_path = convert_to_pdf(docx_path, out_dir)
        text_path = out_dir / f"{document.stem}.txt"
        text_path.write_text(pdf_text(pdf_path), encoding="utf-8")
        written += [pdf_path, text_path]
    return written


def write_gold(document: CorpusDocument, gold_dir: Path) -> Path:
    gold_dir.mkdir(parents=True, exist_ok=True)
    path = gold_dir / f"{document.stem}.json"
    path.write_text(
        json.dumps(derived_gold(document), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return path


def corpus_files(documents_dir: Path = DOCUMENTS_DIR) -> Iterator[tuple[CorpusDocument, Path]]:
    """Every built corpus file with the document it is a version of."""
    for document in documents():
        for suffix in FORMATS:
            path = documents_dir / f"{document.stem}.{suffix}"
            if path.is_file():
                yield document, path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCUMENTS_DIR)
    parser.add_argument("--gold", type=Path, default=CORPUS_GOLD_DIR)
    parser.add_argument("--docx-only", action="store_true")
    parser.add_argument("--only", help="build only the document of this stem")
    args = parser.parse_args(argv)
    for document in documents():
        if args.only and document.stem != args.only:
            continue
        for path in [
            *build(document, args.out, pdf=not args.docx_only),
            write_gold(document, args.gold),
        ]:
            sys.stdout.write(f"wrote {path} ({path.stat().st_size} bytes)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
