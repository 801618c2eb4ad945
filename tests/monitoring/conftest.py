"""Monitoring fixtures: an open 2026 H1 cycle over both sample strategies, actors, reports."""

from __future__ import annotations

import datetime

import pytest

from tests.gold_plans import CONCEPT, ECONOMY
from tests.helpers.accounts import make_user
from tests.helpers.monitoring import AFTER_DUE, BEFORE_DUE, DUE, actor, report


@pytest.fixture(autouse=True)
def _english(client):
    """Messages are asserted in English, the source language, so that they hold however
    far the Azerbaijani and Russian catalogues have got."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    translation.activate("en")


@pytest.fixture(autouse=True)
def _media_and_clock(settings, tmp_path, monkeypatch):
    """Evidence goes to a temporary folder; "today" is before the cycle's due date."""
    from hedef.monitoring import selectors

    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(selectors, "today", lambda: BEFORE_DUE)


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
