"""The words and shapes that strategy documents of this family share.

Every document states its periods, numbers its items and names its executors in
the same few ways; the patterns live here once so that the front matter reader,
the text reconstruction and the table mapping recognise exactly the same things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hedef.domain.core.text import az_casefold
from hedef.domain.plans.model import ENTREPRENEURS, RELEVANT_BODIES

__all__ = [
    "COLLECTIVE",
    "DASHES",
    "NUMBERED_LINE",
    "PERIOD_ANCHOR",
    "UPPER",
    "collective_value",
    "is_acronym_shaped",
    "join_cell_lines",
    "numbered",
]

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
UPPER = "A-ZÇƏĞIİÖŞÜ"

# A period cell: a year or a span of years, possibly spelled out ("2026–2029-cu
# illər"), never an ordinal in running text ("2030-cu ilədək") and never part of a
# larger number; or a word for "ongoing" — "mütəmadi" (but not the adverb
# "mütəmadi olaraq", "regularly", that result texts use), or "daimi"/"davamlı"
# standing alone at the end of a line or before a capital.
PERIOD_ANCHOR = re.compile(
    rf"(?<![{DASHES}\w.,/])(?P<start>(?:19|20)\d\d)"
    rf"(?:\s*[{DASHES}]\s*(?P<end>(?:19|20)\d\d))?"
    rf"(?:[{DASHES}]c[iıuü]\s+il(?:lər)?(?:\s+ərzində)?(?!\w)|(?![\w%]|[{DASHES}]\w|[.,]\d))"
    r"|(?<!\w)(?P<ongoing>[Mm]ütəmadi|MÜTƏMADİ)(?!\w)(?!\s+olaraq)"
    rf"|(?<!\w)(?P<standing>[Dd]aimi|DAİMİ|[Dd]avamlı|DAVAMLI)(?=[ \t]*(?:\n|$)|\s+[{UPPER}0-9“])"
)

# "aidiyyəti qurumlar" (relevant bodies) in any of its longer spellings, and
# "sahibkarlıq subyektləri" (entrepreneurs): executors that are not one agency.
_RELEVANT = (
    r"(?:digər\s+)?aidiyyəti(?:\s+(?:dövlət|mərkəzi|yerli|icra|hakimiyyəti))*\s+"
    r"(?:orqanlar[ıi]?|qurumlar[ıi]?|təşkilatlar[ıi]?|strukturlar[ıi]?)"
    r"(?:\s*\(\s*(?:qurumlar[ıi]?|orqanlar[ıi]?)\s*\))?"
)
_ENTREPRENEURS = r"sahibkarlıq\s+subyektləri"
# Other groups of bodies named in lower case ("yerli icra hakimiyyəti orqanları",
# "bələdiyyələr", "ali təhsil müəssisələri"): kept as written, lower-cased.
_BODIES = (
    r"(?-i:(?:(?!(?:və|digər|ilə|aidiyyəti)\s|\w*m[aə]s[ıi]\b)"
    r"[A-ZÇƏĞIİÖŞÜa-zçəğıöşü][a-zçəğıöşü]*[\s-]+){0,3})"
    r"(?:orqanları|qurumları|təşkilatları|müəssisələri|bələdiyyələr|hakimiyyətləri|"
    r"bankları|şirkətləri|universitetləri|assosiasiyaları|birlikləri|qurumlar|təşkilatlar)"
)
COLLECTIVE = re.compile(
    rf"(?P<relevant>{_RELEVANT})|(?P<entrepreneurs>{_ENTREPRENEURS})|(?P<bodies>{_BODIES})(?!\w)",
    re.I,
)

# A numbered item at the start of a line: "1.1.1. Title", "8.1.1.1." alone,
# "Məqsəd 8.1. Title", "Strateji istiqamət 2: Title", "II. Title" (a goal in Roman
# numerals), or "1.2 Title" (no final dot, but then at least two parts and a
# capital after it, so that "50 KOB" in a result cell is not taken for an item).
_KEYWORDS = r"(?i:(?:strateji|əsas|prioritet)\s+)?(?i:məqsəd|istiqamət|hədəf|fəsil|bölmə)"
NUMBERED_LINE = re.compile(
    rf"^\s*(?:(?P<keyword>{_KEYWORDS})\s+(?P<keyed>\d{{1,2}}(?:\.\d{{1,2}}){{0,5}})[.:)]?(?=\s|$)"
    rf"|(?P<roman>[IVX]{{1,5}})\.(?=\s+[{UPPER}])"
    rf"|(?P<bare>\d{{1,2}}(?:\.\d{{1,2}}){{0,5}}(?=\.(?:\s|$))"
    rf"|\d{{1,2}}(?:\.\d{{1,2}}){{1,5}}(?=\s+[{UPPER}“\"«])))"
    r"\.?\s*(?P<rest>.*)$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10}

_ACRONYM_SHAPE = re.compile(rf"[{UPPER}][{UPPER}0-9]{{1,9}}")


@dataclass(frozen=True)
class Numbered:
    """A numbered line taken apart: "Məqsəd 8.1. Title" → keyword, number, rest."""

    number: str
    keyword: str
    rest: str


def numbered(line: str) -> Numbered | None:
    """The number (without its final dot), level keyword and text of a numbered line."""
    match = NUMBERED_LINE.match(line)
    if match is None:
        return None
    roman = match.group("roman")
    number = _from_roman(roman) if roman else match.group("keyed") or match.group("bare")
    return Numbered(number, match.group("keyword") or "", match.group("rest").strip())


def _from_roman(numeral: str) -> str:
    values = [_ROMAN[letter] for letter in numeral]
    total = sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    return str(total)


def collective_value(phrase: str) -> str | None:
    """The stored value of a collective executor phrase, or ``None`` if it is not one."""
    match = COLLECTIVE.fullmatch(phrase.strip())
    if match is None:
        return None
    if match.group("relevant"):
        return RELEVANT_BODIES
    if match.group("entrepreneurs"):
        return ENTREPRENEURS
    return az_casefold(match.group("bodies"))


def is_acronym_shaped(word: str) -> bool:
    """Whether ``word`` looks like an agency acronym (capitals, two to ten of them)."""
    return _ACRONYM_SHAPE.fullmatch(word) is not None


def join_cell_lines(lines: list[str]) -> str:
    """Join the lines of one cell into one whitespace-normalised string.

    A line that ends in a hyphen or a slash right after a word is joined without
    a space: the documents break compounds such as "KOB-|lar", "e-|ticarət" or
    "təqaüd/|sponsorluq" at the hyphen and the hyphen belongs to the word.
    """
    parts: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if parts and re.search(rf"\S[{DASHES}/]$", parts[-1]):
            parts[-1] += line
        else:
            parts.append(line)
    return " ".join(parts)
