"""Reporting rules: the workflow table, due measures, deviations, content checks."""

import datetime

import pytest

from hedef.domain.monitoring.submissions import (
    TEXT_LIMITS,
    ChangeNotAllowed,
    InvalidCycle,
    InvalidTransition,
    ProgressStatus,
    SubmissionContent,
    SubmissionState,
    TextUnprintable,
    Verb,
    check_changes_allowed,
    check_complete,
    check_content,
    check_cycle_dates,
    check_text,
    deviation_required,
    is_overdue,
    measure_due,
    next_state,
)
from hedef.domain.plans.model import Period, Stage

D = datetime.date
S = SubmissionState
H1_2026 = (D(2026, 1, 1), D(2026, 6, 30))

# Every (state, verb) pair: the state reached, or None when the step is refused.
WORKFLOW = [
    (S.DRAFT, Verb.SAVE, S.DRAFT),
    (S.DRAFT, Verb.SUBMIT, S.SUBMITTED),
    (S.DRAFT, Verb.ACCEPT, None),
    (S.DRAFT, Verb.RETURN, None),
    (S.DRAFT, Verb.PUBLISH, None),
    (S.SUBMITTED, Verb.SAVE, None),  # locked for the agency until returned
    (S.SUBMITTED, Verb.SUBMIT, None),
    (S.SUBMITTED, Verb.ACCEPT, S.ACCEPTED),
    (S.SUBMITTED, Verb.RETURN, S.RETURNED),
    (S.SUBMITTED, Verb.PUBLISH, None),
    (S.RETURNED, Verb.SAVE, S.RETURNED),
    (S.RETURNED, Verb.SUBMIT, S.SUBMITTED),
    (S.RETURNED, Verb.ACCEPT, None),
    (S.RETURNED, Verb.RETURN, None),
    (S.RETURNED, Verb.PUBLISH, None),
    (S.ACCEPTED, Verb.SAVE, None),
    (S.ACCEPTED, Verb.SUBMIT, None),
    (S.ACCEPTED, Verb.ACCEPT, None),
    (S.ACCEPTED, Verb.RETURN, None),
    (S.ACCEPTED, Verb.PUBLISH, S.PUBLISHED),
    *[(S.PUBLISHED, verb, None) for verb in Verb],
]


@pytest.mark.parametrize(("state", "verb", "reached"), WORKFLOW)
def test_workflow_table(state, verb, reached):
    if reached is None:
        with pytest.raises(InvalidTransition) as caught:
            next_state(state, verb)
        assert caught.value.code == "invalid_transition"
        assert caught.value.params == {"state": state.value, "verb": verb.value}
    else:
        assert next_state(state, verb) is reached


# (period, due in the first half of 2026?)
DUE = [
    (Period(None, None, "mütəmadi"), True),
    (Period(2026, 2029, "2026–2029"), True),
    (Period(2025, 2026, "2025–2026"), True),
    (Period(2027, 2029, "2027–2029"), False),
    (Period(2025, 2025, "2025"), False),
    (Period(2026, None, "2026"), True),
]


@pytest.mark.parametrize(("period", "due"), DUE)
def test_which_measures_are_due_follows_their_period(period, due):
    assert measure_due(period, *H1_2026) is due


def test_a_cycle_across_a_year_end_covers_both_years():
    assert measure_due(Period(2027, 2029, ""), D(2026, 7, 1), D(2027, 6, 30))


@pytest.mark.parametrize(
    ("start", "end", "due", "code"),
    [
        (D(2026, 6, 30), D(2026, 1, 1), D(2026, 7, 15), "period_reversed"),
        (D(2026, 1, 1), D(2026, 6, 30), D(2026, 6, 1), "due_before_end"),
    ],
)
def test_impossible_cycle_dates_are_refused(start, end, due, code):
    with pytest.raises(InvalidCycle) as caught:
        check_cycle_dates(start, end, due)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("state", "today", "late"),
    [
        (S.DRAFT, D(2026, 7, 16), True),
        (S.RETURNED, D(2026, 7, 16), True),
        (S.DRAFT, D(2026, 7, 15), False),  # the due date itself is still in time
        (S.SUBMITTED, D(2026, 8, 1), False),
        (S.ACCEPTED, D(2026, 8, 1), False),
    ],
)
def test_overdue_means_still_with_the_agency_after_the_due_date(state, today, late):
    assert is_overdue(state, D(2026, 7, 15), today) is late


