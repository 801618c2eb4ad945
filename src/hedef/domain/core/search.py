"""Text search over Azerbaijani text: which texts match a query, how well, and where.

A query matches a text when every word of it occurs in the text. Two folds are tried:
the exact Azerbaijani fold (:func:`az_casefold`, "rəqəmsal" finds "RƏQƏMSAL") and the
diacritic-free one (:func:`az_search_fold`, "reqemsal" and "REQEMSAL" find it too, as
typed on a Latin keyboard). A match by the exact fold ranks before one found only
without diacritics.

Stored rows keep both folds of their searchable text (:func:`search_columns`) so that
a database can find candidates with a plain substring test on either engine.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hedef.domain.core.text import az_casefold, az_search_fold, az_search_fold_chars

__all__ = [
    "KINDS",
    "MAX_QUERY_WORDS",
    "Hit",
    "HitGroup",
    "KindGroup",
    "Segment",
    "Tier",
    "group_hits",
    "highlight",
    "make_hit",
    "match_tier",
    "query_words",
    "search_columns",
    "snippet",
]

MAX_QUERY_WORDS = 12


class Tier(enum.IntEnum):
    """How a text matched: lower is better."""

    EXACT = 0
    FOLDED = 1


@dataclass(frozen=True)
class Segment:
    """A piece of a text, ``marked`` when it is (part of) a matched word."""

    text: str
    marked: bool = False


def query_words(query: str) -> list[str]:
    """The words of ``query`` in the exact fold, repeated words once, at most twelve."""
    words = list(dict.fromkeys(az_casefold(query).split()))
    return words[:MAX_QUERY_WORDS]


def search_columns(parts: Iterable[str]) -> tuple[str, str]:
    """The exact and the diacritic-free fold of the searchable ``parts`` of a row."""
    text = " ".join(part for part in parts if part)
    return az_casefold(text), az_search_fold(text)


def match_tier(text: str, words: Sequence[str]) -> Tier | None:
    """How ``text`` matches every one of ``words`` (from :func:`query_words`), if it does."""
    if not words:
        return None
    exact = az_casefold(text)
    if all(word in exact for word in words):
        return Tier.EXACT
    folded = az_search_fold(text)
    if all(az_search_fold(word) in folded for word in words):
        return Tier.FOLDED
    return None


def _marks(text: str, words: Sequence[str]) -> list[bool]:
    """For each character of ``text``: is it part of an occurrence of a word, unaccented."""
    pieces = az_search_fold_chars(text)
    folded = "".join(pieces)
    owner: list[int] = []
    for index, piece in enumerate(pieces):
        owner.extend([index] * len(piece))
    marked = [False] * len(text)
    for word in {az_search_fold(word) for word in words}:
        if not word:
            continue
        start = folded.find(word)
        while start != -1:
            for position in range(start, start + len(word)):
                marked[owner[position]] = True
            start = folded.find(word, start + len(word))
    # A combining mark belongs to the letter before it (a decomposed "i̇" is one letter).
    for index in range(1, len(text)):
        if unicodedata.combining(text[index]) and marked[index - 1]:
            marked[index] = True
    return marked


def _segments(text: str, marked: Sequence[bool]) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or marked[index] != marked[start]:
            segments.append(Segment(text[start:index], marked[start]))
            start = index
    return segments


def highlight(text: str, words: Sequence[str]) -> list[Segment]:
    """``text`` cut into segments, every occurrence of a word marked, diacritics ignored.

    The segments join back into ``text`` unchanged; "reqemsal" marks "Rəqəmsal".
    """
    text = unicodedata.normalize("NFC", text)
    if not text:
        return []
    return _segments(text, _marks(text, words))


def snippet(text: str, words: Sequence[str], *, width: int = 160) -> list[Segment]:
    """A window of at most about ``width`` characters of ``text`` around its first match.

    Short texts are returned whole; a cut is made at a space and shown with "…".
    """
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if len(text) <= width:
        return highlight(text, words)
    marked = _marks(text, words)
    first = marked.index(True) if True in marked else 0
    last = first
    while last < len(text) and marked[last]:
        last += 1
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", max(last, start + 1), end)
        end = space if space != -1 else end
    segments = _segments(text[start:end], marked[start:end])
    if start:
        segments.insert(0, Segment("…"))
    if end < len(text):
        segments.append(Segment("…"))
    return segments


KINDS = ("measure", "indicator", "agency")


@dataclass(frozen=True)
class Hit:
    """One search result, shown as its highlighted title and, when the match is elsewhere
    (a result text, another name), a highlighted snippet of that text."""

    kind: str  # one of KINDS
    tier: Tier
    order: tuple[object, ...]  # document order inside its group
    url: str
    number: str
    title: Sequence[Segment]
    context: Sequence[Segment] = ()
    group_key: str = ""  # the strategy's code; empty for agencies
    group_title: str = ""
    status: str = ""


@dataclass(frozen=True)
class HitGroup:
    """The hits of one kind in one strategy (agencies: a single group)."""

    key: str
    title: str
    hits: Sequence[Hit]


@dataclass(frozen=True)
class KindGroup:
    kind: str
    total: int
    groups: Sequence[HitGroup]


def make_hit(
    *,
    kind: str,
    words: Sequence[str],
    title: str,
    other_texts: Sequence[str] = (),
    tier: Tier,
    order: tuple[object, ...],
    url: str,
    number: str = "",
    group_key: str = "",
    group_title: str = "",
    status: str = "",
) -> Hit:
    """A hit whose title is highlighted and, when the title lacks some of ``words``, whose
    context is a snippet of the first of ``other_texts`` holding one of them, marked."""
    title_segments = highlight(title, words)
    folded_title = az_search_fold(title)
    missing = [word for word in words if az_search_fold(word) not in folded_title]
    context: list[Segment] = []
    for text in other_texts if missing else ():
        folded = az_search_fold(text)
        if any(az_search_fold(word) in folded for word in missing):
            context = snippet(text, missing)
            break
    return Hit(
        kind=kind,
        tier=tier,
        order=order,
        url=url,
        number=number,
        title=title_segments,
        context=context,
        group_key=group_key,
        group_title=group_title,
        status=status,
    )


def group_hits(hits: Iterable[Hit], *, limit: int = 50) -> list[KindGroup]:
    """Hits by kind (measures, indicators, agencies), then by strategy.

    Inside a kind, exact matches come first: a kind's strategies are ordered by their
    best hit, then by code, and a strategy's hits by tier, then document order. At most
    ``limit`` hits of a kind are kept; ``total`` counts them all.
    """
    by_kind: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
    for hit in hits:
        by_kind[hit.kind].append(hit)
    result = []
    for kind, kind_hits in by_kind.items():
        if not kind_hits:
            continue
        kind_hits.sort(key=lambda hit: (hit.tier, hit.group_key, hit.order))
        kept = kind_hits[:limit]
        groups: dict[str, list[Hit]] = {}
        titles: dict[str, str] = {}
        for hit in kept:
            groups.setdefault(hit.group_key, []).append(hit)
            titles.setdefault(hit.group_key, hit.group_title)
        ordered = sorted(groups.items(), key=lambda item: (item[1][0].tier, item[0]))
        result.append(
            KindGroup(
                kind=kind,
                total=len(kind_hits),
                groups=[
                    HitGroup(
                        key=key,
                        title=titles[key],
                        hits=sorted(group, key=lambda hit: (hit.tier, hit.order)),
                    )
                    for key, group in ordered
                ],
            )
        )
    return result
