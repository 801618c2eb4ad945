"""Monitoring steps the tests take: actors, finding a report, saving and submitting it.

The cycle of the ``cycle`` fixture (tests/conftest.py) is due on ``DUE``;
tests run "before" it unless they move the clock.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

DUE = datetime.date(2026, 7, 15)
BEFORE_DUE = datetime.date(2026, 7, 1)
AFTER_DUE = datetime.date(2026, 7, 20)


def actor(user: Any, channel: str = "web") -> Any:
    """``user`` acting through ``channel``, as the monitoring actions want it."""
    from hedef.core.actors import Actor

    return Actor(user, channel, "test")


def report(cycle: Any, strategy: str, number: str) -> Any:
    """The submission of ``cycle`` on measure ``number`` of ``strategy`` (a code)."""
    from hedef.monitoring.selectors import submission_queryset

    return submission_queryset().get(
        cycle=cycle, measure__version__strategy__code=strategy, measure__number=number
    )


def complete_content(**changes: Any) -> Any:
    """A complete in-progress report's content, with ``changes``."""
    from hedef.domain.monitoring.submissions import ProgressStatus, SubmissionContent
    from hedef.domain.plans.model import Stage

    base = {
        "progress_status": ProgressStatus.IN_PROGRESS,
        "stage": Stage.INITIAL,
        "percent_complete": 30.0,
        "narrative": "Platformanın texniki tapşırığı təsdiq edilib.",
    }
    return SubmissionContent(**{**base, **changes})


def save(submission: Any, user: Any, submit: bool = False, **changes: Any) -> Any:
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


def form_data(submission: Any, **changes: str) -> dict[str, Any]:
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


# Autouse fixtures of the folders whose tests sign in and write submissions
# (monitoring, accounts, core); each folder's conftest.py imports them.
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
