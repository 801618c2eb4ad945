"""The review workflow through the actions: every step, allowed and refused."""

import datetime

import pytest

from hedef.core.models import AuditEntry
from hedef.domain.monitoring.submissions import (
    ChangeNotAllowed,
    DeviationReason,
    ProgressStatus,
    RiskLevel,
)
from hedef.monitoring.actions import (
    CommentAdd,
    CyclePublish,
    SubmissionAccept,
    SubmissionReturn,
    SubmissionSave,
)
from hedef.monitoring.errors import CycleClosed, NotPossible, SubmissionInvalid, SubmissionLocked
from hedef.monitoring.models import Submission
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import actor, complete_content, report, save


def state(submission):
    submission.refresh_from_db()
    return submission.state


@pytest.fixture
def people(more_users):
    return more_users


def test_a_draft_is_saved_and_versioned(platform, people):
    assert (platform.state, platform.version) == ("draft", 1)
    saved = save(platform, people["focal_in"])
    assert (saved.state, saved.version, saved.updated_by) == ("draft", 2, "focal2")


def test_saving_unchanged_content_changes_nothing(platform, people):
    save(platform, people["focal_in"])
    entries = AuditEntry.objects.count()
    assert save(platform, people["focal_in"]).version == 2
    assert AuditEntry.objects.count() == entries


def test_a_draft_is_submitted_and_then_locked(platform, people):
    assert save(platform, people["focal_in"], submit=True).state == "submitted"
    with pytest.raises(SubmissionLocked) as caught:
        save(platform, people["focal_in"], narrative="dəyişiklik")
    assert caught.value.code == "report_locked"


def test_an_incomplete_report_cannot_be_submitted(platform, people):
    with pytest.raises(SubmissionInvalid) as caught:
        save(platform, people["focal_in"], submit=True, narrative="", stage=None)
    assert {i.field for i in caught.value.issues} == {"narrative", "stage"}
    assert state(platform) == "draft"


def test_a_delayed_measure_needs_a_structured_deviation(platform, people):
    delayed = {"progress_status": ProgressStatus.DELAYED}
    with pytest.raises(SubmissionInvalid) as caught:
        save(platform, people["focal_in"], submit=True, **delayed)
    assert [i.code for i in caught.value.issues] == ["deviation_required"]
    save(
        platform,
        people["focal_in"],
        submit=True,
        **delayed,
        deviation_reason=DeviationReason.PROCUREMENT,
        deviation_risk=RiskLevel.MEDIUM,
        corrective_action="Tender yenidən elan edilir.",
        expected_date=datetime.date(2026, 12, 31),
    )
    platform.refresh_from_db()
    assert (platform.state, platform.deviation_reason) == ("submitted", "procurement")


def test_target_values_are_stored_and_unknown_targets_refused(platform, people):
    first, second = platform.measure.targets.all()
    save(platform, people["focal_in"], target_values={first.pk: 12.0, second.pk: None})
    assert {v.target_id: v.value for v in platform.values.all()} == {first.pk: 12.0}
    with pytest.raises(SubmissionInvalid) as caught:
        save(platform, people["focal_in"], target_values={999999: 1.0})
    assert caught.value.issues[0].code == "unknown_target"


def test_accept_then_publish(platform, people):
    save(platform, people["focal_in"], submit=True)
    SubmissionAccept(platform, actor=actor(people["operator_analyst"])).execute()
    assert state(platform) == "accepted"
    cycle = CyclePublish(platform.cycle, actor=actor(people["operator_admin"])).execute()
    assert state(platform) == "published" and cycle.state == "published"
    last = AuditEntry.objects.order_by("-id").first()
    assert (cycle.published_head_id, cycle.published_head_hash) == (last.pk, last.hash)
    assert last.action == "cycle.publish"


def test_a_published_cycle_refuses_every_change(platform, people):
    CyclePublish(platform.cycle, actor=actor(people["operator_admin"])).execute()
    other = report(platform.cycle, ECONOMY, "8.1.1.3")
    with pytest.raises(CycleClosed):
        save(other, people["focal_in"])
    with pytest.raises(CycleClosed):
        CyclePublish(platform.cycle, actor=actor(people["operator_admin"])).execute()


def test_publishing_waits_for_every_review(platform, people):
    save(platform, people["focal_in"], submit=True)
    with pytest.raises(NotPossible) as caught:
        CyclePublish(platform.cycle, actor=actor(people["operator_admin"])).execute()
    assert caught.value.code == "awaiting_review"
    assert state(platform) == "submitted"


# (the report's state, the reviewer's step, allowed?)
REVIEW_STEPS = [
    ("draft", "accept", False),
    ("draft", "return", False),
    ("submitted", "accept", True),
    ("submitted", "return", True),
    ("accepted", "accept", False),
    ("accepted", "return", False),
    ("returned", "accept", False),
    ("returned", "return", False),
]


