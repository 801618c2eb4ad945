"""Azerbaijani-aware text handling: case folding, normalisation, sort keys.

Python's ``str.lower`` follows the Unicode default, which is wrong for
Azerbaijani: dotted ``İ`` must fold to ``i`` and dotless ``I`` to ``ı``.
Every search, comparison and sort in Hədəf goes through this module.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "az_ascii_slug",
    "az_casefold",
    "az_lower",
    "az_search_fold",
    "az_sort_key",
    "az_upper",
    "join_hyphenated_lines",
    "normalise_space",
    "tokens",
]

_LOWER_SPECIAL = str.maketrans({"İ": "i", "I": "ı"})
_UPPER_SPECIAL = str.maketrans({"i": "İ", "ı": "I"})

# Azerbaijani alphabet order; letters outside it sort after, by code point.
_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
_ORDER = {letter: index for index, letter in enumerate(_ALPHABET)}

_ASCII_LETTERS = str.maketrans(
    {"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

_SPACE = re.compile(r"\s+")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad]\s*\n\s*(\w)")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def az_lower(text: str) -> str:
    """Lower-case ``text`` by Azerbaijani rules (``İ`` → ``i``, ``I`` → ``ı``)."""
    return text.translate(_LOWER_SPECIAL).lower()


def az_upper(text: str) -> str:
    """Upper-case ``text`` by Azerbaijani rules (``i`` → ``İ``, ``ı`` → ``I``)."""
    return text.translate(_UPPER_SPECIAL).upper()


def az_casefold(text: str) -> str:
    """Fold ``text`` for caseless matching: Azerbaijani lower case, NFC, single spaces.

    A combining dot left behind by decomposed input (``i̇``) is dropped so that
    text typed on different keyboards compares equal.
    """
    folded = unicodedata.normalize("NFC", az_lower(unicodedata.normalize("NFC", text)))
    return normalise_space(folded.replace("i\u0307", "i"))


def _fold_char(char: str) -> str:
    """One Azerbaijani lower-case character without its diacritics (``ş`` → ``s``)."""
    ascii_letter = char.translate(_ASCII_LETTERS)
    if ascii_letter != char:
        return ascii_letter
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def az_search_fold_chars(text: str) -> list[str]:
    """The diacritic-free fold of each character of ``text``, one entry per character.

    Joined, the entries are the fold of ``text`` with its spacing kept, so a match in
    the folded text can be mapped back to the characters it came from (highlighting).
    ``text`` is expected in NFC, as every stored text is.
    """
    return [_fold_char(char) for char in az_lower(text)]


def az_search_fold(text: str) -> str:
    """Fold ``text`` for matching typed without Azerbaijani letters: "RƏQƏMSAL" → ``reqemsal``.

    Azerbaijani case folding first (so ``İ`` and ``I`` both become ``i`` here), then
    every letter written without its diacritics: ə → e, ı → i, ş → s, ç → c, ğ → g,
    ö → o, ü → u, and any other mark dropped after NFKD decomposition (é → e,
    ﬁ → fi). Coarser than :func:`az_casefold`: what matches the latter matches this.
    """
    folded = "".join(az_search_fold_chars(unicodedata.normalize("NFC", text)))
    return normalise_space(folded)


def az_sort_key(text: str) -> tuple[int, ...]:
    """Key that sorts strings in Azerbaijani alphabetical order, ignoring case."""
    return tuple(_ORDER.get(char, 100 + ord(char)) for char in az_casefold(text))


def az_ascii_slug(text: str, *, max_length: int | None = None) -> str:
    """An ASCII slug of Azerbaijani text: "2026, I yarımil" → ``2026-i-yarimil``.

    Letters are folded by Azerbaijani rules and written in their usual ASCII
    transliteration (ə → e, ı → i, ş → s, ç → c, ğ → g, ö → o, ü → u); anything
    else becomes a single hyphen. ``max_length`` cuts the slug, never ending it on
    a hyphen.
    """
    slug = _NOT_SLUG.sub("-", az_casefold(text).translate(_ASCII_LETTERS)).strip("-")
    if max_length is not None:
        slug = slug[:max_length].rstrip("-")
    return slug


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace into one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def join_hyphenated_lines(text: str) -> str:
    """Join words broken by a hyphen at a line end (``rəqəm-\\nsal`` → ``rəqəmsal``)."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` after Azerbaijani case folding."""
    return _TOKEN.findall(az_casefold(text))
