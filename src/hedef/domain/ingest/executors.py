"""Recognising executor lists: "RİNN, DTX və aidiyyəti qurumlar".

An executor cell is a sequence of bodies: acronyms from the document's own list,
acronym-shaped words the list forgot, and collective values ("aidiyyəti
qurumlar", "sahibkarlıq subyektləri"), separated by commas, spaces, line breaks
or "və" ("and"). The same tokens tell the text reconstruction where a title ends
and where the lead executor's cell gives way to the other executors' cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hedef.domain.core.text import az_casefold, normalise_space
from hedef.domain.ingest.vocabulary import COLLECTIVE, collective_value, is_acronym_shaped

__all__ = [
    "ExecutorItem",
    "ExecutorRun",
    "executor_items",
    "executor_run",
    "is_executor_list",
    "leading_executor_run",
]

# An aside in brackets ("(razılaşdırılmaqla)": "by agreement") qualifies a body
# without naming one, and "və s." ("etc.") closes a list without adding to it.
_TOKEN = re.compile(
    rf"(?P<collective>{COLLECTIVE.pattern})|(?P<aside>\([^()\n]{{1,60}}\)|\bs\.)"
    r"|(?P<comma>[,;])|(?P<word>[^\s,;]+)",
    re.I,
)
_CONNECTORS = frozenset({"və", "digər"})
_ITEM_KINDS = frozenset({"acronym", "caps", "collective"})


@dataclass(frozen=True)
class _Token:
    kind: str  # "acronym", "caps", "collective", "comma", "connector", "aside" or "word"
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class ExecutorItem:
    """One executor: ``kind`` is "acronym", "caps" (unknown acronym), "collective" or "other"."""

    kind: str
    value: str


@dataclass(frozen=True)
class ExecutorRun:
    """An executor list inside a stretch of text.

    ``start`` and ``end`` are where the list begins and ends in the text; ``groups``
    are the cells it is made of, in order (the lead executor's cell first): a new
    cell starts wherever two bodies are separated by nothing but white space.
    """

    start: int
    end: int
    groups: tuple[str, ...]


def _tokens(text: str, known: set[str]) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        if match.group("collective"):
            value = collective_value(match.group("collective")) or match.group("collective")
            tokens.append(_Token("collective", value, match.start(), match.end()))
        elif match.group("comma"):
            tokens.append(_Token("comma", ",", match.start(), match.end()))
        elif match.group("aside"):
            tokens.append(_Token("aside", match.group("aside"), match.start(), match.end()))
        else:
            word = match.group("word").rstrip(".")
            if word in known:
                kind = "acronym"
            elif az_casefold(word) in _CONNECTORS:
                kind = "connector"
            elif is_acronym_shaped(word):
                kind = "caps"
            else:
                kind = "word"
            tokens.append(_Token(kind, word, match.start(), match.end()))
    return tokens


def executor_items(cell: str, known: set[str]) -> list[ExecutorItem]:
    """The executors named in one cell, in order; unknown words become "other" phrases."""
    items: list[ExecutorItem] = []
    phrase: list[str] = []

    def close_phrase() -> None:
        if phrase:
            items.append(ExecutorItem("other", az_casefold(" ".join(phrase))))
            phrase.clear()

    for token in _tokens(cell, known):
        if token.kind in _ITEM_KINDS:
            close_phrase()
            items.append(ExecutorItem(token.kind, token.value))
        elif token.kind == "word":
            phrase.append(token.value)
        else:
            close_phrase()
    close_phrase()
    return items


def executor_run(text: str, known: set[str]) -> ExecutorRun | None:
    """The executor list at the very end of ``text``, or ``None`` if it does not end in one.

    The list is read backwards from the end until a word that cannot belong to
    it. A list that starts in the middle of a line must start with a known body,
    so that a title ending in "... və İKT" does not lose its last word.
    """
    tokens = _tokens(text, known)
    first = len(tokens)
    while first > 0 and tokens[first - 1].kind != "word":
        first -= 1
    run = tokens[first:]
    while run:
        while run and run[0].kind not in _ITEM_KINDS:
            run = run[1:]
        if not run or _starts_line(text, run[0].start) or run[0].kind != "caps":
            break
        run = run[1:]
    if not run:
        return None
    return ExecutorRun(run[0].start, run[-1].end, _groups(text, run))


def leading_executor_run(text: str, known: set[str]) -> ExecutorRun | None:
    """The executor list at the very start of ``text``, if it names a known body.

    Unknown acronym-shaped words do not count here: without a period cell to
    close the list, only the document's own acronyms can be trusted to open it.
    """
    tokens = _tokens(text, known)
    length = 0
    while length < len(tokens) and tokens[length].kind != "word":
        length += 1
    run = tokens[:length]
    while run and run[-1].kind not in _ITEM_KINDS:
        run = run[:-1]
    if not run or run[0].kind not in ("acronym", "collective") or text[: run[0].start].strip():
        return None
    return ExecutorRun(run[0].start, run[-1].end, _groups(text, run))


def _starts_line(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()


def _groups(text: str, run: list[_Token]) -> tuple[str, ...]:
    groups: list[list[_Token]] = [[]]
    joined = True
    for token in run:
        if token.kind in _ITEM_KINDS:
            if not joined and groups[-1]:
                groups.append([])
            groups[-1].append(token)
            joined = False
        elif token.kind != "aside":
            joined = True
    return tuple(normalise_space(text[group[0].start : group[-1].end]) for group in groups if group)


def is_executor_list(text: str, known: set[str]) -> bool:
    """Whether ``text`` is nothing but an executor list naming at least one known body."""
    tokens = _tokens(text, known)
    return (
        bool(tokens)
        and all(token.kind != "word" for token in tokens)
        and any(token.kind in ("acronym", "collective") for token in tokens)
    )
