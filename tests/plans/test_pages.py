"""Plan pages: the strategy tree, filters, agency obligations, who may see and do what."""

import io

import pytest
from django.urls import reverse

from hedef.plans.models import Strategy

ECONOMY = "digital-economy-2026-2029"
CONCEPT = "digital-development-concept"


@pytest.fixture
def analyst_client(client, users):
    client.force_login(users["operator_analyst"])
    return client


def test_pages_need_a_signed_in_user(client, loaded_plans):
    response = client.get(reverse("plans:strategy-detail", kwargs={"code": ECONOMY}))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_strategy_page_shows_every_measure_and_indicator(analyst_client, loaded_plans):
    response = analyst_client.get(reverse("plans:strategy-detail", kwargs={"code": ECONOMY}))
    html = response.content.decode()
    version = loaded_plans[ECONOMY].version
    for measure in version.measures.all():
        assert f">{measure.number}</a>" in html
    for indicator in version.indicators.all():
        assert indicator.name in html
    assert "Prioritet istiqamət 8.1.1" in html


def test_concept_tree_keeps_measures_directly_under_a_goal(analyst_client, loaded_plans):
    response = analyst_client.get(reverse("plans:strategy-detail", kwargs={"code": CONCEPT}))
    tree = response.context["tree"]
    goal_two = next(item for item in tree if item.node and item.node.number == "2")
    assert [m.number for m in goal_two.measures] == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    goal_one = next(item for item in tree if item.node and item.node.number == "1")
    assert [child.node.number for child in goal_one.children] == ["1.1", "1.2", "1.3", "1.4"]


def test_measure_page_shows_executors_period_and_staged_targets(analyst_client, loaded_plans):
    url = reverse("plans:measure-detail", kwargs={"code": ECONOMY, "number": "8.1.1.1"})
    html = analyst_client.get(url).content.decode()
    assert "/agencies/in/" in html and "/agencies/xritdx/" in html
    assert "2026–2029" in html
    assert "azı 20 təchizatçının" in html
    assert "≥ 20" in html


def test_ongoing_measure_is_labelled(analyst_client, loaded_plans):
    url = reverse("plans:measure-detail", kwargs={"code": CONCEPT, "number": "1.4.7"})
    assert "mütəmadi" in analyst_client.get(url).content.decode()


def _numbers(response):
    return [m.number for m in response.context["page"].object_list]


# (query string, a measure that must be found, a measure that must not)
FILTERS = [
    ("q=İNFORMASİYA", "1.1.2", "8.1.1.1"),
    ("q=informasiya", "1.1.2", "8.1.1.1"),
    ("q=RƏQƏMSAL+HƏLLƏR", "8.1.1.1", "1.1.2"),
    ("q=AZI+20", "8.1.1.1", "1.1.2"),  # dotless I folds to ı: "AZI" finds "azı"
    ("agency=xritdx&role=lead", "1.1.2", "8.1.1.1"),
    ("agency=xritdx&role=co", "8.1.1.1", "1.1.2"),
    ("agency=xritdx", "1.1.2", "2.1"),
    ("year=2025", "1.1.1", "8.1.1.1"),
    ("year=2026&strategy=digital-economy-2026-2029", "8.1.1.1", "8.1.1.2"),
    ("year=2035", "1.4.7", "1.1.1"),  # only ongoing measures are due in 2035
]


@pytest.mark.parametrize(("query", "found", "absent"), FILTERS)
def test_measure_filters(analyst_client, loaded_plans, query, found, absent):
    response = analyst_client.get(reverse("plans:measure-list") + "?" + query + "&page=1")
    numbers = []
    for page in range(1, response.context["page"].paginator.num_pages + 1):
        url = reverse("plans:measure-list") + f"?{query}&page={page}"
        numbers += _numbers(analyst_client.get(url))
    assert found in numbers
    assert absent not in numbers


def test_dotless_capital_i_matches_dotted_i_only_without_diacritics(analyst_client, loaded_plans):
    """ "IQTISADIYYAT" folds exactly to "ıqtısadıyyat", another word in Azerbaijani, but
    without diacritics to "iqtisadiyyat": typed on a Latin keyboard, it finds the measures
    "İQTİSADİYYAT" finds, ranked as matches without Azerbaijani letters."""
    url = reverse("plans:measure-list")
    exact = analyst_client.get(url + "?q=İQTİSADİYYAT").context["page"].object_list
    typed = analyst_client.get(url + "?q=IQTISADIYYAT").context["page"].object_list
    assert exact and [m.pk for m in typed] == [m.pk for m in exact]
    assert {m.search_tier for m in exact} == {0} and {m.search_tier for m in typed} == {1}


