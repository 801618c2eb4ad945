"""The methodology page: one document, quoted by the pages and the reports."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import markdown

# Subsections a monitoring report does not rely on: Open SDG compatibility, the
# index files' format and the UN E-Government index.
REPORT_OMITS = ("2.2", "7.3", "7.4")
_HEADING = re.compile(r"^(#{2,6}) (\d+(?:\.\d+)*)[. ]", re.M)


@cache
def methodology_text() -> str:
    """The methodology as Markdown (``docs/methodology.md`` is the same file)."""
    return resources.files("hedef.domain.evaluation").joinpath("methodology.md").read_text("utf-8")


@cache
def methodology_html() -> str:
    return markdown.markdown(
        methodology_text(), extensions=["tables", "toc", "sane_lists"], output_format="html"
    )


def methodology_excerpt(text: str, *, omit: tuple[str, ...] = REPORT_OMITS) -> str:
    """``text`` without the numbered sections ``omit`` ("2.2"), each up to the next heading
    of its level or higher. The remaining sections keep their numbers, so that references
    such as "section 7.5" still point at the right place.
    """
    headings = list(_HEADING.finditer(text))
    cuts: list[tuple[int, int]] = []
    for index, heading in enumerate(headings):
        if heading.group(2) not in omit:
            continue
        level = len(heading.group(1))
        end = next(
            (later.start() for later in headings[index + 1 :] if len(later.group(1)) <= level),
            len(text),
        )
        cuts.append((heading.start(), end))
    kept, position = [], 0
    for start, end in cuts:
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept)
