"""Matching, ranking and highlighting of Azerbaijani text typed with or without its letters."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.core.search import (
    MAX_QUERY_WORDS,
    Segment,
    Tier,
    highlight,
    match_tier,
    query_words,
    search_columns,
    snippet,
)

TITLE = "Rəqəmsal İnnovasiya mərkəzinin yaradılması"

TIERS = [
    # (query, how TITLE matches it)
    ("rəqəmsal", Tier.EXACT),
    ("RƏQƏMSAL", Tier.EXACT),
    ("İNNOVASİYA", Tier.EXACT),
    ("innovasiya mərkəz", Tier.EXACT),
    ("reqemsal", Tier.FOLDED),
    ("REQEMSAL", Tier.FOLDED),
    ("INNOVASIYA", Tier.FOLDED),  # "I" folds to "ı" exactly, to "i" without diacritics
    ("yaradilmasi merkez", Tier.FOLDED),
    ("rəqəmsal merkezinin", Tier.FOLDED),
    ("reqemsal kitabxana", None),  # every word must occur
    ("", None),
]


@pytest.mark.parametrize(("query", "tier"), TIERS)
def test_a_text_matches_exactly_or_without_diacritics(query, tier):
    assert match_tier(TITLE, query_words(query)) == tier


def test_query_words_are_folded_once_each_and_bounded():
    assert query_words("  RƏQƏMSAL   rəqəmsal İnkişaf ") == ["rəqəmsal", "inkişaf"]
    assert len(query_words(" ".join(f"w{n}" for n in range(40)))) == MAX_QUERY_WORDS


def test_search_columns_hold_both_folds():
    assert search_columns(["1.2", "RƏQƏMSAL İnkişaf", ""]) == (
        "1.2 rəqəmsal inkişaf",
        "1.2 reqemsal inkisaf",
    )


def _marked(segments):
    return [s.text for s in segments if s.marked]


HIGHLIGHTS = [
    # (text, query, marked pieces)
    (TITLE, "reqemsal", ["Rəqəmsal"]),
    (TITLE, "INNOVASIYA", ["İnnovasiya"]),
    (TITLE, "rəqəmsal mərkəz", ["Rəqəmsal", "mərkəz"]),
    ("RİNN və RİNN", "rinn", ["RİNN", "RİNN"]),
    ("I\u0307NAM", "inam", ["I\u0307NAM".replace("I\u0307", "İ")]),  # NFC first
    ("ﬁle", "fi", ["ﬁ"]),  # one character folding to two
    (TITLE, "kitab", []),
]


@pytest.mark.parametrize(("text", "query", "marked"), HIGHLIGHTS)
def test_highlight_marks_every_occurrence_in_the_original_spelling(text, query, marked):
    assert _marked(highlight(text, query_words(query))) == marked


@given(st.text(), st.text(max_size=20))
def test_highlight_keeps_the_text(text, query):
    segments = highlight(text, query_words(query))
    assert "".join(s.text for s in segments) == unicodedata.normalize("NFC", text)


@given(
    st.text(alphabet="əıiİIşsçcğgöoüu rRnN", min_size=1),
    st.text(alphabet="əıiİIşsrn", min_size=1),
)
def test_a_matching_text_has_a_mark(text, word):
    if match_tier(text, query_words(word)) is not None:
        assert any(s.marked for s in highlight(text, query_words(word)))


def test_snippet_is_a_window_around_the_first_match():
    text = " ".join(["söz"] * 100) + " Rəqəmsal inkişaf " + " ".join(["söz"] * 100)
    segments = snippet(text, query_words("reqemsal"), width=80)
    shown = "".join(s.text for s in segments)
    assert segments[0] == Segment("…") and segments[-1] == Segment("…")
    assert _marked(segments) == ["Rəqəmsal"]
    assert len(shown) <= 82


def test_a_short_text_is_its_own_snippet():
    assert "".join(s.text for s in snippet(TITLE, query_words("reqemsal"))) == TITLE
