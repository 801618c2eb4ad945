"""Fixtures every test folder uses: the sample plans, accounts, clean per-test state.

The material they are built from is in the repository (``tests/fixtures``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.gold_plans import CONCEPT, ECONOMY
from tests.helpers.accounts import make_user
from tests.helpers.monitoring import AFTER_DUE, DUE, actor, report


@pytest.fixture(scope="session")
def gold_plans():
    """Both sample strategies as plan data, built from the gold annotations."""
    from tests.fixtures import SAMPLES, gold_path
    from tests.gold_plans import plan_from_gold

    return {plan.code: plan for plan in (plan_from_gold(gold_path(stem)) for stem in SAMPLES)}


@pytest.fixture
def registry(db):
    from hedef.agencies.services import agency_registry_load

    agency_registry_load()


@pytest.fixture
def loaded_plans(registry, gold_plans):
    """Both sample strategies imported into the test database."""
    from hedef.plans.services import plan_import

    return {code: plan_import(plan=plan, via="test") for code, plan in gold_plans.items()}


@pytest.fixture
def users(registry):
    """One account per role, as the demo has them."""
    from hedef.accounts.models import Role

    return {
        "operator_admin": make_user(
            "admin1", Role.OPERATOR_ADMIN, is_staff=True, is_superuser=True
        ),
        "operator_analyst": make_user("analyst1", Role.OPERATOR_ANALYST),
        "focal_rinn": make_user("focal1", Role.FOCAL_PERSON, "rinn"),
        "focal_in": make_user("focal2", Role.FOCAL_PERSON, "in"),
        "leadership": make_user("leader1", Role.LEADERSHIP),
    }


@pytest.fixture
def portfolio(registry):
    """The test portfolio (tests/helpers/portfolio.py) with its three published cycles."""
    from tests.helpers.portfolio import build_portfolio

    return build_portfolio()


@pytest.fixture
def published(loaded_plans):
    """One published snapshot with a few measure states and an indicator series."""
    from tests.helpers.publishing import publish_sample_snapshot

    return publish_sample_snapshot()


@pytest.fixture(autouse=True)
def _default_language():
    """A request that switched language must not leak it into the next test."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached portal pages are keyed by snapshot; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _operators_without_second_factor(settings):
    """Most tests sign operators in with ``force_login``, which skips the TOTP step.

    The second factor has its own tests (tests/accounts/test_two_factor.py), which
    switch it back on.
    """
    settings.HEDEF_OPERATOR_TOTP = False


@pytest.fixture
def english(client):
    """For tests that read English wording: the client asks for English, code runs in it."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def late(monkeypatch):
    """Move "today" past the cycle's due date."""
    from hedef.monitoring import selectors

    monkeypatch.setattr(selectors, "today", lambda: AFTER_DUE)


@pytest.fixture
def more_users(users):
    """The demo's accounts plus a focal person of an agency with nothing to do with 8.1.1.1."""
    from hedef.accounts.models import Role

    return {**users, "focal_etn": make_user("focal3", Role.FOCAL_PERSON, "etn")}


@pytest.fixture
def cycle(loaded_plans, more_users):
    """Economy and Concept, 2026 H1; İN also reports the headline indicator 4.1.1."""
    from hedef.monitoring.actions import CycleOpen
    from hedef.monitoring.models import IndicatorReporter
    from hedef.plans.models import Strategy

    IndicatorReporter.objects.create(
        strategy=Strategy.objects.get(code=ECONOMY),
        indicator_number="4.1.1",
        agency=more_users["focal_in"].agency,
    )
    return CycleOpen(
        actor=actor(more_users["operator_analyst"]),
        label="2026, I yarımil",
        kind="semi_annual",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        due_date=DUE,
        strategies=list(Strategy.objects.filter(code__in=[ECONOMY, CONCEPT])),
    ).execute()


@pytest.fixture
def platform(cycle):
    """Economy 8.1.1.1: İN reports, RİNN, AİH and XRİTDX contribute; two numeric targets."""
    return report(cycle, ECONOMY, "8.1.1.1")


@pytest.fixture
def at_end_of_2026(portfolio):
    """The evaluation date at the end of the 2026-S2 cycle (2027.0)."""
    from hedef.evaluation.selectors import evaluation_date

    return evaluation_date(cycle=portfolio["cycles"]["c3"])


@pytest.fixture
def after_due(portfolio):
    """1 February 2027: the 2026-S2 reports, due on 15 January, count for timeliness too."""
    from hedef.evaluation.selectors import evaluation_date

    return evaluation_date(today=datetime.date(2027, 2, 1))


@pytest.fixture
def token(cycle, more_users):
    """A fresh token of İN, the agency that reports 8.1.1.1 and the indicator 4.1.1."""
    from hedef.monitoring.actions import TokenIssue

    _record, secret = TokenIssue(
        actor=actor(more_users["operator_admin"]),
        agency=more_users["focal_in"].agency,
        label="İN e-hesabat",
    ).execute()
    return secret
