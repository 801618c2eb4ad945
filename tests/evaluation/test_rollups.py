"""Roll-ups by direction, goal, strategy and agency, with reporting timeliness."""

import pytest

from hedef.domain.evaluation.rollup import GroupBy
from hedef.evaluation.selectors import (
    agency_dashboard,
    group_figures,
    indicator_evaluations,
    measure_evaluations,
)
from tests.helpers.portfolio import STRATEGY


@pytest.fixture
def evaluated(after_due):
    return {
        "measures": measure_evaluations(when=after_due),
        "indicators": indicator_evaluations(when=after_due),
        "when": after_due,
    }


def figures(evaluated, by):
    return {group.key: group for group in group_figures(by=by, **evaluated)}


def test_counts_and_shares_by_goal_and_direction(evaluated):
    goals = figures(evaluated, GroupBy.GOAL)
    assert goals[(STRATEGY, "1")].statuses.by_status == {
        "behind": 1,
        "completed": 1,
        "not_reported": 1,
        "on_schedule": 1,
        "overdue": 1,
    }
    assert goals[(STRATEGY, "2")].statuses.shares == {"behind": 2 / 3, "cancelled": 1 / 3}
    directions = figures(evaluated, GroupBy.DIRECTION)
    assert {key[-1]: group.count for key, group in directions.items()} == {
        "1.1": 3,
        "1.2": 2,
        "2.1": 3,
    }
    # Headline indicators belong to the strategy, not to its goals.
    assert goals[(STRATEGY, "1")].mean_attainment is None


def test_strategy_figures_with_mean_attainment_and_timeliness(evaluated):
    (strategy,) = figures(evaluated, GroupBy.STRATEGY).values()
    assert strategy.count == 8
    assert strategy.mean_attainment == pytest.approx((0.95 + (-2 / -1.75)) / 2)
    # 22 measure reports and 6 indicator reports were due; 2 drafts were never sent;
    # 1.2.2 and I.2 arrived 10, 20, 3 and 20 days late.
    timeliness = strategy.timeliness
    assert (timeliness.reports_due, timeliness.not_submitted) == (28, 2)
    assert timeliness.submitted_on_time == 22
    assert timeliness.on_time_share == pytest.approx(22 / 28)
    assert timeliness.median_delay_days == 0


def test_reports_not_yet_due_do_not_count_for_timeliness(at_end_of_2026):
    measures = measure_evaluations(when=at_end_of_2026)
    indicators = indicator_evaluations(when=at_end_of_2026)
    (strategy,) = group_figures(
        by=GroupBy.STRATEGY, measures=measures, indicators=indicators, when=at_end_of_2026
    )
    # At the end of 2026 the 2026-S2 reports are due only on 15 January 2027.
    assert strategy.timeliness.reports_due == 19


def test_agency_figures_as_lead_and_as_co_executor(evaluated):
    lead = figures(evaluated, GroupBy.LEAD_AGENCY)
    assert lead[("rinn",)].statuses.by_status == {
        "behind": 1,
        "completed": 1,
        "on_schedule": 1,
        "overdue": 1,
    }
    # ETN's three reports: on time, 10 days late, 20 days late (then returned).
    etn = lead[("etn",)].timeliness
    assert (etn.reports_due, etn.submitted_on_time, etn.median_delay_days) == (3, 1, 10.0)
    assert etn.on_time_share == pytest.approx(1 / 3)
    # RİNN writes 13 reports: two drafts never sent, I.2 late twice.
    rinn = lead[("rinn",)].timeliness
    assert (rinn.reports_due, rinn.submitted_on_time, rinn.not_submitted) == (13, 9, 2)
    assert lead[("rinn",)].mean_attainment == pytest.approx(-2 / -1.75)  # I.2
    co = figures(evaluated, GroupBy.CO_EXECUTOR)
    assert co[("rinn",)].statuses.by_status == {"behind": 1}  # 1.1.3
    assert co[("in",)].statuses.by_status == {"completed": 1}  # 1.1.1


def test_one_agency_across_strategies_with_its_reports_cycle_by_cycle(after_due):
    from hedef.agencies.models import Agency

    board = agency_dashboard(agency=Agency.objects.get(code="rinn"), when=after_due)
    assert [m.measure.number for m in board.lead] == ["1.1.1", "1.1.2", "1.2.1", "2.1.2"]
    assert [m.measure.number for m in board.co] == ["1.1.3"]
    assert [i.indicator.number for i in board.indicators] == ["I.2"]
    assert board.as_lead.timeliness.reports_due == 13
    assert [(cycle.label, f.reports_due, f.submitted_on_time) for cycle, f in board.cycles] == [
        ("2026, II yarımil", 4, 3),
        ("2026, I yarımil", 4, 2),
        ("2025, II yarımil", 5, 4),
    ]
