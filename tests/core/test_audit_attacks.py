"""Four ways to rewrite the audit log unnoticed by an unkeyed chain, each reported.

The attacker here has the database (any SQL) but neither the chain's key nor the
witness file. Each test states what the database alone still shows and what only
the witness shows, as the README's "what the chain proves" section says.
"""

import json

import pytest
from django.core import mail
from django.db import connection
from typer.testing import CliRunner

from hedef.cli import app
from hedef.core.audit import audit_record, audit_verify
from hedef.core.models import AuditEntry, AuditHead
from hedef.domain.core.audit_chain import entry_hash
from hedef.domain.core.audit_witness import parse_witness
from hedef.monitoring.actions import CyclePublish, SubmissionAccept
from hedef.monitoring.models import ReportingCycle
from tests.helpers.monitoring import actor, save

runner = CliRunner()
ENTRIES = AuditEntry._meta.db_table
HEAD = AuditHead._meta.db_table
CYCLES = ReportingCycle._meta.db_table


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def witness(settings, tmp_path):
    path = tmp_path / "witness.log"
    settings.HEDEF_AUDIT_WITNESS_FILE = str(path)
    settings.HEDEF_AUDIT_WITNESS_EMAIL = "audit-witness@example.org"
    return path


@pytest.fixture
def published(platform, more_users, witness, django_capture_on_commit_callbacks):
    """A report saved, submitted, accepted and its cycle published; three entries after."""
    save(platform, more_users["focal_in"], narrative="Bir.")
    save(platform, more_users["focal_in"], submit=True, narrative="İki.")
    SubmissionAccept(platform, actor=actor(more_users["operator_analyst"])).execute()
    with django_capture_on_commit_callbacks(execute=True):
        cycle = CyclePublish(platform.cycle, actor=actor(more_users["operator_admin"])).execute()
    for number in range(3):
        audit_record(
            actor=actor(more_users["operator_admin"]),
            action="cycle.note",
            obj=cycle,
            after={"note": number},
        )
    return cycle


def verify_with_witness(path):
    """The exit code and the output with the console's line wrapping undone."""
    outcome = runner.invoke(app, ["audit", "verify", "--witness", str(path)])
    return outcome.exit_code, " ".join(outcome.output.split())


def kinds(result):
    return {p.kind.value for p in result.problems}


def test_a_publication_sends_its_head_to_the_witness_file_and_mailbox(published, witness):
    (mark,) = parse_witness(witness.read_text(encoding="utf-8"), source="witness")
    assert (mark.entry, mark.hash) == (published.published_head_id, published.published_head_hash)
    assert mark.cycle == "2026-i-yarimil"
    (message,) = mail.outbox
    assert message.to == ["audit-witness@example.org"]
    assert json.loads(message.body.strip().splitlines()[-1])["hash"] == mark.hash
    assert verify_with_witness(witness) == (
        0,
        f"audit log intact: {AuditEntry.objects.count()} entries (1 witnessed heads match)",
    )


def test_cutting_the_tail_and_rewriting_the_head_row_is_reported(published, witness):
    keep = AuditEntry.objects.filter(id__lt=published.published_head_id).last()
    sql(f"DELETE FROM {ENTRIES} WHERE id > %s", [keep.pk])
    sql(f"UPDATE {HEAD} SET last_id = %s, last_hash = %s", [keep.pk, keep.hash])
    sql(f"UPDATE {CYCLES} SET published_head_id = NULL, published_head_hash = ''")
    assert kinds(audit_verify()) == {"head"}  # the seal needs the key
    code, output = verify_with_witness(witness)
    assert code == 1
    assert f"witness [{published.published_head_id}]" in output and "head [" in output


def test_deleting_everything_after_the_last_publication_is_reported(published, witness):
    sql(f"DELETE FROM {ENTRIES} WHERE id > %s", [published.published_head_id])
    sql(
        f"UPDATE {HEAD} SET last_id = %s, last_hash = %s",
        [published.published_head_id, published.published_head_hash],
    )
    assert kinds(audit_verify()) == {"head"}
    code, output = verify_with_witness(witness)
    assert code == 1 and "The record of the chain's head was rewritten" in output


