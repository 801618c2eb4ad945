"""Drawing Vega-Lite specifications offline with vl-convert: SVG for pages and PDF, PNG for Word.

No remote data, fonts or images are fetched (``allowed_base_urls=[]``); numbers
use the d3 locale of the report's language. Drawings are cached by the
canonical JSON of their specification, because a report draws the same chart
for several formats, and several charts are drawn side by side on threads
(vl-convert releases the GIL while it draws).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

import vl_convert

__all__ = [
    "VEGA_LITE_VERSION",
    "ChartRenderError",
    "format_locale",
    "render_png",
    "render_pngs",
    "render_svg",
    "render_svgs",
]

# The newest Vega-Lite 5 that vl-convert bundles; the web pages load 5.x too.
VEGA_LITE_VERSION = "5.21"


class ChartRenderError(ValueError):
    """vl-convert refused a specification; ``code`` is stable, the message is vl-convert's."""

    code = "chart_render_failed"


def format_locale(language: str) -> dict[str, Any]:
    """The d3-format locale of ``language`` (decimal and thousands marks, currency)."""
    if language in ("az", "ru"):
        return {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", " ₼"]}
    return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["₼", ""]}


def render_svg(spec: Mapping[str, Any], *, language: str = "en") -> str:
    """Draw ``spec`` as an SVG document, offline.

    Raises:
        ChartRenderError: vl-convert cannot compile or draw the specification.
    """
    return _svg(_canonical(spec), language)


def render_png(spec: Mapping[str, Any], *, scale: float = 2.0, language: str = "en") -> bytes:
    """Draw ``spec`` as a PNG image, ``scale`` times its CSS-pixel size, offline.

    Raises:
        ChartRenderError: vl-convert cannot compile or draw the specification.
    """
    return _png(_canonical(spec), scale, language)


def render_svgs(specs: Sequence[Mapping[str, Any]], *, language: str = "en") -> list[str]:
    """:func:`render_svg` for several specifications, drawn side by side on worker threads."""
    keys = [_canonical(spec) for spec in specs]
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        return list(pool.map(lambda key: _svg(key, language), keys))


def render_pngs(
    specs: Sequence[Mapping[str, Any]], *, scale: float = 2.0, language: str = "en"
) -> list[bytes]:
    """:func:`render_png` for several specifications, drawn side by side on worker threads."""
    keys = [_canonical(spec) for spec in specs]
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        return list(pool.map(lambda key: _png(key, scale, language), keys))


# vl-convert releases the GIL while it draws; a few threads overlap the drawing
# of a report's dozen charts without loading the machine.
_WORKERS = 4


# Reports draw the same chart for the PDF and the DOCX, and tests draw the same
# report twice; the cache keys are the canonical JSON of the specification.
@lru_cache(maxsize=128)
def _svg(spec_json: str, language: str) -> str:
    try:
        return vl_convert.vegalite_to_svg(
            spec_json,
            vl_version=VEGA_LITE_VERSION,
            allowed_base_urls=[],
            format_locale=format_locale(language),
        )
    except ValueError as error:
        raise ChartRenderError(str(error)) from error


# PNGs are ten times the size of SVGs: keep about two reports' worth.
@lru_cache(maxsize=48)
def _png(spec_json: str, scale: float, language: str) -> bytes:
    try:
        return vl_convert.vegalite_to_png(
            spec_json,
            vl_version=VEGA_LITE_VERSION,
            scale=scale,
            allowed_base_urls=[],
            format_locale=format_locale(language),
        )
    except ValueError as error:
        raise ChartRenderError(str(error)) from error


def _canonical(spec: Mapping[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, allow_nan=False)
