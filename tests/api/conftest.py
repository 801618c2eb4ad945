"""API fixtures: the monitoring cycle, its accounts and an agency token, shared with
tests/monitoring, and the published snapshot of tests/publishing."""

import pytest

from tests.monitoring.conftest import _english, _media_and_clock, actor, cycle, more_users
from tests.publishing.conftest import published

__all__ = ["_english", "_media_and_clock", "cycle", "more_users", "published"]


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
