"""The audit trail: every change recorded; an edited, deleted or reordered entry is found."""

import pytest
from django.db import connection
from typer.testing import CliRunner

from hedef.cli import app
from hedef.core.audit import audit_verify
from hedef.core.models import AppendOnly, AuditEntry
from hedef.monitoring.actions import CyclePublish, SubmissionAccept
from tests.helpers.monitoring import actor, save

runner = CliRunner()


def raw(sql, params=()):
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


@pytest.fixture
def history(platform, more_users):
    """A few saves, a submission and an acceptance: a chain of some length."""
    save(platform, more_users["focal_in"], narrative="Bir.")
    save(platform, more_users["focal_in"], narrative="İki.")
    save(platform, more_users["focal_in"], submit=True, narrative="Üç.")
    SubmissionAccept(platform, actor=actor(more_users["operator_analyst"])).execute()
    return list(AuditEntry.objects.order_by("id"))


def test_every_change_is_recorded_with_who_where_before_and_after(history, platform):
    entries = [
        e for e in history if e.object_type == "submission" and e.object_id == str(platform.pk)
    ]
    assert [e.action for e in entries] == [
        "submission.create",
        "submission.save",
        "submission.save",
        "submission.submit",
        "submission.accept",
    ]
    second = entries[2].details
    assert (second["actor"], second["channel"]) == ("focal2", "web")
    assert second["before"]["narrative"] == "Bir." and second["after"]["narrative"] == "İki."
    assert second["before"]["version"] == 2 and second["after"]["version"] == 3


def test_an_untouched_chain_verifies(history):
    result = audit_verify()
    assert result.intact and result.entries == len(history)
    outcome = runner.invoke(app, ["audit", "verify"])
    assert outcome.exit_code == 0 and "intact" in outcome.output


def problems(result):
    return [(p.kind.value, p.entry_ids) for p in result.problems]


def test_an_edited_entry_is_reported(history):
    target = history[-2]  # the submission, whose narrative was "Üç."
    raw("UPDATE {table} SET data = REPLACE(data, 'Üç.', 'Dörd.') WHERE id = %s", [target.pk])
    assert problems(audit_verify()) == [("edited", (target.pk,))]
    outcome = runner.invoke(app, ["audit", "verify"])
    assert outcome.exit_code == 1
    assert f"entries {target.pk}" in outcome.output


def test_an_edited_column_is_reported(history):
    target = history[-3]
    raw("UPDATE {table} SET actor_id = NULL WHERE id = %s", [target.pk])
    assert problems(audit_verify()) == [("edited", (target.pk,))]


def test_a_deleted_entry_is_reported(history):
    gone, after = history[-4], history[-3]
    raw("DELETE FROM {table} WHERE id = %s", [gone.pk])
    assert problems(audit_verify()) == [("missing", (after.pk,))]
    outcome = runner.invoke(app, ["audit", "verify"])
    assert outcome.exit_code == 1 and str(after.pk) in outcome.output


def test_reordered_entries_are_reported(history):
    a, b = history[-3], history[-2]
    columns = "at, actor_id, action, object_type, object_id, data, prev_hash, hash"
    raw("DELETE FROM {table} WHERE id IN (%s, %s)", [a.pk, b.pk])
    for new_id, entry in ((a.pk, b), (b.pk, a)):
        raw(
            "INSERT INTO {table} (id, " + columns + ") VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [new_id, entry.at, entry.actor_id, entry.action, entry.object_type,
             entry.object_id, entry.data, entry.prev_hash, entry.hash],
        )  # fmt: skip
    assert problems(audit_verify()) == [("reordered", (a.pk, b.pk))]


def test_a_cut_off_tail_shows_against_the_published_head(platform, more_users):
    cycle = CyclePublish(platform.cycle, actor=actor(more_users["operator_admin"])).execute()
    raw("DELETE FROM {table} WHERE id >= %s", [cycle.published_head_id - 1])
    kinds = {kind for kind, _ids in problems(audit_verify())}
    assert kinds == {"anchor"}


def test_the_application_cannot_change_or_delete_entries(history):
    entry = history[0]
    entry.action = "forged"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()


def test_the_audit_page_verifies_for_operators(client, history, more_users):
    client.force_login(more_users["operator_analyst"])
    response = client.get("/reporting/audit/?verify=1")
    assert response.context["verification"].intact


def test_without_a_configured_key_one_is_generated_once_into_the_data_dir(settings, tmp_path):
    from hedef.core.audit import audit_key

    settings.HEDEF_AUDIT_KEY, settings.DATA_DIR = "", tmp_path / "data"
    first = audit_key()
    assert audit_key() == first and len(first) == 64
    assert (tmp_path / "data" / "audit.key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("key", "errors"), [("a configured key", []), ("", ["hedef.E001"])])
def test_the_deployment_check_requires_a_configured_audit_key(settings, key, errors):
    from hedef.core.checks import audit_key_configured

    settings.HEDEF_AUDIT_KEY = key
    assert [error.id for error in audit_key_configured()] == errors
