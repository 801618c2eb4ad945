"""Monitoring fixtures: an open 2026 H1 cycle over both sample strategies, actors, reports."""

from __future__ import annotations

import datetime

import pytest

ECONOMY = "digital-economy-2026-2029"
CONCEPT = "digital-development-concept"
# The cycle's reports are due on DUE; tests run "before" it unless they move the clock.
DUE = datetime.date(2026, 7, 15)
BEFORE_DUE = datetime.date(2026, 7, 1)
AFTER_DUE = datetime.date(2026, 7, 20)


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


def actor(user, channel="web"):
    from hedef.core.actors import Actor

    return Actor(user, channel, "test")


@pytest.fixture
def more_users(users):
    """The demo's accounts plus a focal person of an agency with nothing to do with 8.1.1.1."""
    from hedef.accounts.models import Role
    from tests.conftest import make_user

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


def report(cycle, strategy, number):
    from hedef.monitoring.selectors import submission_queryset

    return submission_queryset().get(
        cycle=cycle, measure__version__strategy__code=strategy, measure__number=number
    )


@pytest.fixture
def platform(cycle):
    """Economy 8.1.1.1: İN reports, RİNN, AİH and XRİTDX contribute; two numeric targets."""
    return report(cycle, ECONOMY, "8.1.1.1")


def complete_content(**changes):
    from hedef.domain.monitoring.submissions import ProgressStatus, SubmissionContent
    from hedef.domain.plans.model import Stage

    base = {
        "progress_status": ProgressStatus.IN_PROGRESS,
        "stage": Stage.INITIAL,
        "percent_complete": 30.0,
        "narrative": "Platformanın texniki tapşırığı təsdiq edilib.",
    }
    return SubmissionContent(**{**base, **changes})


def save(submission, user, submit=False, **changes):
    """Save (or submit) ``submission`` as ``user`` from its current version."""
    from hedef.monitoring.actions import SubmissionSave, SubmissionSubmit

    submission.refresh_from_db()
    action = SubmissionSubmit if submit else SubmissionSave
    return action(
        submission,
        actor=actor(user),
        content=complete_content(**changes),
        version=submission.version,
    ).execute()


def form_data(submission, **changes):
    """The POST body of the report form for a complete in-progress report."""
    data = {
        "version": submission.version,
        "progress_status": "in_progress",
        "stage": "initial",
        "percent_complete": "30",
        "narrative": "Platformanın texniki tapşırığı təsdiq edilib.",
        "obstacles": "",
        "remedy": "",
        "deviation_reason": "",
        "deviation_risk": "",
        "corrective_action": "",
        "expected_date": "",
    }
    data.update(changes)
    return data
