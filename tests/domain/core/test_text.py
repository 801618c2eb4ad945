"""Azerbaijani case folding, sorting and normalisation."""

import pytest

from hedef.domain.core.text import (
    az_ascii_slug,
    az_casefold,
    az_lower,
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
