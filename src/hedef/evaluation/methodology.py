"""The methodology page: one document, quoted by the pages and the reports."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import markdown

# Subsections a monitoring report does not rely on: Open SDG compatibility, the
# index files' format and the UN E-Government index.
REPORT_OMITS = ("2.2", "7.3", "7.4")
_HEADING = re.compile(r"^(#{2,6}) (\d+(?:\.\d+)*)[. ]", re.M)


def methodology_language(language: str) -> str:
    """The language the methodology is written in that is closest to ``language``."""
    code = (language or "en")[:2]
    if code != "en" and _folder().joinpath(f"methodology.{code}.md").is_file():
        return code
    return "en"


@cache
def methodology_text(language: str = "en") -> str:
    """The methodology as Markdown in ``language`` where it is translated, else in English.

    The English text (``docs/methodology.md`` is the same file) is the reference; the
    translations keep its section numbers, which reports and pages cite.
    """
    code = methodology_language(language)
    name = "methodology.md" if code == "en" else f"methodology.{code}.md"
    return _folder().joinpath(name).read_text("utf-8")


@cache
def methodology_html(language: str = "en") -> str:
    return markdown.markdown(
        methodology_text(language),
        extensions=["tables", "toc", "sane_lists"],
        output_format="html",
    )


def _folder() -> Traversable:
    return resources.files("hedef.domain.evaluation")


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
