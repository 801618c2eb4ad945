"""Azerbaijani case folding, sorting and normalisation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.core.text import (
    az_ascii_slug,
    az_casefold,
    az_lower,
    az_search_fold,
    az_sort_key,
    az_upper,
    join_hyphenated_lines,
)

CASES = [
    # (input, Azerbaijani lower case)
    ("İNFORMASİYA", "informasiya"),
    ("IŞIQ", "ışıq"),
    ("ƏLİYEV", "əliyev"),
    ("Çağırış", "çağırış"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_az_lower_follows_azerbaijani_rules(text, expected):
    assert az_lower(text) == expected


def test_az_upper_inverts_the_dotted_and_dotless_i():
    assert az_upper("informasiya ışıq") == "İNFORMASİYA IŞIQ"


def test_casefold_matches_across_case_and_decomposed_input():
    assert az_casefold("  İNFORMASİYA\n təhlükəsizliyi ") == "informasiya təhlükəsizliyi"
    assert az_casefold("İ".lower()) == "i"  # Python's default leaves a combining dot


def test_sort_key_uses_the_azerbaijani_alphabet():
    words = ["zəng", "əmək", "çay", "ışıq", "inam", "aba", "Ümid", "ölkə", "şəhər", "ğ"]
    assert sorted(words, key=az_sort_key) == [
        "aba",
        "çay",
        "əmək",
        "ğ",
        "ışıq",
        "inam",
        "ölkə",
        "şəhər",
        "Ümid",
        "zəng",
    ]


def test_line_end_hyphenation_is_joined():
    assert join_hyphenated_lines("rəqəm-\nsal inkişaf") == "rəqəmsal inkişaf"


SLUGS = [
    ("2026, I yarımil", "2026-i-yarimil"),
    ("2025, II yarımil (demo)", "2025-ii-yarimil-demo"),
    ("Rəqəmsal İnkişaf Konsepsiyası", "reqemsal-inkisaf-konsepsiyasi"),
    ("  ŞÜÖĞÇ — ", "suogc"),
]


@pytest.mark.parametrize(("text", "slug"), SLUGS)
def test_ascii_slug_transliterates_azerbaijani_letters(text, slug):
    assert az_ascii_slug(text) == slug


def test_ascii_slug_is_cut_without_a_trailing_hyphen():
    assert az_ascii_slug("2026, I yarımil", max_length=7) == "2026-i"


SEARCH_FOLDS = [
    # (input, diacritic-free fold)
    ("RƏQƏMSAL", "reqemsal"),
    ("rəqəmsal", "reqemsal"),
    ("REQEMSAL", "reqemsal"),
    ("İNNOVASİYA", "innovasiya"),
    ("INNOVASIYA", "innovasiya"),
    ("innovasiya", "innovasiya"),
    ("RİNN", "rinn"),
    ("IŞIQ", "isiq"),
    ("Çağırış  ölkə\nÜmid", "cagiris olke umid"),
    ("i\u0307nam", "inam"),  # decomposed İ lower-cased by Python's rules
    ("I\u0307NAM", "inam"),  # decomposed İ
    ("café ﬁle", "cafe file"),  # other marks and compatibility forms
    ("2026-cı il", "2026-ci il"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), SEARCH_FOLDS)
def test_search_fold_drops_azerbaijani_and_other_diacritics(text, expected):
    assert az_search_fold(text) == expected


AZ_TEXT = st.text(alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ -1")


@given(AZ_TEXT)
def test_search_fold_is_idempotent_and_plain_ascii(text):
    folded = az_search_fold(text)
    assert az_search_fold(folded) == folded
    assert folded.isascii()
    assert folded == folded.lower()


@given(AZ_TEXT)
def test_search_fold_ignores_case_and_the_exact_fold(text):
    assert az_search_fold(az_upper(text)) == az_search_fold(text)
    assert az_search_fold(az_casefold(text)) == az_search_fold(text)


@given(AZ_TEXT, AZ_TEXT)
def test_what_the_exact_fold_finds_the_search_fold_finds(text, word):
    if az_casefold(word) in az_casefold(text):
        assert az_search_fold(word) in az_search_fold(text)


@given(st.text())
def test_search_fold_never_fails_and_is_idempotent_on_any_text(text):
    folded = az_search_fold(text)
    assert az_search_fold(folded) == folded
