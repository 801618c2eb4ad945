"""Chart specifications are valid Vega-Lite 5, carry their data inline and draw offline."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from hedef.domain import charts
from hedef.domain.core import i18n
from hedef.domain.evaluation.statuses import status_colour

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def indicator() -> dict[str, Any]:
    return charts.indicator_chart(
        title="4.1.1 Rəqəmsal transformasiya proqramlarında iştirak edən müəssisələrin sayı",
        unit="ədəd",
        targets={2026: 50, 2027: 100, 2028: 180, 2029: 300},
        actuals={2025: 20.0, 2026: 45.0, 2026.5: 61.0},
        forecast=((2026.5, 61.0), (2027, 78.0), (2029, 150.0)),
        baseline=12,
        baseline_year=2024,
        subtitle="ədəd",
        description="Targets, actual values and the forecast of indicator 4.1.1",
    )


def status() -> dict[str, Any]:
    return charts.status_chart(
        title="Status by goal",
        axis_title="Measures",
        groups=(
            charts.GroupCounts("8.1 Rəqəmsal transformasiya", {"completed": 3, "behind": 2}),
            charts.GroupCounts("8.2 Əmək bazarı", {"on_schedule": 7, "overdue": 1}),
        ),
    )


def timeliness() -> dict[str, Any]:
    return charts.timeliness_chart(
        title="Timeliness",
        bars=(
            charts.TimelinessBar("ƏƏSMN", 1.0, None, 4),
            charts.TimelinessBar("İN", 0.75, 3.0, 8),
        ),
    )


def readiness() -> dict[str, Any]:
    return charts.readiness_chart(
        title="Readiness",
        points=(
            charts.RatingPoint("İN", 0.81, 1, 1, 1, 2),
            charts.RatingPoint("ƏƏSMN", 0.42, 2, 1, 2, 3),
            charts.RatingPoint("RİNN", 0.10, 3, 2, 3, 3),
        ),
    )


BUILDERS = {
    "indicator": indicator,
    "status": status,
    "timeliness": timeliness,
    "readiness": readiness,
}


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


@pytest.mark.parametrize("name", BUILDERS)
def test_spec_is_vega_lite_5_with_inline_data_and_encodings(name):
    spec = BUILDERS[name]()
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    assert spec["description"] and spec["title"]["text"]
    for layer in layers(spec):
        data = layer.get("data", spec.get("data"))
        assert isinstance(data["values"], list) and data["values"], f"{name}: no inline data"
        assert layer["mark"]["type"]
        for channel, definition in layer["encoding"].items():
            if channel in ("tooltip", "detail", "x2"):
                continue
            assert "field" in definition, f"{name}: {channel} names no field"
            fields = set().union(*(row.keys() for row in data["values"]))
            assert definition["field"] in fields, f"{name}: {channel} field missing from data"


@pytest.mark.parametrize("name", BUILDERS)
def test_spec_is_plain_json_without_remote_resources(name):
    text = json.dumps(BUILDERS[name](), ensure_ascii=False, allow_nan=False)
    urls = set(re.findall(r"https?://[^\"]+", text))
    assert urls == {charts.VEGA_LITE_SCHEMA}


@pytest.mark.parametrize("name", BUILDERS)
def test_spec_draws_as_svg_and_png(name):
    spec = BUILDERS[name]()
    svg = charts.render_svg(spec, language="az")
    assert svg.startswith("<svg") and "</svg>" in svg
    assert not re.search(r"(?:href|src)=\"https?://", svg)
    png = charts.render_png(spec, scale=1.0)
    assert png.startswith(PNG_MAGIC) and len(png) > 2_000


def test_svg_keeps_azerbaijani_letters_of_the_data():
    svg = charts.render_svg(indicator(), language="az")
    assert "Rəqəmsal" in svg and "müəssisələrin" in svg


def test_png_scale_multiplies_the_pixel_size():
    spec = status()
    small, large = charts.render_png(spec, scale=1.0), charts.render_png(spec, scale=2.0)
    width = int.from_bytes(small[16:20], "big")
    assert int.from_bytes(large[16:20], "big") == pytest.approx(2 * width, abs=2)
    assert width == pytest.approx(charts.CHART_WIDTH, abs=2)


def test_broken_spec_is_refused_with_a_code():
    with pytest.raises(charts.ChartRenderError) as refused:
        charts.render_svg({"$schema": charts.VEGA_LITE_SCHEMA, "mark": "no-such-mark"})
    assert refused.value.code == "chart_render_failed"


def test_indicator_series_have_their_own_marks_and_dashes():
    spec = indicator()
    by_series = {layer["data"]["values"][0]["series"]: layer for layer in spec["layer"]}
    assert by_series["Target"]["mark"]["type"] == "point"
    assert by_series["Actual"]["mark"]["type"] == "line"
    assert by_series["Baseline"]["mark"]["type"] == "rule"
    dash = by_series["Forecast"]["encoding"]["strokeDash"]["scale"]
    assert dict(zip(dash["domain"], dash["range"], strict=True))["Forecast"] == [6, 4]
    actual_years = [row["year"] for row in by_series["Actual"]["data"]["values"]]
    assert actual_years == [2025, 2026, 2026.5]  # fractional years stay fractional


def test_indicator_axis_covers_every_year_shown():
    spec = indicator()
    axis = spec["layer"][1]["encoding"]["x"]["axis"]
    assert axis["values"] == [2024, 2025, 2026, 2027, 2028, 2029]


def test_indicator_without_any_value_still_builds_and_draws():
    spec = charts.indicator_chart(title="Empty", unit="%", targets={}, actuals={})
    assert charts.render_svg(spec).startswith("<svg")


def test_status_chart_colours_follow_the_status_palette_in_status_order():
    scale = status()["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Completed", "On schedule", "Behind schedule", "Overdue"]
    assert scale["range"] == [status_colour(key) for key in ("completed", "on_schedule")] + [
        status_colour("behind"),
        status_colour("overdue"),
    ]


def test_status_chart_leaves_out_empty_segments():
    rows = status()["data"]["values"]
    assert {(row["group"][:3], row["status"]) for row in rows} == {
        ("8.1", "Completed"),
        ("8.1", "Behind schedule"),
        ("8.2", "On schedule"),
        ("8.2", "Overdue"),
    }


def test_readiness_chart_never_shows_a_bare_rank():
    spec = readiness()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rule", "tick", "point"]
    interval = spec["layer"][0]["encoding"]
    assert (interval["x"]["field"], interval["x2"]["field"]) == ("p5", "p95")
    assert [row["agency"] for row in spec["data"]["values"]] == ["İN", "ƏƏSMN", "RİNN"]


def test_timeliness_chart_sorts_best_first():
    assert [row["agency"] for row in timeliness()["data"]["values"]] == ["ƏƏSMN", "İN"]


@pytest.mark.parametrize(
    ("language", "decimal", "thousands"),
    [("az", ",", "\u00a0"), ("ru", ",", "\u00a0"), ("en", ".", ",")],
)
def test_format_locale_uses_the_language_marks(language, decimal, thousands):
    locale = charts.format_locale(language)
    assert (locale["decimal"], locale["thousands"]) == (decimal, thousands)


def test_labels_are_translated_when_the_chart_is_built(monkeypatch):
    monkeypatch.setattr(i18n, "_translate", lambda message: f"«{message}»")
    spec = indicator()
    names = {layer["data"]["values"][0]["series"] for layer in spec["layer"]}
    assert names == {"«Target»", "«Actual»", "«Forecast»", "«Baseline»"}


def test_long_titles_wrap_into_lines():
    title = indicator()["title"]["text"]
    assert isinstance(title, list) and all(len(line) <= 72 for line in title)
