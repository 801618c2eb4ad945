"""The templates carry no inline script or style, which the Content-Security-Policy blocks.

Scripts and styles are static files; data for scripts goes in
``<script type="application/json">`` (which is not run), behaviour in ``static/hedef``.
"""

import re
from pathlib import Path

import pytest

from hedef.domain.evaluation.statuses import _COLOURS

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "hedef"
TEMPLATES = sorted(PACKAGE.rglob("templates/**/*.html"))
# What a browser under "script-src 'self'; style-src 'self'" refuses.
INLINE = {
    "a script element without src": re.compile(
        r"<script(?![^>]*\b(src|type=\"application/json\"))[^>]*>"
    ),
    "a style element": re.compile(r"<style[\s>]"),
    "a style attribute": re.compile(r"\sstyle=\""),
    "an event-handler attribute": re.compile(r"\son[a-z]+=\""),
    "a javascript: address": re.compile(r"javascript:"),
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_template_has_inline_script_or_style(template):
    text = template.read_text("utf-8")
    found = [what for what, pattern in INLINE.items() if pattern.search(text)]
    assert not found, f"{template.relative_to(PACKAGE)}: {', '.join(found)}"


def test_every_status_colour_has_its_class_in_the_style_sheet():
    css = (PACKAGE / "static" / "hedef" / "hedef.css").read_text("utf-8")
    for key, colour in _COLOURS.items():
        rule = f".status.is-{key.replace('_', '-')} {{ --status: {colour}; }}"
        assert rule in css, rule
