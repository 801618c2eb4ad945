"""The read-only plan API: listing, filtering, pagination, schema."""

import pytest

API = "/api/v1"


def test_openapi_schema_at_a_stable_url(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    assert schema["info"]["title"] == "Hədəf API"
    for path in ["/strategies", "/measures", "/agencies", "/indicators"]:
        assert f"{API}{path}" in schema["paths"]


def test_strategies_are_listed_with_counts(client, loaded_plans):
    body = client.get(f"{API}/strategies").json()
    by_code = {s["code"]: s for s in body["items"]}
    assert by_code["digital-economy-2026-2029"]["measure_count"] == 50
    assert by_code["digital-economy-2026-2029"]["indicator_count"] == 7
    assert by_code["digital-development-concept"]["act_date"] == "2025-01-16"
    assert body["count"] == 2


def test_measures_paginate(client, loaded_plans):
    first = client.get(f"{API}/measures?limit=30&offset=0").json()
    second = client.get(f"{API}/measures?limit=30&offset=30").json()
    third = client.get(f"{API}/measures?limit=30&offset=60").json()
    seen = {(m["strategy"], m["number"]) for p in (first, second, third) for m in p["items"]}
    assert first["count"] == 71
    assert len(seen) == 71  # no measure twice, none missing


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("agency=xritdx&role=lead", {"1.1.2"}),
        ("q=İNFORMASİYA&strategy=digital-development-concept", None),
    ],
)
def test_measures_filter_like_the_pages(client, loaded_plans, query, expected):
    body = client.get(f"{API}/measures?{query}&limit=500").json()
    numbers = {m["number"] for m in body["items"]}
    if expected is not None:
        assert expected <= numbers
        assert all(any(e["agency"] == "xritdx" for e in m["lead"]) for m in body["items"])
    else:
        assert numbers
        assert all(m["strategy"] == "digital-development-concept" for m in body["items"])


def test_measure_detail_carries_targets_and_period(client, loaded_plans):
    body = client.get(f"{API}/strategies/digital-economy-2026-2029/measures/8.1.1.1").json()
    assert body["period"] == {"start": 2026, "end": 2029, "text": "2026–2029", "ongoing": False}
    assert {"stage": "interim", "comparator": "at_least", "value": 20.0}.items() <= body["targets"][
        0
    ].items()
    assert [e["value"] for e in body["lead"]] == ["İN"]


def test_unknown_agency_filter_is_a_404(client, loaded_plans):
    response = client.get(f"{API}/measures?agency=nope")
    assert response.status_code == 404


def test_indicators_carry_yearly_targets(client, loaded_plans):
    body = client.get(f"{API}/indicators?strategy=digital-economy-2026-2029").json()
    first = body["items"][0]
    assert first["number"] == "4.1.1"
    assert [t["value"] for t in first["targets"]] == [50, 100, 180, 300]
