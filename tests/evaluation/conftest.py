"""Evaluation fixtures: the test portfolio (tests/helpers/portfolio.py) at two dates."""

from __future__ import annotations

import datetime

import pytest


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
