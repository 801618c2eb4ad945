"""The write paths outside the admin each leave an entry: what changed, before and after."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from hedef.accounts.models import Role, User
from hedef.agencies.models import Agency
from hedef.agencies.services import agency_registry_load
from hedef.core.actors import Actor, Channel
from hedef.core.audit import audit_history
from hedef.core.models import AuditEntry
from hedef.ingest.services import document_ingest, draft_accept, draft_correct, draft_discard
from hedef.plans.services import plan_import
from hedef.publishing.models import Feedback
from tests.fixtures import SAMPLE_DOCUMENTS_DIR

ECONOMY_FILE = "002_342d9e6260cb9729.txt"


def _last_entry_id():
    """The newest entry's id (ids are not renumbered between tests on PostgreSQL)."""
    return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _actions(obj):
    return [entry.action for entry in audit_history(obj)]


def test_loading_the_registry_records_each_agency_created_or_renamed(registry, tmp_path):
    """Unchanged agencies leave no entry; a renamed one its old and new name."""
    rinn = Agency.objects.get(code="rinn")
    registry_file = tmp_path / "agencies.yaml"
    registry_file.write_text(
        f"- code: rinn\n  acronym: {rinn.acronym}\n  name: Yeni ad\n"
        f"  name_en: {rinn.name_en}\n  name_ru: {rinn.name_ru}\n"
        "- code: new-body\n  acronym: YQ\n  name: Yeni qurum\n",
        "utf-8",
    )
    before = _last_entry_id()
    result = agency_registry_load(path=registry_file)
    assert (result.created, result.updated) == (1, 1)
    entries = list(AuditEntry.objects.filter(pk__gt=before))
    assert [(e.action, e.object_id) for e in entries] == [
        ("agency.update", str(rinn.pk)),
        ("agency.create", str(Agency.objects.get(code="new-body").pk)),
    ]
    assert entries[0].details["before"] == {"name": rinn.name}
    assert entries[0].details["after"] == {"name": "Yeni ad"}
    assert entries[0].details["channel"] == Channel.CLI
    assert entries[1].details["after"]["name"] == "Yeni qurum"
    agency_registry_load(path=registry_file)
    assert _last_entry_id() == entries[-1].pk  # loading it again changes nothing


def test_a_plan_import_records_the_version_and_how_its_acronyms_were_linked(
    registry, gold_plans, users
):
    plan = gold_plans["digital-economy-2026-2029"]
    actor = Actor(users["operator_analyst"], Channel.WEB, "plan.json (127.0.0.1)")
    outcome = plan_import(plan=plan, actor=actor, via="web")
    (entry,) = audit_history(outcome.version)
    assert entry.action == "plan.import" and entry.actor_id == users["operator_analyst"].pk
    after = entry.details["after"]
    assert after["strategy"] == plan.code and after["version"] == 1 and after["via"] == "web"
    assert after["measures"] == len(plan.measures)
    assert after["aliases"] == {
        alias.acronym: alias.agency.code if alias.agency else None
        for alias in outcome.version.aliases.all()
    }
    assert entry.details["before"] == {}
    assert outcome.version.imported_by == users["operator_analyst"]
    again = plan_import(plan=plan, actor=actor, via="web")
    assert again.unchanged and len(audit_history(outcome.version)) == 1


def test_the_import_command_is_recorded_as_the_command_line(registry, gold_plans):
    outcome = plan_import(plan=gold_plans["digital-economy-2026-2029"], via="cli")
    (entry,) = audit_history(outcome.version)
    assert entry.details["channel"] == Channel.CLI and entry.actor_id is None


@pytest.fixture
def economy_draft(registry, users):
    data = (SAMPLE_DOCUMENTS_DIR / ECONOMY_FILE).read_bytes()
    actor = Actor(users["operator_analyst"], Channel.WEB, ECONOMY_FILE)
    return document_ingest(data=data, file_name=ECONOMY_FILE, actor=actor).draft, actor


def test_reading_correcting_and_accepting_a_document_is_recorded(economy_draft):
    draft, actor = economy_draft
    draft = draft_correct(
        draft=draft, edits={"measures.0.lead": "RİNN"}, edit_version=1, actor=actor
    )
    outcome = draft_accept(draft=draft, edit_version=2, actor=actor)
    assert _actions(draft) == ["draft.ingest", "draft.correct", "draft.accept"]
    ingest, correct, accept = audit_history(draft)
    assert ingest.details["after"]["file_name"] == ECONOMY_FILE
    assert correct.details["after"]["edits"] == {"measures.0.lead": "RİNN"}
    assert accept.details["before"]["status"] == "pending"
    assert accept.details["after"]["status"] == "accepted"
    assert accept.details["after"]["version"] == outcome.version.number
    assert accept.actor_id == actor.user_id
    assert _actions(outcome.version) == ["plan.import"]


def test_discarding_a_document_is_recorded(economy_draft):
    draft, actor = economy_draft
    draft_discard(draft=draft, actor=actor)
    entry = audit_history(draft)[-1]
    assert entry.action == "draft.discard"
    assert (entry.details["before"], entry.details["after"]) == (
        {"status": "pending"},
        {"status": "discarded"},
    )


def test_moderating_a_comment_is_recorded(client, loaded_plans, users):
    feedback = Feedback.objects.create(
        subject="measure", strategy_code="x", number="1.1", text="Sual", sender_hash="0" * 64
    )
    client.force_login(users["operator_analyst"])
    response = client.post(
        reverse("publishing:moderation"),
        {"feedback": feedback.pk, "decision": "publish", "answer": "Cavab."},
    )
    assert response.status_code == 302
    (entry,) = audit_history(feedback)
    assert entry.action == "feedback.moderate" and entry.actor_id == users["operator_analyst"].pk
    assert entry.details["before"] == {"status": "pending", "answer": ""}
    assert entry.details["after"] == {"status": "published", "answer": "Cavab."}


def test_accepting_an_invitation_is_recorded_without_the_password(
    client, users, django_capture_on_commit_callbacks
):
    client.force_login(users["operator_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/invite/",
            {"email": "lale@example.org", "role": Role.LEADERSHIP},
        )
    link = re.search(r"http://testserver(/accounts/invitation/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    password = "Yaşıl-armud-2026"
    done = client.post(link, {"new_password1": password, "new_password2": password})
    assert done.status_code == 302
    user = User.objects.get(email="lale@example.org")
    assert _actions(user) == ["user.invite", "user.invitation_accept"]
    entry = audit_history(user)[-1]
    assert entry.actor_id == user.pk
    assert entry.details["before"] == {"is_active": False, "password": "[empty]"}
    assert entry.details["after"] == {"is_active": True, "password": "[changed]"}
    assert password not in entry.data
