"""Opening a cycle: which reports it asks for, from whom, and who may open one."""

import datetime

import pytest

from hedef.core.errors import ActionNotAllowed
from hedef.core.models import AuditEntry
from hedef.domain.monitoring.submissions import InvalidCycle
from hedef.monitoring.actions import CycleOpen
from hedef.monitoring.models import IndicatorReporter, Submission
from hedef.plans.models import Strategy
from tests.gold_plans import CONCEPT, ECONOMY
from tests.helpers.monitoring import actor


def numbers(cycle, strategy):
    return set(
        Submission.objects.filter(
            cycle=cycle, measure__version__strategy__code=strategy
        ).values_list("measure__number", flat=True)
    )


def test_due_measures_follow_their_periods(cycle):
    economy, concept = numbers(cycle, ECONOMY), numbers(cycle, CONCEPT)
    assert "8.1.1.1" in economy  # 2026–2029
    assert "8.1.1.2" not in economy  # 2027–2029: not due in 2026
    assert "1.3.1" in concept  # ongoing ("mütəmadi"): always due
    assert "1.1.1" in concept  # 2025–2026
    assert "1.1.4" not in concept  # 2025 only
    assert len(economy) == 43


def test_the_first_registered_lead_executor_reports(cycle):
    by_number = {
        s.measure.number: s.agency.code
        for s in Submission.objects.filter(cycle=cycle).select_related("measure", "agency")
        if s.measure
    }
    assert by_number["8.1.1.1"] == "in"
    assert by_number["1.4.1"] == "rinn"  # "aidiyyəti qurumlar, RİNN": RİNN is the first body
    assert by_number["2.4"] == "rinn"  # "RİNN, ETN": ETN contributes
    assert "1.4.7" not in by_number  # only "aidiyyəti qurumlar": nobody to ask


def test_measures_nobody_reports_on_are_listed_for_the_operator(client, cycle, users):
    client.force_login(users["operator_analyst"])
    page = client.get(cycle.get_absolute_url())
    assert "1.4.7" in {m.number for m in page.context["unassigned"]}


def test_indicator_reports_go_to_their_reporters(loaded_plans, users):
    economy = Strategy.objects.get(code=ECONOMY)
    IndicatorReporter.objects.create(
        strategy=economy, indicator_number="4.1.1", agency=users["focal_in"].agency
    )
    cycle = CycleOpen(
        actor=actor(users["operator_admin"]),
        label="2026",
        kind="annual",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        due_date=datetime.date(2027, 2, 1),
        strategies=[economy],
    ).execute()
    indicators = Submission.objects.filter(cycle=cycle, indicator__isnull=False)
    assert [(s.indicator.number, s.agency.code) for s in indicators] == [("4.1.1", "in")]


def test_opening_is_recorded_in_the_audit_log(cycle):
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("submission.create") == cycle.submissions.count()
    assert actions[-1] == "cycle.open"


@pytest.mark.parametrize(
    ("start", "end", "due", "code"),
    [
        ((2026, 6, 30), (2026, 1, 1), (2026, 7, 15), "period_reversed"),
        ((2026, 1, 1), (2026, 6, 30), (2026, 6, 1), "due_before_end"),
    ],
)
def test_impossible_dates_are_refused(loaded_plans, users, start, end, due, code):
    with pytest.raises(InvalidCycle) as caught:
        CycleOpen(
            actor=actor(users["operator_admin"]),
            label="x",
            kind="annual",
            period_start=datetime.date(*start),
            period_end=datetime.date(*end),
            due_date=datetime.date(*due),
            strategies=list(Strategy.objects.all()),
        ).execute()
    assert caught.value.code == code
    assert not Submission.objects.exists()


def test_the_open_form_names_the_bad_date(client, loaded_plans, users):
    client.force_login(users["operator_analyst"])
    response = client.post(
        "/reporting/cycles/new/",
        {
            "label": "2026 H1",
            "kind": "semi_annual",
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "due_date": "2026-06-01",
            "strategies": [ECONOMY],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["due_date"] == [
        "The due date (2026-06-01) comes before the end of the period (2026-06-30)."
    ]


@pytest.mark.parametrize("role", ["focal_in", "leadership"])
def test_only_operators_open_cycles(loaded_plans, users, role):
    with pytest.raises(ActionNotAllowed):
        CycleOpen(
            actor=actor(users[role]),
            label="x",
            kind="annual",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            due_date=datetime.date(2027, 1, 31),
            strategies=list(Strategy.objects.all()),
        ).execute()
