"""Roll-ups by strategy, goal, direction and agency (lead and co-executor)."""

from datetime import date

import pytest

from hedef.domain.evaluation.rollup import GroupBy, MeasureRecord, rollup, rollup_all

DUE = date(2026, 7, 15)


def record(
    number,
    status,
    *,
    goal="1",
    direction="1.1",
    lead=("RİNN",),
    co=(),
    att=None,
    submitted=DUE,
    due=DUE,
    strategy="RİS",
):
    return MeasureRecord(
        number=number,
        strategy=strategy,
        status=status,
        goal=goal,
        direction=direction,
        lead=lead,
        co_executors=co,
        attainment=att,
        submitted_at=submitted,
        due_at=due,
    )


RECORDS = [
    record("1.1.1", "on_schedule", att=0.5, co=("İİTKM", "ETN")),
    record("1.1.2", "behind", att=1.5, submitted=date(2026, 7, 25), co=("ETN",)),
    record("1.2.1", "completed", direction="1.2", lead=("RİNN", "ETN"), submitted=None),
    record(
        "2.1.1",
        "on_schedule",
        goal="2",
        direction="2.1",
        lead=("İİTKM",),
        submitted=date(2026, 7, 20),
        att=0.8,
    ),
    record(
        "1.1",
        "overdue",
        goal="1",
        direction=None,
        lead=("ETN",),
        strategy="SİS",
        submitted=date(2026, 7, 10),
    ),
]


def by_key(rollups):
    return {item.key: item for item in rollups}


def test_counts_and_shares_by_strategy():
    groups = by_key(rollup(RECORDS, by=GroupBy.STRATEGY))
    ris = groups[("RİS",)]
    assert ris.count == 4
    assert ris.by_status == {"behind": 1, "completed": 1, "on_schedule": 2}
    assert ris.shares["on_schedule"] == pytest.approx(0.5)
    assert ris.mean_attainment == pytest.approx((0.5 + 1.5 + 0.8) / 3)
    assert ris.attainment_count == 3


def test_timeliness_share_and_median_delay():
    ris = by_key(rollup(RECORDS, by=GroupBy.STRATEGY))[("RİS",)]
    # Due 4; on time: 1.1.1; late by 10 and 5 days; one not submitted.
    assert (ris.reports_due, ris.submitted_on_time, ris.not_submitted) == (4, 1, 1)
    assert ris.on_time_share == pytest.approx(0.25)
    assert ris.median_delay_days == 5.0  # median of 0, 10, 5


def test_early_submission_counts_as_no_delay():
    sis = by_key(rollup(RECORDS, by=GroupBy.STRATEGY))[("SİS",)]
    assert sis.on_time_share == 1.0
    assert sis.median_delay_days == 0.0


def test_goal_and_direction_keys_carry_their_parents():
    goals = by_key(rollup(RECORDS, by=GroupBy.GOAL))
    assert set(goals) == {("RİS", "1"), ("RİS", "2"), ("SİS", "1")}
    directions = by_key(rollup(RECORDS, by=GroupBy.DIRECTION))
    assert set(directions) == {("RİS", "1", "1.1"), ("RİS", "1", "1.2"), ("RİS", "2", "2.1")}
    assert directions[("RİS", "1", "1.1")].count == 2


def test_agencies_count_as_lead_and_as_co_executor_separately():
    leads = by_key(rollup(RECORDS, by=GroupBy.LEAD_AGENCY))
    co = by_key(rollup(RECORDS, by=GroupBy.CO_EXECUTOR))
    assert leads[("RİNN",)].count == 3
    assert leads[("ETN",)].count == 2  # joint lead of 1.2.1 and lead of SİS 1.1
    assert co[("ETN",)].count == 2
    assert co[("İİTKM",)].count == 1


def test_groups_are_in_azerbaijani_order():
    keys = [item.key[0] for item in rollup(RECORDS, by=GroupBy.LEAD_AGENCY)]
    assert keys == ["ETN", "İİTKM", "RİNN"]


def test_reports_not_yet_due_are_left_out_of_timeliness():
    late = [record("9.9", "on_schedule", submitted=None, due=date(2026, 12, 31))]
    result = rollup(late, by=GroupBy.STRATEGY, as_of=date(2026, 8, 1))[0]
    assert (result.reports_due, result.on_time_share, result.median_delay_days) == (0, None, None)


def test_rollup_all_covers_every_grouping():
    assert set(rollup_all(RECORDS)) == set(GroupBy)
