"""Measure statuses and indicator evaluations read from real reports in the database."""

import pytest

from hedef.evaluation.selectors import indicator_evaluations, measure_evaluations

STATUSES = [
    # (measure, status, notes, stage reached, stage due)
    ("1.1.1", "completed", (), "final", "final"),
    ("1.1.2", "on_schedule", (), "interim", "interim"),
    ("1.1.3", "behind", (), "initial", "interim"),
    ("1.2.1", "overdue", (), "interim", "final"),
    ("1.2.2", "not_reported", (), "initial", "interim"),
    ("2.1.1", "cancelled", (), "initial", "interim"),
    ("2.1.2", "behind", ("missed_reporting_cycles",), "initial", None),
    ("2.1.3", "behind", ("numeric_targets_not_met",), "initial", None),
]


@pytest.fixture
def measures(at_end_of_2026):
    return {m.measure.number: m for m in measure_evaluations(when=at_end_of_2026)}


def test_every_status_comes_from_the_reports_as_of_the_end_of_2026(measures):
    found = [
        (
            number,
            item.status,
            item.assessment.notes,
            item.assessment.stage_reached,
            item.assessment.expected_stage,
        )
        for number, item in sorted(measures.items())
    ]
    assert found == STATUSES


def test_only_accepted_or_published_reports_count(measures):
    # 1.2.2's last report (interim, returned) is neither its stage nor its latest report.
    assert measures["1.2.2"].latest.cycle.label == "2026, I yarımil"
    assert [r.state for r in measures["1.2.2"].reports] == ["published", "published", "returned"]
    # 2.1.2 had drafts in two closed cycles: due three times, reported once.
    assert measures["2.1.2"].assessment.missed_cycles == 2


def test_numeric_targets_are_checked_against_the_latest_accepted_value(measures):
    (check,) = measures["2.1.3"].assessment.target_checks
    assert (check.target.phrase, check.reported, check.outcome) == (
        "azı 20 xidmət",
        12.0,
        "not_met",
    )


def test_a_self_reported_status_contradicting_the_computed_one_is_flagged(measures):
    flagged = sorted(number for number, item in measures.items() if item.disagrees)
    # "In progress" said of measures behind (1.1.3, 2.1.2, 2.1.3) or overdue (1.2.1).
    assert flagged == ["1.1.3", "1.2.1", "2.1.2", "2.1.3"]
    assert measures["1.1.2"].claimed == "on_schedule" and not measures["1.1.2"].disagrees


def test_a_measure_not_yet_due_at_an_earlier_date_is_on_schedule(portfolio):
    from hedef.evaluation.selectors import evaluation_date

    when = evaluation_date(cycle=portfolio["cycles"]["c1"])  # end of 2025
    measures = {m.measure.number: m for m in measure_evaluations(when=when)}
    assert when.as_of == 2026.0
    assert measures["1.1.3"].status == "on_schedule"  # 1/3 of its period: initial due
    assert measures["1.2.1"].status == "overdue"  # its one year is over, interim only


@pytest.fixture
def indicators(at_end_of_2026):
    return {i.indicator.number: i for i in indicator_evaluations(when=at_end_of_2026)}


@pytest.mark.usefixtures("english")
def test_attainment_progress_and_forecast_of_a_seeded_series(indicators):
    item = indicators["I.1"]
    assert [(o.period, o.at, o.value) for o in item.observations] == [
        ("2025-S2", 2026.0, 18.0),
        ("2026-S1", 2026.5, 24.0),
        ("2026-S2", 2027.0, 29.0),
    ]
    # (A − B) / (T − B): end 2025 (18 − 10) / (20 − 10); mid 2026 against the
    # interpolated target 25; end 2026 (29 − 10) / (30 − 10).
    assert [o.attainment for o in item.observations] == pytest.approx([0.8, 14 / 15, 0.95])
    assert item.attainment.value == pytest.approx(0.95)
    assert item.attainment.basis == "baseline"
    # Judged against the 2026 stage (30): compound growth 10 → 29 over two years
    # is 96 % of the growth 10 → 30 needs.
    assert item.progress.status == "substantial_progress"
    assert item.progress.value == pytest.approx((2.9**0.5 - 1) / (3**0.5 - 1))
    # The least-squares line through 10, 18, 24, 29 (end 2024 … end 2026) crosses
    # 40 in March 2028: after the end of 2027, when the target is due.
    assert item.forecast.method == "linear"
    assert item.sentence == "At the current pace the 2027 target is reached in 2028."
    assert not item.forecast.on_track
    assert item.responsible == "in"
    # The agency said "delayed" while the numbers show substantial progress.
    assert item.claimed == "behind" and item.disagrees


def test_missing_baseline_falls_back_to_the_first_value_and_over_achievement_shows(indicators):
    item = indicators["I.2"]  # lower is better, no baseline, a returned 999 left out
    assert [o.value for o in item.observations] == [12.0, 10.0]
    assert item.attainment.basis == "first_observation"
    assert item.attainment.notes == (
        "baseline_from_first_observation",
        "target_interpolated",
        "over_achieved",
    )
    # Target at mid 2026 on the line from 12 (end 2025) to 5 (end 2027): 10.25.
    assert item.attainment.value == pytest.approx((10 - 12) / (10.25 - 12))
    assert item.progress.status == "moderate_progress"
    assert item.responsible == "rinn"  # the reporter monitoring assigned


def test_forecast_points_run_from_the_latest_value_to_the_target_year(indicators):
    points = indicators["I.1"].forecast_points()
    assert points[0] == (2026.0, 29.0)  # the chart's tick 2026 is the end of 2026
    assert [year for year, _ in points] == [2026.0, 2027.0]


def test_reports_on_an_earlier_plan_version_count_for_the_same_numbered_measure(
    portfolio, at_end_of_2026
):
    from dataclasses import replace

    from hedef.plans.services import plan_import
    from tests.helpers.portfolio import portfolio_plan

    plan = portfolio_plan()
    amended = replace(
        plan,
        version_label="amended",
        measures=tuple(replace(m, title=f"{m.title} (amended)") for m in plan.measures),
    )
    assert plan_import(plan=amended, via="test").version.number == 2
    found = {m.measure.number: m for m in measure_evaluations(when=at_end_of_2026)}
    assert found["1.1.1"].measure.title == "Measure 1.1.1 (amended)"
    assert [(n, m.status) for n, m in sorted(found.items())] == [
        (number, status) for number, status, *_ in STATUSES
    ]
    assert found["2.1.3"].assessment.target_checks[0].reported == 12.0