@pytest.mark.parametrize(
    ("status", "measure_start", "required"),
    [
        (ProgressStatus.DELAYED, 2026, True),
        (ProgressStatus.CANCELLED, 2026, True),
        (ProgressStatus.NOT_STARTED, 2025, True),  # should have started last year
        (ProgressStatus.NOT_STARTED, 2026, False),
        (ProgressStatus.NOT_STARTED, None, False),
        (ProgressStatus.IN_PROGRESS, 2025, False),
        (None, 2025, False),
    ],
)
def test_deviation_is_required_when_off_track(status, measure_start, required):
    assert deviation_required(status, measure_start, D(2026, 1, 1)) is required


def codes(issues):
    return {(issue.field, issue.code) for issue in issues}


CONTENT_ISSUES = [
    (SubmissionContent(percent_complete=120), {("percent_complete", "percent_range")}),
    (SubmissionContent(percent_complete=-1), {("percent_complete", "percent_range")}),
    (
        SubmissionContent(progress_status=ProgressStatus.COMPLETED, percent_complete=80),
        {("percent_complete", "completed_not_100")},
    ),
    (
        SubmissionContent(progress_status=ProgressStatus.NOT_STARTED, percent_complete=10),
        {("percent_complete", "not_started_not_0")},
    ),
    (SubmissionContent(expected_date=D(2025, 12, 31)), {("deviation", "expected_date_past")}),
    (SubmissionContent(percent_complete=55.5, narrative="yarımçıq"), set()),
]


@pytest.mark.parametrize(("content", "expected"), CONTENT_ISSUES)
def test_content_checks(content, expected):
    assert codes(check_content(content, measure_start=2026, cycle_start=H1_2026[0])) == expected


def complete(**changes):
    base = {
        "progress_status": ProgressStatus.IN_PROGRESS,
        "stage": Stage.INITIAL,
        "percent_complete": 30,
        "narrative": "Platformanın texniki tapşırığı hazırlanıb.",
    }
    return SubmissionContent(**{**base, **changes})


def test_a_complete_report_can_be_submitted():
    assert (
        check_complete(complete(), is_indicator=False, measure_start=2026, cycle_start=H1_2026[0])
        == []
    )


def test_submitting_needs_status_stage_percent_and_narrative():
    issues = check_complete(
        SubmissionContent(), is_indicator=False, measure_start=2026, cycle_start=H1_2026[0]
    )
    assert codes(issues) == {
        ("progress_status", "required"),
        ("stage", "required"),
        ("percent_complete", "required"),
        ("narrative", "required"),
    }


def test_a_delayed_measure_cannot_be_submitted_without_its_deviation():
    delayed = complete(progress_status=ProgressStatus.DELAYED)
    issues = check_complete(delayed, is_indicator=False, measure_start=2026, cycle_start=H1_2026[0])
    assert codes(issues) == {("deviation", "deviation_required")}


def test_an_indicator_report_needs_only_its_value():
    issues = check_complete(
        SubmissionContent(), is_indicator=True, measure_start=None, cycle_start=H1_2026[0]
    )
    assert codes(issues) == {("indicator_value", "required")}


def test_a_returned_field_can_change_and_others_cannot():
    check_changes_allowed({"narrative"}, {"narrative"})
    check_changes_allowed({"narrative", "stage"}, set())  # returned whole
    with pytest.raises(ChangeNotAllowed) as caught:
        check_changes_allowed({"narrative", "stage"}, {"narrative"})
    assert caught.value.code == "field_locked" and caught.value.params == {"field": "stage"}


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("narrative", "What was done"),
        ("obstacles", "Obstacles and risks"),
        ("remedy", "Remedy proposed"),
        ("corrective_action", "Corrective action"),
    ],
)
def test_every_text_field_has_a_length_limit_named_in_the_message(key, label):
    """One rule for the page, the workbook and the API: the limit is a draft's check too."""
    limit = TEXT_LIMITS[key]
    at_limit = SubmissionContent(**{key: "ə" * limit})
    assert check_content(at_limit, measure_start=2026, cycle_start=H1_2026[0]) == []
    over = SubmissionContent(**{key: "ə" * (limit + 1)})
    [issue] = check_content(over, measure_start=2026, cycle_start=H1_2026[0])
    assert (issue.field, issue.code) == (key, "text_too_long")
    assert issue.message == (f"“{label}” is {limit + 1} characters long; it takes at most {limit}.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hazırdır.", None),
        ("Sətir\nsətir\r\n\tboşluq", None),
        ("a\x00b", "control_character"),
        ("a\x0bb", "control_character"),
        ("a\x1fb", "control_character"),
    ],
)
def test_check_text_refuses_what_a_spreadsheet_cannot_hold(text, code):
    if code is None:
        check_text("Narrative", text, 100)
        return
    with pytest.raises(TextUnprintable) as raised:
        check_text("Narrative", text, 100)
    assert raised.value.code == code
    assert raised.value.params["field"] == "Narrative"