def test_filtering_answers_htmx_with_the_fragment_only(analyst_client, loaded_plans):
    response = analyst_client.get(
        reverse("plans:measure-list") + "?agency=rinn", HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html and "measures" in html


def test_agency_page_lists_obligations_across_strategies(analyst_client, loaded_plans):
    response = analyst_client.get(reverse("plans:agency-detail", kwargs={"code": "rinn"}))
    obligations = response.context["o"]
    strategies = {s.code for s, _lead, _co in obligations.by_strategy}
    assert strategies == {CONCEPT, ECONOMY}
    assert obligations.as_lead + obligations.as_co == len(obligations.measures)
    assert obligations.as_lead > 0 and obligations.as_co > 0


def test_agency_list_counts_each_measure_once(analyst_client, loaded_plans):
    page = analyst_client.get(reverse("plans:agency-list"))
    rows = {r.agency.code: r for r in page.context["rows"]}
    # ETN is both lead and co-executor of Concept 2.4: counted once, as lead
    total_etn = rows["etn"].as_lead + rows["etn"].as_co
    from hedef.agencies.models import Agency
    from hedef.plans.selectors import MeasureFilter, measure_list

    assert total_etn == measure_list(MeasureFilter(agency=Agency.objects.get(code="etn"))).count()


def test_indicator_page_shows_original_beside_revised_target(
    analyst_client, loaded_plans, gold_plans
):
    import dataclasses

    from hedef.plans.services import plan_import

    plan = gold_plans[ECONOMY]
    first_indicator = plan.indicators[0]
    indicator = dataclasses.replace(
        first_indicator, targets={**first_indicator.targets, 2029: 250.0}
    )
    plan_import(plan=dataclasses.replace(plan, indicators=(indicator, *plan.indicators[1:])))
    url = reverse("plans:indicator-detail", kwargs={"code": ECONOMY, "number": "4.1.1"})
    response = analyst_client.get(url)
    revision = {r.year: r for r in response.context["revisions"]}[2029]
    assert (revision.original, revision.current, revision.revised) == (300, 250, True)
    html = response.content.decode()
    assert "v1: 300" in html and "v2: 250" in html


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_export_downloads(analyst_client, loaded_plans, fmt):
    response = analyst_client.get(
        reverse("plans:strategy-export", kwargs={"code": ECONOMY, "fmt": fmt})
    )
    assert response.status_code == 200
    assert f"{ECONOMY}-v1.{fmt}" in response["Content-Disposition"]


# Permission matrix: (role, may load plan files, may open the admin)
ROLES = [
    ("operator_admin", True, True),
    ("operator_analyst", True, False),
    ("focal_rinn", False, False),
    ("focal_in", False, False),
    ("leadership", False, False),
]


@pytest.mark.parametrize(("role", "may_import", "may_admin"), ROLES)
def test_permission_matrix(client, users, loaded_plans, role, may_import, may_admin):
    client.force_login(users[role])
    assert client.get(reverse("plans:strategy-detail", kwargs={"code": ECONOMY})).status_code == 200
    assert client.get(reverse("plans:agency-list")).status_code == 200
    page = client.get(reverse("plans:plan-import"))
    assert page.status_code == (200 if may_import else 403)
    from hedef.domain.plans import interchange
    from hedef.plans.selectors import version_to_plan

    text = interchange.dumps(version_to_plan(loaded_plans[CONCEPT].version)).replace(
        '"version_label": ""', '"version_label": "test edition"'
    )
    upload = io.BytesIO(text.encode())
    upload.name = "concept.json"
    response = client.post(reverse("plans:plan-import"), {"file": upload})
    versions = Strategy.objects.get(code=CONCEPT).versions.count()
    if may_import:
        assert response.status_code == 302 and versions == 2
    else:
        assert response.status_code == 403 and versions == 1
    admin = client.get(reverse("admin:agencies_agency_changelist"))
    assert (admin.status_code == 200) is may_admin


def test_anonymous_upload_is_refused(client, loaded_plans):
    response = client.post(reverse("plans:plan-import"), {})
    assert response.status_code == 302 and reverse("login") in response.url


def test_a_bad_upload_names_the_file_and_field(analyst_client, loaded_plans):
    upload = io.BytesIO(b'{"format": "hedef.plan", "format_version": "1.0", "strategy": {}}')
    upload.name = "broken.json"
    response = analyst_client.post(reverse("plans:plan-import"), {"file": upload})
    assert response.status_code == 200
    message = response.context["form"].errors["file"][0]
    assert "broken.json" in message


def test_language_switch(client, users, loaded_plans):
    client.force_login(users["leadership"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Strategies" in client.get(reverse("plans:home")).content.decode()
    client.post(reverse("set_language"), {"language": "az", "next": "/"})
    assert "Strategiyalar" in client.get(reverse("plans:home")).content.decode()
    client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    assert "Стратегии" in client.get(reverse("plans:home")).content.decode()
