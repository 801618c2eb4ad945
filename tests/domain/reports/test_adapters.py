"""Evaluation results become report rows without a figure being retyped."""

from __future__ import annotations

from datetime import date

import pytest

from hedef.domain.evaluation.composite import IndexResult, IndexRow
from hedef.domain.evaluation.forecast import forecast
from hedef.domain.evaluation.rollup import GroupBy, MeasureRecord, rollup
from hedef.domain.plans.model import Direction
from hedef.domain.reports.adapters import (
    forecast_line,
    group_statuses,
    readiness_rows,
    timeliness_rows,
)


def test_forecast_line_continues_the_actuals_to_the_target_year():
    result = forecast(
        {2025.0: 10.0, 2026.0: 20.0, 2026.5: 26.0},
        target=80.0,
        target_year=2029,
        direction=Direction.HIGHER_IS_BETTER,
    )
    line = forecast_line(result)
    assert line.points[0] == (2026.5, 26.0)
    assert [year for year, _value in line.points] == [
        2026.5,
        2027.0,
        2027.5,
        2028.0,
        2028.5,
        2029.0,
    ]
    assert line.points[-1][1] == pytest.approx(result.value_at_target_year)
    assert line.method == result.method.value
    assert line.on_track is result.on_track
    assert line.sentence.startswith("At the current pace the 2029 target")


@pytest.mark.parametrize(
    ("observations", "sentence"),
    [
        ({2025.0: 10.0}, "There are too few observations to forecast the 2029 target."),
        ({2025.0: 10.0, 2026.0: 90.0}, "The 2029 target has already been reached."),
    ],
)
def test_forecast_line_without_a_trend_has_only_its_sentence(observations, sentence):
    result = forecast(
        observations, target=80.0, target_year=2029, direction=Direction.HIGHER_IS_BETTER
    )
    line = forecast_line(result)
    assert (line.points, line.method, line.sentence) == ((), None, sentence)


def records():
    due = date(2029, 1, 31)
    return [
        MeasureRecord(
            "8.1.1.1", "s", "completed", "8.1", "8.1.1", ("İN",), (), None, date(2029, 1, 30), due
        ),
        MeasureRecord(
            "8.1.2.1", "s", "behind", "8.1", "8.1.2", ("İN",), (), None, date(2029, 2, 9), due
        ),
        MeasureRecord(
            "8.2.1.1", "s", "on_schedule", "8.2", "8.2.1", ("ƏƏSMN",), (), None, None, due
        ),
        MeasureRecord(
            "8.2.1.2", "s", "on_schedule", "8.2", "8.2.1", ("RİNN",), (), None, None, None
        ),
    ]


def test_group_statuses_follow_the_plan_order_with_titles():
    rows = group_statuses(
        rollup(records(), by=GroupBy.GOAL),
        titles={"8.1": "Birinci", "8.2": "İkinci"},
        order=["8.2", "8.1"],
    )
    assert [(row.number, row.title, dict(row.counts)) for row in rows] == [
        ("8.2", "İkinci", {"on_schedule": 2}),
        ("8.1", "Birinci", {"behind": 1, "completed": 1}),
    ]


def test_timeliness_rows_are_the_rollup_figures():
    rows = timeliness_rows(rollup(records(), by=GroupBy.LEAD_AGENCY, as_of=date(2029, 3, 1)))
    assert [(r.agency, r.reports_due, r.submitted_on_time, r.on_time_share) for r in rows] == [
        ("ƏƏSMN", 1, 0, 0.0),
        ("İN", 2, 1, 0.5),
    ]  # RİNN had no report due and is left out
    assert rows[1].median_delay_days == 4.5 and rows[0].not_submitted == 1


def test_readiness_rows_keep_intervals_and_fill_missing_ones_with_the_rank():
    result = IndexResult(
        index="readiness",
        title="Readiness",
        edition=None,
        rows=(
            IndexRow("İN", 0.8, 0.8012, 1, "advanced", "Advanced", 1.0, 1.0, 2.0),
            IndexRow("RİNN", 0.3, 0.2991, 2, "developing", "Developing"),
        ),
        weights={},
        settings={},
    )
    rows = readiness_rows(result)
    assert [(r.agency, r.rank, r.rank_p5, r.rank_p95, r.group) for r in rows] == [
        ("İN", 1, 1.0, 2.0, "Advanced"),
        ("RİNN", 2, 2.0, 2.0, "Developing"),
    ]