def test_restoring_an_old_copy_of_the_head_row_shows_against_a_checkpoint(published, witness):
    """A copy of the head row taken earlier carries a valid seal: only the witness
    knows the log was longer, once a checkpoint has sent a later head."""
    old = AuditHead.objects.values_list("last_id", "last_hash", "seal").get()
    audit_record(actor=actor(published.published_by), action="cycle.note", obj=published)
    assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 0
    sql(f"DELETE FROM {ENTRIES} WHERE id > %s", [old[0]])
    sql(f"UPDATE {HEAD} SET last_id = %s, last_hash = %s, seal = %s", list(old))
    assert audit_verify().intact  # the database alone cannot tell
    code, output = verify_with_witness(witness)
    assert code == 1 and "is missing from the log" in output


def test_deleting_the_whole_log_with_its_anchors_is_reported(published, witness):
    sql(f"DELETE FROM {ENTRIES}")
    sql(f"DELETE FROM {HEAD}")
    sql(f"UPDATE {CYCLES} SET published_head_id = NULL, published_head_hash = ''")
    assert audit_verify().intact  # nothing left in the database to contradict
    code, output = verify_with_witness(witness)
    assert code == 1
    assert f"witness [{published.published_head_id}]" in output
    assert f"broken at entries {published.published_head_id}" in output


def test_an_edit_with_every_following_hash_recomputed_is_reported(published, witness):
    """The attacker redoes the plain SHA-256 chain, the head row and the cycle's anchor."""
    entries = list(AuditEntry.objects.order_by("id"))
    target = next(e for e in entries if "Bir." in e.data)
    previous = None
    for entry in entries:
        if entry.pk < target.pk:
            previous = entry.hash
            continue
        data = entry.data.replace("Bir.", "Beş.") if entry.pk == target.pk else entry.data
        entry.data = data
        digest = entry_hash(previous, entry.chain_payload(), None)
        sql(
            f"UPDATE {ENTRIES} SET data = %s, prev_hash = %s, hash = %s WHERE id = %s",
            [data, previous, digest, entry.pk],
        )
        if entry.pk == published.published_head_id:
            sql(f"UPDATE {CYCLES} SET published_head_hash = %s", [digest])
        previous = digest
    sql(f"UPDATE {HEAD} SET last_hash = %s", [previous])
    result = audit_verify()
    assert "edited" in kinds(result)
    assert target.pk in {i for p in result.problems for i in p.entry_ids}
    code, output = verify_with_witness(witness)
    assert code == 1 and f"edited [{target.pk}]" in output and "witness [" in output


def test_a_checkpoint_without_a_witness_configured_fails(published, settings):
    settings.HEDEF_AUDIT_WITNESS_FILE = settings.HEDEF_AUDIT_WITNESS_EMAIL = ""
    outcome = runner.invoke(app, ["audit", "checkpoint"])
    assert outcome.exit_code == 1 and "no witness configured" in outcome.output


def test_an_unreadable_witness_file_is_named_with_its_line(published, witness):
    witness.write_text(witness.read_text(encoding="utf-8") + "garbage\n", encoding="utf-8")
    code, output = verify_with_witness(witness)
    assert code == 1 and "witness.log, line 2" in output


def test_verify_says_how_many_entries_predate_the_keyed_chain(published):
    """A log upgraded from the unkeyed chain: its old entries are checked unkeyed."""
    from hedef.core.audit import audit_key
    from hedef.domain.core.audit_chain import GENESIS, head_seal

    entries = list(AuditEntry.objects.order_by("id"))
    previous = GENESIS
    for entry in entries[:3]:
        digest = entry_hash(previous, entry.chain_payload(), None)
        sql(
            f"UPDATE {ENTRIES} SET prev_hash = %s, hash = %s WHERE id = %s",
            [previous, digest, entry.pk],
        )
        previous = digest
    assert "edited" in kinds(audit_verify())  # keyed entry 4 no longer follows
    # the upgrade: the legacy boundary and the seal the migration writes
    boundary = entries[2].pk
    sql(f"DELETE FROM {ENTRIES} WHERE id > %s", [boundary])
    seal = head_seal(audit_key(), boundary, previous, boundary)
    sql(
        f"UPDATE {HEAD} SET last_id = %s, last_hash = %s, legacy_through = %s, seal = %s",
        [boundary, previous, boundary, seal],
    )
    sql(f"UPDATE {CYCLES} SET published_head_id = NULL, published_head_hash = ''")
    audit_record(actor=actor(published.published_by), action="cycle.note", obj=published)
    outcome = runner.invoke(app, ["audit", "verify"])
    assert outcome.exit_code == 0, outcome.output
    assert "(3 written before the chain was keyed)" in outcome.output