@pytest.mark.parametrize(("start", "step", "allowed"), REVIEW_STEPS)
def test_review_steps(platform, people, start, step, allowed):
    Submission.objects.filter(pk=platform.pk).update(state=start)
    reviewer = actor(people["operator_analyst"])
    action = (
        SubmissionAccept(platform, actor=reviewer)
        if step == "accept"
        else SubmissionReturn(platform, actor=reviewer, comments={"": "Düzəldin."})
    )
    if allowed:
        action.execute()
        assert state(platform) == {"accept": "accepted", "return": "returned"}[step]
    else:
        with pytest.raises(NotPossible) as caught:
            action.execute()
        assert caught.value.code == "invalid_transition"
        assert state(platform) == start


def test_a_return_needs_a_comment(platform, people):
    save(platform, people["focal_in"], submit=True)
    with pytest.raises(NotPossible) as caught:
        SubmissionReturn(
            platform, actor=actor(people["operator_analyst"]), comments={"": " "}
        ).execute()
    assert caught.value.code == "comment_required"


def test_returning_one_field_reopens_only_that_field(platform, people):
    save(platform, people["focal_in"], submit=True)
    SubmissionReturn(
        platform,
        actor=actor(people["operator_analyst"]),
        comments={"narrative": "Hansı sənəd təsdiq edib?"},
    ).execute()
    platform.refresh_from_db()
    assert (platform.state, platform.returned_fields) == ("returned", ["narrative"])
    with pytest.raises(ChangeNotAllowed) as caught:
        save(platform, people["focal_in"], percent_complete=40.0)
    assert caught.value.params == {"field": "percent_complete"}
    corrected = save(platform, people["focal_in"], submit=True, narrative="Nazirlik əmri ilə.")
    assert (corrected.state, corrected.returned_fields) == ("submitted", [])


def test_returning_the_whole_report_reopens_everything(platform, people):
    save(platform, people["focal_in"], submit=True)
    SubmissionReturn(
        platform, actor=actor(people["operator_analyst"]), comments={"": "Hamısını yeniləyin."}
    ).execute()
    assert save(platform, people["focal_in"], percent_complete=45.0).state == "returned"


def test_review_threads_collect_replies_per_field(platform, people):
    save(platform, people["focal_in"], submit=True)
    SubmissionReturn(
        platform, actor=actor(people["operator_analyst"]), comments={"narrative": "Sənəd?"}
    ).execute()
    CommentAdd(
        platform, actor=actor(people["focal_in"]), field="narrative", text="Əmr № 12."
    ).execute()
    thread = [c.text for c in platform.comments.filter(field="narrative")]
    assert thread == ["Sənəd?", "Əmr № 12."]
    with pytest.raises(NotPossible):
        CommentAdd(platform, actor=actor(people["focal_in"]), field="nope", text="x").execute()


def test_the_page_saves_then_submits(client, platform, people):
    from tests.helpers.monitoring import form_data

    client.force_login(people["focal_in"])
    url = platform.get_absolute_url()
    assert client.post(url, form_data(platform, **{"save": ""})).status_code == 302
    platform.refresh_from_db()
    response = client.post(url, form_data(platform, submit=""))
    assert response.status_code == 302 and state(platform) == "submitted"
    platform.refresh_from_db()
    locked = client.post(url, form_data(platform, narrative="yenə"))
    assert locked.status_code == 400
    assert locked.context["form"].non_field_errors() == [
        "This report was submitted and is locked until the reviewer returns it; nothing was saved."
    ]


def test_the_page_names_each_field_at_fault(client, platform, people):
    from tests.helpers.monitoring import form_data

    client.force_login(people["focal_in"])
    response = client.post(
        platform.get_absolute_url(),
        form_data(platform, submit="", progress_status="completed", percent_complete="80"),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["percent_complete"] == ["A completed measure is 100% complete, not 80.0%."]


def test_a_returned_report_shows_locked_fields_disabled(client, platform, people):
    save(platform, people["focal_in"], submit=True)
    SubmissionReturn(
        platform, actor=actor(people["operator_analyst"]), comments={"narrative": "Sənəd?"}
    ).execute()
    client.force_login(people["focal_in"])
    form = client.get(platform.get_absolute_url()).context["form"]
    assert not form.fields["narrative"].disabled
    assert form.fields["percent_complete"].disabled and form.fields["stage"].disabled


def test_saving_as_draft_accepts_partial_content(platform, people):
    partial = complete_content(narrative="", stage=None, percent_complete=None)
    platform.refresh_from_db()
    saved = SubmissionSave(
        platform, actor=actor(people["focal_in"]), content=partial, version=platform.version
    ).execute()
    assert saved.version == 2 and saved.stage == ""


def test_publishing_from_the_page_needs_the_confirmation(client, platform, people):
    client.force_login(people["operator_analyst"])
    url = f"/reporting/cycles/{platform.cycle_id}/publish/"
    client.post(url)
    platform.cycle.refresh_from_db()
    assert platform.cycle.state == "open"
    client.post(url, {"confirm": "yes"})
    platform.cycle.refresh_from_db()
    assert platform.cycle.state == "published"


def test_the_date_picker_shows_the_stored_date(client, platform, people):
    save(platform, people["focal_in"], expected_date=datetime.date(2027, 3, 31))
    client.force_login(people["focal_in"])
    html = client.get(platform.get_absolute_url()).content.decode()
    assert 'type="date" name="expected_date" value="2027-03-31"' in html
