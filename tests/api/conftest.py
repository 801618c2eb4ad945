"""API fixtures: English messages, evidence in a temporary folder, and an agency token.

The cycle, its accounts and the published snapshot are the shared fixtures of
tests/conftest.py.
"""

import pytest

from tests.helpers.monitoring import _english, _media_and_clock, actor  # noqa: F401  (autouse)


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
