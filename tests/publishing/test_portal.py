"""The public portal: anonymous, read-only, showing only the published snapshot."""

import csv
import io
import json
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from hedef.plans.models import Measure
from hedef.publishing.models import Snapshot
from hedef.publishing.services import snapshot_publish
from hedef.publishing.snapshots import snapshot_data
from tests.gold_plans import ECONOMY
from tests.helpers.publishing import CYCLE


def test_nothing_published_says_so(client, db):
    response = client.get(reverse("publishing:home"))
    assert response.status_code == 200
    assert response.context["snapshot"] is None


PAGES = [
    ("publishing:home", {}),
    ("publishing:strategy", {"code": ECONOMY}),
    ("publishing:goal", {"code": ECONOMY, "number": "8.1"}),
    ("publishing:measure", {"code": ECONOMY, "number": "8.1.1.1"}),
    ("publishing:indicator", {"code": ECONOMY, "number": "4.1.1"}),
    ("publishing:agencies", {}),
    ("publishing:agency", {"code": "rinn"}),
    ("publishing:open-data", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_portal_page_is_public(client, published, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert b"<script" not in response.content  # readable without JavaScript


def test_the_portal_shows_the_snapshot_not_live_edits(client, published):
    Measure.objects.filter(number="8.1.1.1").update(title="Unpublished edit")
    html = client.get(
        reverse("publishing:measure", kwargs={"code": ECONOMY, "number": "8.1.1.1"})
    ).content.decode()
    assert "Unpublished edit" not in html
    assert "Tədqiqat başa çatdı." in html


def test_publishing_switches_the_portal_to_the_new_snapshot(client, published):
    client.get(reverse("publishing:goal", kwargs={"code": ECONOMY, "number": "8.1"}))  # cached
    data = snapshot_data(
        cycle={**CYCLE, "key": "2026-annual", "label": "2026, illik"},
        measure_states={(ECONOMY, "8.1.1.1"): {"status": "completed", "stage": "final"}},
    )
    snapshot_publish(key="2026-annual", label="2026, illik", data=data, audit_head="", user=None)
    assert Snapshot.objects.filter(is_current=True).get().key == "2026-annual"
    goal = client.get(reverse("publishing:goal", kwargs={"code": ECONOMY, "number": "8.1"}))
    assert 'class="status is-completed"' in goal.content.decode()
    page = client.get(reverse("publishing:measure", kwargs={"code": ECONOMY, "number": "8.1.1.1"}))
    history = page.context["history"]
    assert [h["status"] for h in history] == ["on_schedule", "completed"]
    assert page.context["state"].updates_this_year >= 1


def test_indicator_page_draws_the_chart_server_side(client, published):
    html = client.get(
        reverse("publishing:indicator", kwargs={"code": ECONOMY, "number": "4.1.1"})
    ).content.decode()
    assert "<svg" in html
    assert "2026-S1" in html and "42 %" in html


@pytest.mark.parametrize(
    ("query", "found"),
    [("İNFORMASİYA", "1.1.2"), ("informasiya", "1.1.2"), ("RƏQƏMSAL HƏLLƏR", "8.1.1.1")],
)
def test_search_handles_azerbaijani_letters(client, published, query, found):
    results = client.get(reverse("publishing:search"), {"q": query}).context["results"]
    numbers = {hit.number for kind in results for group in kind.groups for hit in group.hits}
    assert found in numbers


def test_open_data_files_under_stable_urls(client, published):
    for key in ("2026-s1", "latest"):
        url = reverse("publishing:open-data-file", kwargs={"key": key, "name": "measures.csv"})
        response = client.get(url)
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert len(rows) == 71
        assert next(r for r in rows if r["number"] == "8.1.1.1")["status"] == "on_schedule"
    descriptor = reverse(
        "publishing:open-data-file", kwargs={"key": "2026-s1", "name": "datapackage.json"}
    )
    package = client.get(descriptor).json()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        # Paths are relative to the descriptor, as the Data Package specification wants.
        assert client.get(urljoin(descriptor, resource["path"])).status_code == 200
    sdmx = client.get(
        reverse(
            "publishing:open-data-file",
            kwargs={"key": "2026-s1", "name": "indicator_values.sdmx.csv"},
        )
    ).content.decode()
    assert "ACTUAL,2026-S1,21" in sdmx


def test_the_api_serves_the_same_published_data(client, published):
    body = client.get("/api/v1/published/latest").json()
    assert body == json.loads(json.dumps(published.data))
    listing = client.get("/api/v1/published").json()
    assert listing[0]["key"] == "2026-s1" and listing[0]["current"]
    strategy = client.get(f"/api/v1/published/2026-s1/strategies/{ECONOMY}").json()
    assert len(strategy["measures"]) == 50


def test_unknown_pages_are_404(client, published):
    assert client.get(reverse("publishing:strategy", kwargs={"code": "nope"})).status_code == 404
    missing = reverse("publishing:open-data-file", kwargs={"key": "2026-s1", "name": "x.exe"})
    assert client.get(missing).status_code == 404


def test_portal_pages_are_cacheable_and_switch_language_with_a_link(client, published):
    response = client.get(reverse("publishing:strategy", kwargs={"code": ECONOMY}))
    assert "public" in response["Cache-Control"] and "max-age=5" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers
    switch = client.get(
        reverse("publishing:language", kwargs={"code": "en"}), {"next": "/agencies/"}
    )
    assert switch.status_code == 302 and switch.url == "/agencies/"
    assert "Agencies" in client.get("/agencies/").content.decode()
    evil = client.get(
        reverse("publishing:language", kwargs={"code": "ru"}), {"next": "https://evil.example/"}
    )
    assert evil.url == reverse("publishing:home")


def test_search_typed_without_letters_groups_highlights_and_shows_the_status(client, published):
    response = client.get(reverse("publishing:search"), {"q": "REQEMSAL HELLER"})
    results = response.context["results"]
    measures = next(k for k in results if k.kind == "measure")
    hit = next(h for g in measures.groups for h in g.hits if h.number == "8.1.1.1")
    assert hit.status == "on_schedule" and hit.tier == 1
    assert {s.text.lower() for s in hit.title if s.marked} == {"rəqəmsal", "həllər"}
    html = response.content.decode()
    assert "<mark>həllər</mark>" in html
    assert 'class="status is-on-schedule"' in html


def test_search_shows_only_published_data(client, published):
    """Live edits after the publication are not on the portal until the next one."""
    from hedef.domain.core.search import search_columns
    from hedef.plans.models import Measure

    measure = Measure.objects.filter(version__strategy__code=ECONOMY).first()
    measure.title = "Gizli kitabxana layihəsi"
    measure.search_text, measure.search_fold = search_columns([measure.title])
    measure.save()
    assert client.get(reverse("publishing:search"), {"q": "kitabxana"}).context["results"] == []


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("az", "Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi"),
        ("en", "Ministry of Digital Development and Transport of the Republic of Azerbaijan"),
        ("ru", "Министерство цифрового развития и транспорта Азербайджанской Республики"),
    ],
)
def test_agencies_are_named_in_the_readers_language(client, published, language, name):
    """The snapshot keeps every registry name; the page words it at display time."""
    for url in ("/agencies/", "/agencies/rinn/"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert name in page, (url, language)
