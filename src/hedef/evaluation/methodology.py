"""The methodology page: one document, quoted by the pages and the reports."""

from __future__ import annotations

from functools import cache
from importlib import resources

import markdown


@cache
def methodology_html() -> str:
    text = resources.files("hedef.domain.evaluation").joinpath("methodology.md").read_text("utf-8")
    return markdown.markdown(text, extensions=["tables", "toc", "sane_lists"], output_format="html")
