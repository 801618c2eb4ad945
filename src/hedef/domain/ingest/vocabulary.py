"""The words and shapes that strategy documents of this family share.

Every document states its periods, numbers its items and names its executors in
the same few ways; the patterns live here once so that the front matter reader,
the text reconstruction and the table mapping recognise exactly the same things.
"""

from __future__ import annotations

import re

from hedef.domain.plan import ENTREPRENEURS, RELEVANT_BODIES

__all__ = [
    "COLLECTIVE",
    "DASHES",
    "NUMBERED_LINE",
    "PERIOD_ANCHOR",
    "UPPER",
    "collective_value",
    "is_acronym_shaped",
    "join_cell_lines",
]

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
UPPER = "A-ZÇƏĞIİÖŞÜ"

# A period cell: a year or a span of years, never an ordinal ("2026-cı il") and
# never part of a larger number; or the word for "ongoing" (but not the adverb
# "mütəmadi olaraq", "regularly", that result texts use).
PERIOD_ANCHOR = re.compile(
    rf"(?<![\w.,/{DASHES}])(?P<start>(?:19|20)\d\d)"
    rf"(?:\s*[{DASHES}]\s*(?P<end>(?:19|20)\d\d))?"
    rf"(?![\w%]|[{DASHES}]\w|[.,]\d)"
    r"|(?<!\w)(?P<ongoing>[Mm]ütəmadi|MÜTƏMADİ)(?!\w)(?!\s+olaraq)"
)

# "aidiyyəti qurumlar" (relevant bodies) in any of its longer spellings, and
# "sahibkarlıq subyektləri" (entrepreneurs): executors that are not one agency.
_RELEVANT = (
    r"(?:digər\s+)?aidiyyəti(?:\s+(?:dövlət|mərkəzi|yerli|icra|hakimiyyəti))*\s+"
    r"(?:orqanlar[ıi]?|qurumlar[ıi]?|təşkilatlar[ıi]?|strukturlar[ıi]?)"
    r"(?:\s*\(\s*(?:qurumlar[ıi]?|orqanlar[ıi]?)\s*\))?"
)
_ENTREPRENEURS = r"sahibkarlıq\s+subyektləri"
COLLECTIVE = re.compile(rf"(?P<relevant>{_RELEVANT})|(?P<entrepreneurs>{_ENTREPRENEURS})", re.I)

# A numbered item at the start of a line: "1.1.1. Title", "8.1.1.1." alone,
# "Məqsəd 8.1. Title", "Prioritet istiqamət 8.1.1. Title", or "1.2 Title" (no
# final dot, but then at least two parts and a capital after it, so that "50 KOB"
# in a result cell is not taken for an item).
_KEYWORDS = r"Məqsəd|MƏQSƏD|Prioritet\s+istiqamət|PRİORİTET\s+İSTİQAMƏT|İstiqamət|Hədəf|Fəsil|Bölmə"
NUMBERED_LINE = re.compile(
    rf"^\s*(?:(?P<keyword>{_KEYWORDS})\s+)?"
    rf"(?P<number>\d{{1,2}}(?:\.\d{{1,2}}){{0,5}}(?=\.(?:\s|$))|\d{{1,2}}(?:\.\d{{1,2}}){{1,5}}(?=\s+[{UPPER}“\"«]))"
    r"\.?\s*(?P<rest>.*)$"
)

_ACRONYM_SHAPE = re.compile(rf"[{UPPER}][{UPPER}0-9]{{1,9}}")


def collective_value(phrase: str) -> str | None:
    """The stored value of a collective executor phrase, or ``None`` if it is not one."""
    match = COLLECTIVE.fullmatch(phrase.strip())
    if match is None:
        return None
    return RELEVANT_BODIES if match.group("relevant") else ENTREPRENEURS


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
