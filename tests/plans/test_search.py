"""Workspace search: measures, indicators and agencies typed with or without Azerbaijani
letters, exact matches first, grouped by kind and strategy, highlighted."""

import pytest
from django.urls import reverse

from hedef.agencies.models import Agency
from hedef.domain.core.search import Tier, search_columns
from hedef.plans import selectors
from hedef.plans.models import Measure
from hedef.plans.selectors import MeasureFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client(client, users):
    client.force_login(users["operator_analyst"])
    return client


def _hits(results, kind):
    groups = next((k.groups for k in results if k.kind == kind), [])
    return [hit for group in groups for hit in group.hits]


def _numbers(results, kind):
    return {hit.number for hit in _hits(results, kind)}


# (query, tier of every hit, kinds that must find something, a number found)
QUERIES = [
    ("rəqəmsal", Tier.EXACT, {"measure", "indicator", "agency"}, "RİNN"),
    ("REQEMSAL", Tier.FOLDED, {"measure", "indicator", "agency"}, "RİNN"),
    ("reqemsal", Tier.FOLDED, {"measure", "indicator", "agency"}, "RİNN"),
    ("RINN", Tier.FOLDED, {"agency"}, "RİNN"),
    ("RİNN", Tier.EXACT, {"agency"}, "RİNN"),
    ("INNOVASIYA", Tier.FOLDED, {"measure", "agency"}, "VXSİDA"),
    ("İNNOVASİYA", Tier.EXACT, {"measure", "agency"}, "VXSİDA"),
]


@pytest.mark.parametrize(("query", "tier", "kinds", "agency"), QUERIES)
def test_search_finds_with_or_without_azerbaijani_letters(loaded_plans, query, tier, kinds, agency):
    results = selectors.search(query)
    assert {k.kind for k in results} >= kinds
    assert agency in _numbers(results, "agency")
    assert {hit.tier for k in results for g in k.groups for hit in g.hits} == {tier}


def test_typed_without_letters_finds_what_the_exact_spelling_finds(loaded_plans):
    for exact, typed in [("rəqəmsal", "REQEMSAL"), ("İNNOVASİYA", "INNOVASIYA")]:
        for kind in ("measure", "indicator", "agency"):
            assert _numbers(selectors.search(typed), kind) == _numbers(
                selectors.search(exact), kind
            )


def test_the_measure_list_finds_typed_without_letters_too(loaded_plans):
    exact = selectors.measure_list(MeasureFilter(query="rəqəmsal")).count()
    assert exact > 0
    for query in ["REQEMSAL", "reqemsal", "Rəqəmsal"]:
        assert selectors.measure_list(MeasureFilter(query=query)).count() == exact


def test_exact_matches_rank_first(loaded_plans):
    """A measure whose text is written without Azerbaijani letters matches "rəqəmsal" only
    through the diacritic-free fold, so it comes after every exact match."""
    first = Measure.objects.filter(search_text__contains="rəqəmsal").order_by("pk").first()
    plain = Measure.objects.exclude(search_fold__contains="reqemsal").order_by("-pk").first()
    plain.title = "Reqemsal kitabxana"
    plain.search_text, plain.search_fold = search_columns([plain.number, plain.title])
    plain.save()
    listed = list(selectors.measure_list(MeasureFilter(query="rəqəmsal")))
    assert listed[-1] == plain and first in listed[:-1]
    hits = _hits(selectors.search("rəqəmsal"), "measure")
    assert hits[-1].number == plain.number and hits[-1].tier == Tier.FOLDED
    assert {hit.tier for hit in hits[:-1]} == {Tier.EXACT}
    Agency.objects.create(code="olcu-a", name="Olcu xidməti")
    Agency.objects.create(code="olcu-b", name="Ölçü xidməti")
    agencies = _hits(selectors.search("ölçü"), "agency")
    assert [a.tier for a in agencies] == [Tier.EXACT, Tier.FOLDED]
    assert "Ölçü" in agencies[0].title[0].text + agencies[0].title[1].text


def test_results_are_grouped_by_strategy_and_highlighted(loaded_plans):
    measures = next(k for k in selectors.search("reqemsal") if k.kind == "measure")
    assert len(measures.groups) == 2 and set(g.key for g in measures.groups) == set(loaded_plans)
    assert measures.total == sum(len(g.hits) for g in measures.groups)
    for hit in (hit for g in measures.groups for hit in g.hits):
        shown = [s.text for s in [*hit.title, *hit.context] if s.marked]
        assert shown and all(text.lower().replace("ə", "e") == "reqemsal" for text in shown), shown


def test_an_agency_is_found_by_acronym_and_by_name(loaded_plans):
    assert "RİNN" in _numbers(selectors.search("rinn"), "agency")
    assert "RİNN" in _numbers(selectors.search("neqliyyat nazirliyi"), "agency")


def test_an_empty_query_finds_nothing(loaded_plans):
    assert selectors.search("   ") == []


def test_the_search_page_shows_groups_marks_and_why(analyst_client, loaded_plans):
    html = analyst_client.get(reverse("plans:search"), {"q": "reqemsal"}).content.decode()
    assert 'id="search-measure"' in html and 'id="search-agency"' in html
    assert "<mark>Rəqəmsal</mark>" in html
    assert "Azərbaycan hərfləri olmadan tapıldı" in html  # the diacritic-free match, in az


def test_the_search_page_escapes_what_it_shows(analyst_client, loaded_plans):
    Agency.objects.create(code="xss", name="<script>Rəqəmsal</script> idarə")
    html = analyst_client.get(reverse("plans:search"), {"q": "rəqəmsal"}).content.decode()
    assert "<script>" not in html and "&lt;script&gt;<mark>Rəqəmsal</mark>" in html


def test_the_search_page_needs_a_signed_in_user(client, loaded_plans):
    response = client.get(reverse("plans:search"), {"q": "reqemsal"})
    assert response.status_code == 302


def test_the_data_migrations_fill_both_folds_of_existing_rows(loaded_plans):
    """Rows stored before the diacritic-free fold existed get it from the migrations."""
    import importlib

    from django.apps import apps

    from hedef.plans.models import Indicator

    for model in (Measure, Indicator, Agency):
        model.objects.update(search_text="", search_fold="")
    for app in ("plans", "agencies"):
        importlib.import_module(f"hedef.{app}.migrations.0002_search_folds").fill_search_folds(
            apps, None
        )
    assert selectors.measure_list(MeasureFilter(query="REQEMSAL")).count() > 0
    assert {k.kind for k in selectors.search("reqemsal")} == {"measure", "indicator", "agency"}
