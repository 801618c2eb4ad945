"""A report's input read from the database: the dashboard's figures and what surrounds them."""

import datetime

import pytest
from django.test import override_settings
from django.utils import translation

from hedef.core.models import AuditHead
from hedef.domain.reports import assemble
from hedef.domain.reports.checks import problems
from hedef.evaluation.selectors import evaluation_date, strategy_dashboard
from hedef.monitoring.models import ReportingCycle, Submission
from hedef.reports.data import report_data
from tests.helpers.monitoring import actor
from tests.helpers.portfolio import STRATEGY

RECORDED = "ab" * 32
AFTER_DUE = datetime.date(2027, 2, 1)  # 17 days after the 2026-S2 reports were due


@pytest.fixture
def c3(portfolio):
    cycle = portfolio["cycles"]["c3"]
    cycle.published_head_hash = RECORDED
    cycle.save(update_fields=["published_head_hash"])
    return cycle


def data_for(portfolio, cycle, language="en", today=AFTER_DUE):
    return report_data(
        strategies=[portfolio["strategy"]], cycle=cycle, language=language, today=today, draws=50
    )


def test_key_figures_are_the_dashboards(portfolio, c3):
    board = strategy_dashboard(strategy=portfolio["strategy"], when=evaluation_date(cycle=c3))
    data = data_for(portfolio, c3)
    figures = data.key_figures
    assert data.sections[0].key_figures == figures
    assert figures.measures == len(board.measures) == 8
    assert figures.by_status == board.overall.statuses.by_status
    assert figures.by_status == {
        "behind": 3,
        "cancelled": 1,
        "completed": 1,
        "not_reported": 1,
        "on_schedule": 1,
        "overdue": 1,
    }
    assert figures.mean_attainment == board.overall.mean_attainment
    assert figures.reports_due == board.overall.timeliness.reports_due
    assert figures.on_time_share == board.overall.timeliness.on_time_share
    assert figures.disagreements == board.disagreements
    assert figures.indicators == 2


def test_rows_agree_with_the_figures_and_follow_the_plan(portfolio, c3):
    data = data_for(portfolio, c3)
    assert problems(data) == ()
    section = data.sections[0]
    assert [row.number for row in section.measures] == [
        "1.1.1",
        "1.1.2",
        "1.1.3",
        "1.2.1",
        "1.2.2",
        "2.1.1",
        "2.1.2",
        "2.1.3",
    ]
    assert [(g.number, g.title) for g in section.goals] == [
        ("1", "Birinci məqsəd"),
        ("2", "İkinci məqsəd"),
    ]
    assert [g.number for g in section.directions] == ["1.1", "1.2", "2.1"]
    behind = next(row for row in section.measures if row.number == "1.1.3")
    assert (behind.status, behind.self_reported, behind.disagrees) == (
        "behind",
        "in_progress",
        True,
    )
    assert behind.lead == ("İN",) and behind.co_executors == ("RİNN",)
    assert section.period == "2025–2027" and section.code == STRATEGY


@pytest.mark.usefixtures("english")
def test_indicators_are_drawn_as_on_the_dashboard(portfolio, c3):
    board = strategy_dashboard(strategy=portfolio["strategy"], when=evaluation_date(cycle=c3))
    first = data_for(portfolio, c3).sections[0].indicators[0]
    item = board.indicators[0]
    # Year-end values on the plans' axis: the 2025-S2 value sits beside the 2025 target.
    assert first.actuals == {2025.0: 18.0, 2025.5: 24.0, 2026.0: 29.0}
    assert first.baseline == 10.0 and first.baseline_year == 2024
    assert first.forecast.points == tuple(item.forecast_points())
    assert first.forecast.sentence == item.sentence
    assert first.status == item.progress.status.value
    assert first.attainment == item.attainment.value
    assert first.responsible == "İN"


def test_overdue_measures_and_late_reports(portfolio, c3):
    overdue = {item.number: item for item in data_for(portfolio, c3).sections[0].overdue}
    assert set(overdue) == {"1.2.1", "1.2.2", "I.2"}
    assert overdue["1.2.1"].reason == "period_ended"
    assert overdue["1.2.1"].due == datetime.date(2025, 12, 31)
    assert overdue["1.2.1"].days_overdue == (AFTER_DUE - datetime.date(2025, 12, 31)).days
    # The returned 2026-S2 reports are still with their agencies after the due date.
    assert overdue["1.2.2"].reason == overdue["I.2"].reason == "report_late"
    assert overdue["1.2.2"].days_overdue == 17 and overdue["1.2.2"].agencies == ("ETN",)
    before_due = data_for(portfolio, c3, today=datetime.date(2027, 1, 10))
    assert [item.number for item in before_due.sections[0].overdue] == ["1.2.1"]


