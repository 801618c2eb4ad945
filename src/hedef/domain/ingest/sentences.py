"""How a piece of cell text begins and ends, read from Azerbaijani sentence structure.

Result cells are noun phrases that end in a verbal noun ("... yaradılması",
"... edilməsi": "the creation of ...") and start with a capital or a number. A
cell cut by a page break or a column boundary ends instead in "və" ("and"), a
comma, a genitive ("...-ının"), a participle or an open bracket. These shapes are
what lets the parser tell where one interleaved cell stops and the next begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

from hedef.domain.core.text import az_lower
from hedef.domain.ingest.vocabulary import DASHES, UPPER, join_cell_lines

__all__ = ["End", "Piece", "Start", "end_of", "stages_by_markers", "start_of"]


class End(IntEnum):
    """How complete a text's ending is, from "surely cut" to "surely a whole cell"."""

    OPEN = 0  # "... və", "...,", "...-ının", an open bracket: the text goes on
    DATIVE = 1  # "... faizə": usually governed by a verb still to come
    NEUTRAL = 2
    WEAK = 3  # a possessive noun ("... təmini"), which may or may not close the cell
    STRONG = 4  # a verbal noun ("... yaradılması"): the usual end of a cell


class Start(IntEnum):
    """How a text begins: whether it can open a cell or must continue one."""

    LOWER = 0  # continues something
    OTHER = 1
    UPPER = 2  # a capital, a digit or a quoted name: can open a cell


# Words after which a phrase cannot stop ("and", "with", "for", "including", "at least" ...).
_CONNECTORS = frozenset(
    "və ilə habelə həmçinin eləcə də o cümlədən üçün üzrə dair ya yaxud bu həmin müvafiq "
    "olaraq görə qədər kimi isə ki hər bütün yeni azı ən daha digər onların öz ayrı".split()
)
_ACRONYM_WITH_ENDING = re.compile(rf"[{UPPER}]{{2,}}[{DASHES}]\w")
_VERBAL_NOUN = re.compile(r"m[aə]s[ıi]$")
_VOWELS = "aeəıioöuü"
_TRAILING = "\"'.)”»’"


def end_of(text: str) -> End:
    """Classify how ``text`` ends (see :class:`End`)."""
    stripped = text.rstrip()
    if not stripped:
        return End.NEUTRAL
    if stripped[-1] in ",;:(“«/" or stripped[-1] in DASHES:
        return End.OPEN
    if stripped.count("(") > stripped.count(")") or stripped.count("“") > stripped.count("”"):
        return End.OPEN
    last = stripped.split()[-1].rstrip(_TRAILING)
    word = az_lower(last)
    if not word or word in _CONNECTORS or word[-1].isdigit():
        return End.OPEN
    if last[:1].isupper() and last[1:].islower() and word[-1] not in _VOWELS:
        return End.OPEN  # "..., Baş": a proper name is cut; its head noun comes later
    if _VERBAL_NOUN.search(word):
        return End.STRONG
    if word.endswith("n"):  # genitive "-ın/-in", participle "-an/-ən", "üçün"
        return End.OPEN
    if word[-1] in "ıiuü":
        return End.WEAK
    if word[-1] in "aə":
        return End.DATIVE
    return End.NEUTRAL


def start_of(text: str) -> Start:
    """Classify how ``text`` begins (see :class:`Start`)."""
    if _closes_before_opening(text):
        return Start.LOWER  # "Sistemi”ndə ...": the quote or bracket was opened earlier
    stripped = text.lstrip().lstrip("“\"«'")
    if not stripped:
        return Start.OTHER
    first = stripped[0]
    if first == "(":
        inner = stripped[1:2]
        return Start.LOWER if inner.islower() else Start.OTHER
    if _ACRONYM_WITH_ENDING.match(stripped):
        return Start.OTHER  # "RİNN-in ...": an agency in a case form runs on mid-sentence
    if first.isdigit() or first.isupper():
        return Start.UPPER
    if first.islower():
        return Start.LOWER
    return Start.OTHER


_STAGE_MARKER = re.compile(
    r"(?:^|(?<=[\s;.,]))(?P<stage>[İi]lkin|İLKİN|[Aa]ralıq|ARALIQ|[Yy]ekun|YEKUN)"
    rf"(?:\s+nəticə(?:lər)?)?\s*[{DASHES}:]\s*"
)
_STAGE_ORDER = ("ilkin", "aralıq", "yekun")


def stages_by_markers(text: str) -> tuple[str, str, str] | None:
    """Split a result text that labels its stages ("İlkin: ...; Aralıq: ...; Yekun: ...").

    Returns ``None`` unless all three labels appear, once each and in order.
    """
    markers = list(_STAGE_MARKER.finditer(text))
    if [az_lower(m.group("stage")) for m in markers] != list(_STAGE_ORDER):
        return None
    bounds = [m.end() for m in markers]
    starts = [m.start() for m in markers[1:]] + [len(text)]
    parts = [text[b:e].strip().rstrip(";,.").strip() for b, e in zip(bounds, starts, strict=True)]
    return parts[0], parts[1], parts[2]


def _closes_before_opening(text: str) -> bool:
    depth = {"(": 0, "“": 0}
    closers = {")": "(", "”": "“"}
    for char in text:
        if char in depth:
            depth[char] += 1
        elif char in closers:
            if depth[closers[char]] == 0:
                return True
            depth[closers[char]] -= 1
    return False


@dataclass(frozen=True)
class Piece:
    """A run of lines that the layout keeps together: no gap and no new indent inside.

    ``line`` is the 1-based number of its first line; ``new_chunk`` is set when
    the piece opens with an indented line rather than after a blank line, which
    in extracted text marks a new block of text such as the top of a new page.
    """

    lines: tuple[str, ...]
    line: int
    new_chunk: bool = False

    @cached_property
    def text(self) -> str:
        return join_cell_lines(list(self.lines))

    @cached_property
    def width(self) -> int:
        return max((len(" ".join(line.split())) for line in self.lines), default=0)

    @cached_property
    def start(self) -> Start:
        return start_of(self.text)

    @cached_property
    def end(self) -> End:
        return end_of(self.text)

    @property
    def line_count(self) -> int:
        return sum(1 for line in self.lines if line.strip())
