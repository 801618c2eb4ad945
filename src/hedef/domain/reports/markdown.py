"""The Markdown of ``docs/methodology.md``, read into report blocks.

Only what the methodology uses is understood: ATX headings, paragraphs,
bulleted and numbered lists (one level), block quotes (formulas), fenced code,
pipe tables, and inline ``**bold**``, ``*italic*`` and ```code```. Anything else
is kept as plain paragraph text, so nothing written is ever dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from hedef.domain.reports.model import (
    Align,
    Block,
    BulletList,
    Cell,
    Column,
    Heading,
    Paragraph,
    ParagraphStyle,
    Row,
    Table,
    Text,
)

__all__ = ["blocks_from_markdown", "inline"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|(?<![\w*\\])\*(?!\s).+?(?<!\s)\*(?![\w*]))")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def blocks_from_markdown(
    text: str, *, heading_offset: int = 1, key: str = "markdown"
) -> tuple[Block, ...]:
    """Read ``text`` into blocks; a Markdown heading of level n becomes level n + offset (≤ 4).

    ``key`` prefixes the keys of the tables read, so that they stay unique in a report.
    """
    blocks: list[Block] = []
    lines = text.replace("\r\n", "\n").split("\n")
    index, tables = 0, 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif line.lstrip().startswith("```"):
            end = _fence_end(lines, index)
            code = "\n".join(lines[index + 1 : end])
            blocks.append(Paragraph((Text(code, code=True),), ParagraphStyle.CODE))
            index = end + 1
        elif match := _HEADING.match(line):
            level = min(len(match.group(1)) + heading_offset, 4)
            blocks.append(Heading(_plain(match.group(2)), level=max(level, 2)))
            index += 1
        elif line.lstrip().startswith("|") and _is_table_rule(lines, index + 1):
            rows, index = _collect(lines, index, lambda ln: ln.lstrip().startswith("|"))
            tables += 1
            blocks.append(_table(rows, f"{key}-table-{tables}"))
        elif _BULLET.match(line) or _NUMBERED.match(line):
            ordered = _BULLET.match(line) is None
            items, index = _list_items(lines, index, ordered=ordered)
            blocks.append(BulletList(tuple(inline(item) for item in items), ordered=ordered))
        elif line.lstrip().startswith(">"):
            quoted, index = _collect(lines, index, lambda ln: ln.lstrip().startswith(">"))
            # Quoted lines are formulas, one per line: keep the line breaks.
            for part in _paragraphs(ln.lstrip()[1:].strip() for ln in quoted):
                blocks.append(Paragraph(inline(part), ParagraphStyle.QUOTE))
        else:
            # The first line always belongs to the paragraph: a stray "|" line is text.
            end = index + 1
            while end < len(lines) and _continues_paragraph(lines, end):
                end += 1
            body, index = lines[index:end], end
            blocks.append(Paragraph(inline(" ".join(ln.strip() for ln in body))))
    return tuple(blocks)


def inline(text: str) -> tuple[Text, ...]:
    """Split ``text`` into runs at ``**bold**``, ``*italic*`` and ```code```."""
    runs: list[Text] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(Text(_unescape(text[position : match.start()])))
        token = match.group(0)
        if token.startswith("**"):
            runs.append(Text(_unescape(token[2:-2]), bold=True))
        elif token.startswith("`"):
            runs.append(Text(token[1:-1], code=True))
        else:
            runs.append(Text(_unescape(token[1:-1]), italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Text(_unescape(text[position:])))
    return tuple(runs) or (Text(""),)


def _plain(text: str) -> str:
    return "".join(run.text for run in inline(text))


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _fence_end(lines: list[str], start: int) -> int:
    for index in range(start + 1, len(lines)):
        if lines[index].lstrip().startswith("```"):
            return index
    return len(lines)


def _is_table_rule(lines: list[str], index: int) -> bool:
    return index < len(lines) and bool(_TABLE_RULE.match(lines[index]))


def _collect(lines: list[str], start: int, belongs: Callable[[str], bool]) -> tuple[list[str], int]:
    index = start
    while index < len(lines) and lines[index].strip() and belongs(lines[index]):
        index += 1
    return lines[start:index], index


def _continues_paragraph(lines: list[str], index: int) -> bool:
    """Whether line ``index`` goes on with the paragraph above it.

    A line starting with "|" is text ("|L| < |x₀|"), unless a table rule follows it.
    """
    line = lines[index]
    stripped = line.lstrip()
    if not stripped:
        return False
    if stripped.startswith("|"):
        return not _is_table_rule(lines, index + 1)
    return not (
        _HEADING.match(line)
        or _BULLET.match(line)
        or _NUMBERED.match(line)
        or stripped.startswith((">", "```"))
    )


def _list_items(lines: list[str], start: int, *, ordered: bool) -> tuple[list[str], int]:
    """Items of a list; an indented line or a lazy continuation belongs to the item above."""
    pattern = _NUMBERED if ordered else _BULLET
    items: list[str] = []
    index = start
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        if match := pattern.match(line):
            items.append(match.group(1).strip())
        elif items and not _HEADING.match(line) and not line.lstrip().startswith(("|", ">")):
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            break
        index += 1
    return items, index


def _paragraphs(lines: Iterator[str]) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            parts.append("\n".join(current))
            current = []
    if current:
        parts.append("\n".join(current))
    return parts


def _split_row(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    # A pipe written as \| inside a cell (|x| in a formula) is not a column break.
    cells = re.split(r"(?<!\\)\|", stripped)
    return [cell.strip().replace("\\|", "|") for cell in cells]


def _table(lines: list[str], key: str) -> Table:
    header = _split_row(lines[0])
    aligns = [_align(cell) for cell in _split_row(lines[1])]
    aligns += [Align.LEFT] * (len(header) - len(aligns))
    body = [_fit(_split_row(line), len(header)) for line in lines[2:]]
    # Columns as wide as their longest text, within bounds, so a short "basis"
    # column does not take as much room as a long "rule" column.
    widths = [
        min(max(len(_plain(row[index])) for row in [header, *body]), 60) + 6
        for index in range(len(header))
    ]
    columns = tuple(
        Column(_plain(text), align, float(width))
        for text, align, width in zip(header, aligns, widths, strict=False)
    )
    rows = tuple(Row(tuple(Cell(inline(cell)) for cell in cells)) for cells in body)
    return Table(key=key, caption="", columns=columns, rows=rows, row_headers=False)


def _fit(cells: list[str], width: int) -> list[str]:
    """Pad a short row; a long row's extra cells join its last cell rather than vanish."""
    if len(cells) > width:
        cells = [*cells[: width - 1], " | ".join(cells[width - 1 :])]
    return cells + [""] * (width - len(cells))


def _align(rule: str) -> Align:
    if rule.startswith(":") and rule.endswith(":"):
        return Align.CENTER
    if rule.endswith(":"):
        return Align.RIGHT
    return Align.LEFT