def test_returned_reports_carry_fields_and_the_reviewers_words(portfolio, c3, users):
    from hedef.monitoring.actions import SubmissionReturn
    from hedef.plans.models import MeasureTarget

    report = Submission.objects.get(cycle=c3, measure__number="2.1.3")
    # Returned while the cycle was open (a reviewer cannot return a published report).
    ReportingCycle.objects.filter(pk=c3.pk).update(state=ReportingCycle.State.OPEN)
    Submission.objects.filter(pk=report.pk).update(state="submitted")
    report.refresh_from_db()
    target = MeasureTarget.objects.get(measure=report.measure)
    SubmissionReturn(
        report,
        actor=actor(users["operator_analyst"]),
        comments={"": "Hesabatı yoxlayın.", f"target:{target.pk}": "12 xidmət azdır."},
    ).execute()
    ReportingCycle.objects.filter(pk=c3.pk).update(state=ReportingCycle.State.PUBLISHED)
    data = data_for(portfolio, c3)
    (item,) = data.sections[0].returned
    assert (item.number, item.agency) == ("2.1.3", "İN")
    assert item.fields == ("azı 20 xidmət",)
    assert item.reason == "Hesabatı yoxlayın. 12 xidmət azdır."
    assert data.key_figures.reports_returned == 1


def test_published_cycle_carries_its_recorded_head(portfolio, c3):
    data = data_for(portfolio, c3)
    assert (data.audit_head_hash, data.audit_head_recorded) == (RECORDED, True)


@pytest.mark.usefixtures("english")
def test_open_cycle_carries_the_current_head_labelled_as_such(portfolio, c3):
    ReportingCycle.objects.filter(pk=c3.pk).update(state=ReportingCycle.State.OPEN)
    c3.refresh_from_db()
    current = AuditHead.objects.get(pk=1).last_hash
    data = data_for(portfolio, c3)
    assert (data.audit_head_hash, data.audit_head_recorded) == (current, False)
    assert current and current != RECORDED
    with_labels = assemble(data)
    assert "not published" in with_labels.cover.audit_line


def test_act_is_written_in_the_reports_language(portfolio, c3):
    version = portfolio["version"]
    version.act_kind, version.act_number = "Sərəncam", "123"
    version.act_date = datetime.date(2025, 1, 16)
    version.save()
    translation.activate("ru")
    azerbaijani = data_for(portfolio, c3, language="az")
    english = data_for(portfolio, c3, language="en")
    assert translation.get_language() == "ru"  # the page's language is left as it was
    assert azerbaijani.sections[0].act == "Təsdiq edən akt: Sərəncam № 123, 16 yanvar 2025"
    assert english.sections[0].act == "Approved by: Sərəncam № 123, 16 January 2025"
    assert (azerbaijani.language, english.language) == ("az", "en")
    assert english.title == "Monitoring report"


def test_demo_flag_methodology_and_rating(portfolio, c3):
    with override_settings(HEDEF_DEMO=True):
        data = data_for(portfolio, c3)
    assert data.demo is True
    assert data_for(portfolio, c3).demo is False
    assert "### 7.5 " in data.methodology and "### 7.4 " not in data.methodology
    assert data.readiness and data.readiness_draws == 50
    assert all(row.rank_p5 <= row.rank_median <= row.rank_p95 for row in data.readiness)
    assert {row.agency for row in data.timeliness} <= {"RİNN", "İN", "ETN"}


def test_consolidated_figures_add_up(portfolio, c3, loaded_plans):
    from hedef.plans.models import Strategy

    strategies = list(Strategy.objects.order_by("code"))
    data = report_data(strategies=strategies, cycle=c3, language="en", today=AFTER_DUE, draws=0)
    assert data.consolidated and len(data.sections) == 3
    assert problems(data) == ()
    assert data.title == "Consolidated monitoring report"
    assert data.key_figures.measures == sum(s.key_figures.measures for s in data.sections)
    assert data.key_figures.measures == 8 + 50 + 21
