"""Reporting pages: navigation per role, overdue flags on every dashboard, the demo."""

import pytest
from django.urls import reverse

from hedef.monitoring.actions import SubmissionReturn
from hedef.monitoring.selectors import agency_due_items
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import actor, save

# role -> (sees Reporting, sees my agency's measures, sees the review queue)
NAV = [
    ("operator_admin", True, False, True),
    ("operator_analyst", True, False, True),
    ("focal_in", True, True, False),
    ("leadership", True, False, False),
]


@pytest.mark.parametrize(("role", "reporting", "mine", "review"), NAV)
def test_the_navigation_shows_each_role_its_reporting_links(
    client, users, role, reporting, mine, review
):
    client.force_login(users[role])
    nav = (
        client.get(reverse("plans:home"))
        .content.decode()
        .split('class="main-nav"')[1]
        .split("</nav>")[0]
    )
    assert (reverse("monitoring:cycles") in nav) is reporting
    assert (reverse("monitoring:my-agency") in nav) is mine
    assert (reverse("monitoring:review-queue") in nav) is review


def test_a_focal_person_sees_every_due_measure_as_lead_or_co_executor(client, cycle, more_users):
    items = agency_due_items(more_users["focal_rinn"].agency)
    lead = {i.submission.measure.number for i in items if i.as_lead and i.submission.measure}
    co = {i.submission.measure.number for i in items if not i.as_lead}
    assert {"1.1.1", "1.3.1"} <= lead  # Concept, RİNN leads
    assert "8.1.1.1" in co  # Economy, RİNN co-executes
    client.force_login(more_users["focal_rinn"])
    page = client.get(reverse("monitoring:my-agency")).content.decode()
    assert "8.1.1.1" in page and "1.3.1" in page


def test_overdue_reports_are_flagged_on_every_dashboard(client, cycle, more_users, late):
    client.force_login(more_users["focal_in"])
    pages = [
        reverse("monitoring:my-agency"),
        reverse("monitoring:cycles"),
        cycle.get_absolute_url(),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "overdue" in html, url
    client.force_login(more_users["operator_analyst"])
    queue = client.get(reverse("monitoring:review-queue"))
    assert queue.context["late"].count() == cycle.submissions.filter(state="draft").count()
    assert "nav-flag" in queue.content.decode()


def test_nothing_is_flagged_before_the_due_date(client, cycle, more_users):
    client.force_login(more_users["focal_in"])
    assert "nav-flag" not in client.get(reverse("monitoring:cycles")).content.decode()


def test_the_report_page_shows_contributions_threads_and_history(client, platform, more_users):
    from hedef.monitoring.actions import ContributionSave

    ContributionSave(
        platform, actor=actor(more_users["focal_rinn"]), text="RİNN: giriş.", version=0
    ).execute()
    save(platform, more_users["focal_in"], submit=True)
    SubmissionReturn(
        platform, actor=actor(more_users["operator_analyst"]), comments={"narrative": "Sənəd?"}
    ).execute()
    client.force_login(more_users["focal_in"])
    response = client.get(platform.get_absolute_url())
    html = response.content.decode()
    assert "RİNN: giriş." in html and "Sənəd?" in html
    assert response.context["returned_labels"] == ["What was done"]
    assert [e.action for e in response.context["history"]][-1] == "submission.return"


def test_leadership_reads_accepted_reports_only(client, cycle, more_users):
    client.force_login(more_users["leadership"])
    page = client.get(cycle.get_absolute_url() + "?agency=in")
    assert page.context["reports"] == []


def test_the_demo_history_fills_every_screen(loaded_plans, users):
    from hedef.accounts.models import User
    from hedef.monitoring.demo import demo_reporting
    from hedef.monitoring.models import Submission

    for user in users.values():  # the demo's own user names
        User.objects.filter(pk=user.pk).update(
            username={"admin1": "operator", "analyst1": "analyst", "focal1": "focal-rinn",
                      "focal2": "focal-in", "leader1": "leader"}[user.username]
        )  # fmt: skip
    demo_reporting()
    states = set(Submission.objects.values_list("state", flat=True))
    assert {"draft", "submitted", "returned", "accepted"} <= states
    assert Submission.objects.filter(comments__field="narrative").exists()
    assert Submission.objects.filter(evidence__kind="pdf", state="accepted").exists()
    assert "nothing changed" in demo_reporting()
    assert Submission.objects.filter(
        measure__number="8.1.1.5",
        measure__version__strategy__code=ECONOMY,
        deviation_reason="funding",
    ).exists()


def test_a_refusal_says_why(client, platform, more_users):
    client.force_login(more_users["focal_rinn"])
    response = client.post(platform.get_absolute_url(), {"version": 1, "save": ""})
    assert response.status_code == 403
    assert "Only a focal person of İN may write this report." in response.content.decode()
