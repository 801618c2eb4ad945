"""The methodology's Markdown becomes report blocks without losing any text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hedef.domain.reports.markdown import blocks_from_markdown, inline
from hedef.domain.reports.model import (
    Align,
    BulletList,
    Heading,
    Paragraph,
    ParagraphStyle,
    Table,
    Text,
)

METHODOLOGY = Path(__file__).resolve().parents[3] / "docs/methodology.md"


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("plain", (Text("plain"),)),
        ("a **bold** b", (Text("a "), Text("bold", bold=True), Text(" b"))),
        ("*Time* is", (Text("Time", italic=True), Text(" is"))),
        (
            "note `over_achieved` here",
            (Text("note "), Text("over_achieved", code=True), Text(" here")),
        ),
        ("(x\\* / x₀)", (Text("(x* / x₀)"),)),
        ("2 * 3 * 4", (Text("2 * 3 * 4"),)),  # spaced asterisks are arithmetic, not emphasis
    ],
)
def test_inline_runs(text, runs):
    assert inline(text) == runs


def test_headings_are_moved_under_the_annex_heading():
    blocks = blocks_from_markdown("# Title\n\n## 1. Attainment `[attainment]`\n\n### 1.1 Deep\n")
    assert blocks == (
        Heading("Title", level=2),
        Heading("1. Attainment [attainment]", level=3),
        Heading("1.1 Deep", level=4),
    )


def test_paragraph_lines_are_joined_and_lists_collected():
    blocks = blocks_from_markdown(
        "First line\nsecond line.\n\n- one\n  continued\n- two\n\n1. a\n2. b\n"
    )
    assert blocks[0] == Paragraph((Text("First line second line."),))
    assert blocks[1] == BulletList(((Text("one continued"),), (Text("two"),)))
    assert isinstance(blocks[2], BulletList) and blocks[2].ordered


def test_quoted_formulas_keep_their_line_breaks():
    (quote,) = blocks_from_markdown("> a = b\n> c = d\n")
    assert quote.style is ParagraphStyle.QUOTE
    assert quote.text == "a = b\nc = d"


def test_fenced_code_is_kept_verbatim():
    (code,) = blocks_from_markdown("```yaml\nkey: egdi   # required\n  nested: 1\n```\n")
    assert code.style is ParagraphStyle.CODE
    assert code.text == "key: egdi   # required\n  nested: 1"


def test_pipe_table_with_alignment_and_escaped_pipes():
    (table,) = blocks_from_markdown(
        "| case | value | n |\n|---|:---:|---:|\n| s·d / \\|CAGR\\| | **x** | 3 |\n| short |\n"
    )
    assert isinstance(table, Table)
    assert [column.header for column in table.columns] == ["case", "value", "n"]
    assert [column.align for column in table.columns] == [Align.LEFT, Align.CENTER, Align.RIGHT]
    assert [cell.text for cell in table.rows[0].cells] == ["s·d / |CAGR|", "x", "3"]
    assert [cell.text for cell in table.rows[1].cells] == ["short", "", ""]  # padded


def test_a_line_starting_with_a_pipe_continues_its_paragraph():
    (paragraph,) = blocks_from_markdown("c = 1 − x when\n|L| < |x₀| < 2|L|, and c = 1 beyond.\n")
    assert paragraph.text == "c = 1 − x when |L| < |x₀| < 2|L|, and c = 1 beyond."


def test_extra_cells_join_the_last_column_rather_than_vanish():
    (table,) = blocks_from_markdown("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")
    assert [cell.text for cell in table.rows[0].cells] == ["1", "2 | 3"]


def test_a_stray_pipe_line_is_text_not_a_hang():
    assert blocks_from_markdown("| not a table\n") == (Paragraph((Text("| not a table"),)),)


def test_the_methodology_reads_whole():
    text = METHODOLOGY.read_text("utf-8")
    blocks = blocks_from_markdown(text, key="methodology")
    tables = [block for block in blocks if isinstance(block, Table)]
    headings = [block.text for block in blocks if isinstance(block, Heading)]
    assert len(tables) == text.count("\n|---") + text.count("\n|--:")  # every table read
    assert "7.5 The agencies' digital-readiness rating (readiness.yaml)" in headings
    assert len({table.key for table in tables}) == len(tables)
    rendered = " ".join(_text(block) for block in blocks)
    # Words from a paragraph, a quoted formula, a table, a list and a code block.
    for word in ("Statistics Canada", "CAGRₒ", "listwise drops", "varimax", "{draws: 1000"):
        assert word in rendered


def _text(block):
    if isinstance(block, Table):
        cells = [cell.text for row in block.rows for cell in row.cells]
        return " ".join([column.header for column in block.columns] + cells)
    if isinstance(block, BulletList):
        return " ".join("".join(run.text for run in item) for item in block.items)
    return getattr(block, "text", "")


_WORDS = st.text(alphabet="abcəıçşxyz", min_size=1, max_size=6)
_TOKENS = st.sampled_from(
    ["#", "##", "-", "1.", ">", "|", "|---|", "|---|---|", "```", "**", "*", "`", "\\|", " "]
)
_LINES = st.lists(
    st.lists(st.one_of(_WORDS, _TOKENS), max_size=6).map(" ".join), min_size=1, max_size=12
)


@pytest.mark.slow
@settings(max_examples=300, deadline=1000)
@given(_LINES)
def test_any_markdown_ends_and_keeps_every_word(lines):
    text = "\n".join(lines)
    blocks = blocks_from_markdown(text)
    written = " ".join(_text(block) for block in blocks)
    kept = set(re.findall(r"[a-zəıçş]+", written))
    # A fence's info string ("```yaml") names the language; it is not text.
    text = re.sub(r"^\s*```.*$", "", text, flags=re.M)
    assert set(re.findall(r"[a-zəıçş]+", text)) <= kept
