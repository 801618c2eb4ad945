"""`hedef remind`: one e-mail per agency and cycle, N days before the due date, never twice."""

from django.core import mail
from typer.testing import CliRunner

from hedef.cli import app
from hedef.monitoring.models import ReminderSent
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import report

runner = CliRunner()


def remind(*args):
    return runner.invoke(app, ["remind", *args])


def test_reminders_go_to_focal_persons_with_pending_reports(cycle, more_users):
    more_users["focal_in"].email = "leyla@in.gov.az"
    more_users["focal_in"].save()
    result = remind("--days", "7", "--today", "2026-07-10")
    assert result.exit_code == 0, result.output
    [message] = mail.outbox
    assert message.to == ["leyla@in.gov.az"]
    assert "15.07.2026" in message.subject
    assert "/reporting/my/" in message.body
    assert "reminders sent: 1" in result.output


def test_a_second_run_sends_nothing_again(cycle, more_users):
    more_users["focal_in"].email = "leyla@in.gov.az"
    more_users["focal_in"].save()
    remind("--days", "7", "--today", "2026-07-10")
    again = remind("--days", "7", "--today", "2026-07-11")
    assert "already reminded" in again.output and len(mail.outbox) == 1
    assert ReminderSent.objects.count() == 1


def test_nothing_is_sent_outside_the_window_or_in_a_dry_run(cycle, more_users):
    more_users["focal_in"].email = "leyla@in.gov.az"
    more_users["focal_in"].save()
    assert "reminders sent: 0" in remind("--days", "7", "--today", "2026-07-01").output
    dry = remind("--days", "7", "--today", "2026-07-10", "--dry-run")
    assert "would e-mail leyla@in.gov.az" in dry.output
    assert not mail.outbox and not ReminderSent.objects.exists()


def test_an_agency_with_everything_submitted_is_not_reminded(cycle, more_users):
    from hedef.monitoring.models import Submission

    for submission in Submission.objects.filter(cycle=cycle, agency__code="in"):
        Submission.objects.filter(pk=submission.pk).update(state="submitted")
    assert report(cycle, ECONOMY, "8.1.1.1").state == "submitted"
    more_users["focal_in"].email = "leyla@in.gov.az"
    more_users["focal_in"].save()
    remind("--days", "7", "--today", "2026-07-10")
    assert all("leyla@in.gov.az" not in m.to for m in mail.outbox)


def test_a_bad_date_is_named(cycle):
    result = remind("--today", "10.07.2026")
    assert result.exit_code == 2 and "10.07.2026" in result.output
