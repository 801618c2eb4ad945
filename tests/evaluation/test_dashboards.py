"""Dashboard and rating pages: who may read them, what they show, how many queries they cost."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers.portfolio import STRATEGY


@pytest.fixture
def pages(portfolio):
    """Every evaluation page, as of the end of the 2026-S2 cycle."""
    query = f"?cycle={portfolio['cycles']['c3'].pk}"
    return [
        reverse("evaluation:strategy-dashboard", kwargs={"code": STRATEGY}) + query,
        reverse("evaluation:agency-dashboard", kwargs={"code": "rinn"}) + query,
        reverse("evaluation:indicator-dashboard", kwargs={"code": STRATEGY, "number": "I.1"})
        + query,
        reverse("evaluation:rating") + query,
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "role", ["operator_admin", "operator_analyst", "focal_rinn", "focal_in", "leadership"]
)
def test_every_role_reads_every_dashboard(client, users, pages, role):
    client.force_login(users[role])
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b'class="vega-chart"' in response.content


@pytest.mark.usefixtures("english")
def test_strategy_dashboard_shows_statuses_charts_and_their_sources(client, users, pages):
    client.force_login(users["leadership"])
    response = client.get(pages[0])
    html = response.content.decode()
    board = response.context["board"]
    assert board.overall.statuses.by_status["behind"] == 3
    assert "Behind schedule" in html or "Cədvəldən geri" in html
    # Every measure row links to the accepted report it was judged on.
    latest = {m.measure.number: m.latest.pk for m in board.measures if m.latest}
    for pk in latest.values():
        assert reverse("monitoring:submission-detail", kwargs={"pk": pk}) in html
    # The chart specifications travel as JSON beside their tables.
    specs = re.findall(r'<script id="(chart-[^"]+)" type="application/json">(.*?)</script>', html)
    assert {name for name, _ in specs} >= {"chart-goals", "chart-timeliness", "chart-indicator-I.1"}
    indicator = json.loads(dict(specs)["chart-indicator-I.1"])
    series = {row["series"] for layer in indicator["layer"] for row in layer["data"]["values"]}
    assert len(series) == 4  # target, actual, forecast, baseline
    assert "2026-S1" in json.dumps(indicator)  # tooltips name reporting periods
    assert html.count('class="badge flag"') == 5  # four measures and indicator I.1


def test_an_unknown_cycle_is_not_found(client, users, portfolio):
    client.force_login(users["leadership"])
    url = reverse("evaluation:strategy-dashboard", kwargs={"code": STRATEGY})
    assert client.get(url + "?cycle=999999").status_code == 404
    assert client.get(url + "?cycle=x").status_code == 404


def test_rating_shows_rank_intervals_never_a_bare_rank(client, users, pages):
    client.force_login(users["operator_analyst"])
    response = client.get(pages[3])
    rating = response.context["rating"]
    assert [rated.agency.code for rated in rating.agencies] != []
    html = response.content.decode()
    for rated in rating.agencies:
        row = rated.row
        assert row.rank_p5 is not None and row.rank_p95 is not None
        assert row.rank_p5 <= row.rank_median <= row.rank_p95
        assert f"{row.rank_p5:.0f}–{row.rank_p95:.0f}" in html
    spec = json.loads(re.search(r'id="chart-rating"[^>]*>(.*?)</script>', html).group(1))
    assert {"p5", "p95", "rank"} <= set(spec["data"]["values"][0])


def test_dashboards_read_in_a_fixed_number_of_queries(
    client, users, pages, portfolio, django_assert_max_num_queries
):
    client.force_login(users["leadership"])
    for url in pages[:3]:
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as before:
        client.get(pages[0])
    _more_measures(portfolio, count=12)
    with CaptureQueriesContext(connection) as after:
        response = client.get(pages[0])
    assert len(response.context["board"].measures) == 20
    assert len(after.captured_queries) == len(before.captured_queries)


def _more_measures(portfolio, *, count):
    """Add measures, each with an executor, a target and an accepted report per cycle."""
    from hedef.agencies.models import Agency
    from hedef.monitoring.models import Submission, TargetValue
    from hedef.plans.models import Measure, MeasureExecutor, MeasureTarget

    agency = Agency.objects.get(code="etn")
    node = portfolio["version"].nodes.get(number="2.1")
    for index in range(count):
        measure = Measure.objects.create(
            version=portfolio["version"],
            node=node,
            number=f"2.1.{10 + index}",
            title="Extra",
            period_start=2025,
            period_end=2027,
            period_text="2025–2027",
            position=100 + index,
        )
        MeasureExecutor.objects.create(measure=measure, role="lead", value="ETN", agency=agency)
        target = MeasureTarget.objects.create(
            measure=measure, stage="final", comparator="at_least", value=5
        )
        for cycle in portfolio["cycles"].values():
            report = Submission.objects.create(
                cycle=cycle, measure=measure, agency=agency, state="published", stage="initial"
            )
            TargetValue.objects.create(submission=report, target=target, value=3)


def test_dashboards_read_in_russian_beside_an_overdue_count(client, users, pages, portfolio):
    """The navigation's overdue count feeds a Russian plural, which takes it modulo 10."""
    import datetime

    from hedef.agencies.models import Agency
    from hedef.monitoring.models import ReportingCycle, Submission

    late = ReportingCycle.objects.create(
        label="2026, I rüb",
        kind="quarterly",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        due_date=datetime.date(2026, 4, 15),
    )
    Submission.objects.create(
        cycle=late,
        measure=portfolio["version"].measures.get(number="1.1.2"),
        agency=Agency.objects.get(code="rinn"),
    )
    client.force_login(users["focal_rinn"])
    client.cookies["django_language"] = "ru"
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'lang="ru"' in response.content.decode()
