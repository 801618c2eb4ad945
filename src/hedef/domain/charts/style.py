"""The house style of every chart: the colours and type of ``hedef.css``, titles, sizes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["CHART_WIDTH", "FONT", "INK", "MUTED", "VEGA_LITE_SCHEMA", "chart_spec"]

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
# Total width in CSS pixels, legends and axes included: the text width of an A4
# page with 18 mm margins is about 660 px at 96 px per inch.
CHART_WIDTH = 640
FONT = "Noto Sans, DejaVu Sans, sans-serif"
INK, MUTED, LINE = "#1b2430", "#4f5b6b", "#d5dbe3"  # hedef.css --ink, --muted, --line
_TITLE_WRAP = 72  # characters per title line before it wraps


def chart_spec(
    *, title: str, subtitle: str, description: str, body: Mapping[str, Any]
) -> dict[str, Any]:
    """A complete specification: schema, title, description, width and theme around ``body``.

    ``body`` holds the data, marks and encodings; it may override the padding.
    """
    heading: dict[str, Any] = {"text": _wrap(title)}
    if subtitle:
        heading["subtitle"] = _wrap(subtitle, width=_TITLE_WRAP + 20)
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": description or title,
        "title": heading,
        "width": CHART_WIDTH,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "background": "white",
        "padding": 8,
        "config": _config(),
        **body,  # may override the padding
    }


def _config() -> dict[str, Any]:
    axis = {
        "labelColor": MUTED,
        "titleColor": INK,
        "gridColor": "#e6eaef",
        "domainColor": LINE,
        "tickColor": LINE,
        "labelFontSize": 11,
        "titleFontSize": 11,
        "titleFontWeight": 600,
    }
    return {
        "font": FONT,
        "view": {"stroke": None},
        "axis": axis,
        "legend": {"labelColor": INK, "labelFontSize": 11, "symbolSize": 90},
        "title": {
            "anchor": "start",
            "color": INK,
            "fontSize": 13,
            "fontWeight": 700,
            "subtitleColor": MUTED,
            "subtitleFontSize": 11,
            "offset": 10,
        },
    }


def _wrap(text: str, *, width: int = _TITLE_WRAP) -> str | list[str]:
    """Break a long title into lines at spaces; Vega titles do not wrap by themselves."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines[0] if len(lines) == 1 else lines
