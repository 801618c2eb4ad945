"""Finding the parts of a strategy document: action plan, acronym list, indicator table.

Documents of this family open with a table of contents that repeats every section
heading followed by dot leaders and a page number; a heading is only the real one
when it is not such a line. Sections are found by their names, never by line
positions, because page layouts differ from one document to the next.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hedef.domain.core.text import az_casefold

__all__ = [
    "acronym_region",
    "find_heading",
    "indicator_region",
    "plan_region",
    "split_lines",
]

_TOC_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d*\s*$|…{2,}")
_SECTION_NUMBER = re.compile(r"^\s*(\d{1,2})\.\s")
_PLAN_HEADING = re.compile(r"(?:tədbirlər|fəaliyyət|icra)\s+planı\s*$")
_PLAN_TABLE_WORDS = ("icraçı", "icra müddəti", "tədbirin adı", "nəticə")
_ACRONYM_HEADING = re.compile(r"^(?:\d{1,2}\.\s*)?(?:akronimlər|ixtisarlar)\b")
_INDICATOR_HEADING = re.compile(r"hədəf\s+(?:göstəriciləri|indikatorları)\s*$")
_MAX_HEADING_LENGTH = 140


@lru_cache(maxsize=16384)
def _folded(line: str) -> str:
    """``az_casefold`` of a line, remembered: the section finders scan the same lines often."""
    return az_casefold(line)


def split_lines(text: str) -> list[str]:
    """Split ``text`` into lines; a form feed (page break) becomes indentation.

    Line numbers elsewhere are indexes into this list, so every reader of the
    document agrees on them. A page break is kept as leading whitespace because
    the parser reads leading whitespace as "a new block of text starts here".
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n ")
    return text.split("\n")


def is_toc_line(line: str) -> bool:
    """Whether ``line`` is a table-of-contents entry (dot leaders and a page number)."""
    return _TOC_LEADER.search(line) is not None


def find_heading(lines: list[str], pattern: re.Pattern[str], start: int = 0) -> int | None:
    """Index of the first heading line from ``start`` whose folded text matches ``pattern``."""
    for index in range(start, len(lines)):
        line = lines[index]
        if len(line) > _MAX_HEADING_LENGTH or is_toc_line(line):
            continue
        if pattern.search(_folded(line)):
            return index
    return None


def plan_region(lines: list[str]) -> tuple[int, int] | None:
    """The action plan as a half-open range of line indexes, or ``None`` if there is none.

    The plan starts after its heading ("... Tədbirlər Planı"); where a document has
    several such lines, the one followed by the table's column headings wins. It
    ends at the acronym list or at the next top-level section.
    """
    heading = _plan_heading(lines)
    if heading is None:
        return None
    end = len(lines)
    acronyms = find_heading(lines, _ACRONYM_HEADING, heading + 1)
    if acronyms is not None:
        end = acronyms
    number = _SECTION_NUMBER.match(lines[heading])
    if number is not None:
        following = re.compile(rf"^\s*{int(number.group(1)) + 1}\.\s+[A-ZÇƏĞIİÖŞÜ]")
        for index in range(heading + 1, end):
            if following.match(lines[index]) and not is_toc_line(lines[index]):
                end = index
                break
    return heading + 1, end


def _plan_heading(lines: list[str]) -> int | None:
    candidates = []
    start = 0
    while (found := find_heading(lines, _PLAN_HEADING, start)) is not None:
        candidates.append(found)
        start = found + 1
    for candidate in candidates:
        window = az_casefold(" ".join(lines[candidate + 1 : candidate + 40]))
        if sum(word in window for word in _PLAN_TABLE_WORDS) >= 2:
            return candidate
    if candidates:
        return candidates[0]
    # No heading: the table's own column headings mark where the plan begins.
    for index, line in enumerate(lines):
        if "icra müddəti" in az_casefold(line) and not is_toc_line(line):
            return max(index - 1, 0)
    return None


def acronym_region(lines: list[str]) -> tuple[int, int] | None:
    """The acronym list ("Akronimlər", "Akronimlər və ixtisarlar") as a line range."""
    heading = find_heading(lines, _ACRONYM_HEADING)
    while heading is not None and not _looks_like_acronym_list(lines, heading + 1):
        heading = find_heading(lines, _ACRONYM_HEADING, heading + 1)
    if heading is None:
        return None
    end = len(lines)
    for index in range(heading + 1, len(lines)):
        if _SECTION_NUMBER.match(lines[index]) and not is_toc_line(lines[index]):
            end = index
            break
    return heading + 1, end


def _looks_like_acronym_list(lines: list[str], start: int) -> bool:
    window = lines[start : start + 12]
    return any(re.match(r"^\s*\S{2,12}\s*[-–−—]\s+\S", line) for line in window)


def indicator_region(lines: list[str]) -> tuple[int, int] | None:
    """The headline target indicator section ("Hədəf göstəriciləri") as a line range."""
    heading = find_heading(lines, _INDICATOR_HEADING)
    if heading is None:
        return None
    number = _SECTION_NUMBER.match(lines[heading])
    end = min(len(lines), heading + 400)
    if number is not None:
        following = re.compile(rf"^\s*{int(number.group(1)) + 1}\.\s+[A-ZÇƏĞIİÖŞÜ]")
        for index in range(heading + 1, end):
            if following.match(lines[index]):
                end = index
                break
    return heading + 1, end
