"""Reading text back out of rendered PDF reports."""

from __future__ import annotations

from typing import Any


def flat(text: str) -> str:
    """Text with every run of white space as one space: lines wrap anywhere."""
    return " ".join(text.split())


def figure_box_text(page: Any, label: str) -> str:
    """The text of the key-figure box whose label starts with ``label``'s first word."""
    first = label.split()[0]
    for word in page.extract_words():
        if word["text"] == first:
            box = page.crop((word["x0"] - 2, word["top"] - 2, word["x0"] + 95, word["top"] + 75))
            text = flat(box.extract_text() or "")
            if text.startswith(label):
                return text
    raise AssertionError(f"no key figure labelled {label!r}")
