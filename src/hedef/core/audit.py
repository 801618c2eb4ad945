"""Writing to and checking the audit log (the hash chain itself is in the pure core).

The chain's HMAC key comes from ``HEDEF_AUDIT_KEY`` and is never stored in the
database; without it (development, the demo) a key is generated once into the data
directory, next to the database but not in it. ``manage.py check --deploy`` fails
while the key is not configured.
"""

from __future__ import annotations

import datetime
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from hedef.core.actors import Actor
from hedef.core.models import AuditEntry, AuditHead
from hedef.domain.core.audit_chain import (
    GENESIS,
    ChainProblem,
    canonical_json,
    entry_hash,
    head_seal,
    verify_chain,
    verify_head,
)
from hedef.domain.core.audit_witness import WitnessMark, check_witness

KEY_FILE = "audit.key"  # in the data directory, when HEDEF_AUDIT_KEY is not set


def audit_key() -> bytes:
    """The chain's HMAC key: ``HEDEF_AUDIT_KEY``, else the data directory's generated key."""
    configured: str = settings.HEDEF_AUDIT_KEY
    if configured:
        return configured.encode("utf-8")
    path = Path(settings.DATA_DIR) / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first
        else:
            with os.fdopen(descriptor, "w", encoding="ascii") as file:
                file.write(secrets.token_hex(32) + "\n")
    return path.read_text(encoding="ascii").strip().encode("utf-8")


def audit_time(moment: datetime.datetime) -> datetime.datetime:
    """``moment`` cut to whole milliseconds, the precision every copy of the log keeps.

    Django's JSON serializer (``dumpdata``) keeps milliseconds only; an entry whose
    stored time has no finer part hashes the same after any dump and load.
    """
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def json_value(value: Any) -> Any:
    """A model value as JSON can carry it (dates as ISO text)."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


AuditRecord = tuple[str, models.Model, dict[str, Any] | None, dict[str, Any] | None]


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction."""
    return audit_record_many(actor=actor, records=[(action, obj, before, after)])[-1]


def audit_record_many(*, actor: Actor, records: Sequence[AuditRecord]) -> list[AuditEntry]:
    """Append entries (action, object, before, after) to the chain, in order, in one go.

    The head row is locked until the transaction ends, so concurrent writers append
    one after the other and the chain never forks.
    """
    key = audit_key()
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditHead.objects.create(pk=1, last_id=None, last_hash=GENESIS)
        at = audit_time(timezone.now())
        previous = head.last_hash
        entries = []
        for action, obj, before, after in records:
            entry = AuditEntry(
                at=at,
                actor_id=actor.user_id,
                action=action,
                object_type=obj._meta.model_name or "",
                object_id=str(obj.pk),
                data=canonical_json(
                    {
                        "actor": actor.name,
                        "channel": str(actor.channel),
                        "source": actor.source,
                        "before": {k: json_value(v) for k, v in (before or {}).items()},
                        "after": {k: json_value(v) for k, v in (after or {}).items()},
                    }
                ),
                prev_hash=previous,
            )
            entry.hash = previous = entry_hash(previous, entry.chain_payload(), key)
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries)
        last = entries[-1]
        if last.pk is None:  # a database that does not return ids from a bulk insert
            last = AuditEntry.objects.get(hash=last.hash)
        head.last_id, head.last_hash = last.pk, last.hash
        head.seal = head_seal(key, head.last_id, head.last_hash, head.legacy_through)
        head.save(update_fields=["last_id", "last_hash", "seal"])
    return entries


def audit_head() -> tuple[int | None, str]:
    """The id and hash of the chain's last entry."""
    head = AuditHead.objects.filter(pk=1).first()
    return (head.last_id, head.last_hash) if head else (None, GENESIS)


@dataclass(frozen=True)
class AuditVerification:
    """``entries`` checked, of which ``legacy`` predate the keyed chain; ``witnessed`` heads."""

    entries: int
    problems: list[ChainProblem]
    legacy: int = 0
    witnessed: int = 0

    @property
    def intact(self) -> bool:
        return not self.problems


def _entries() -> Iterator[Any]:
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        yield entry.as_chain_entry()


AnchorSource = Callable[[], Mapping[int, str]]
_anchor_sources: list[AnchorSource] = []


def anchor_source_register(source: AnchorSource) -> None:
    """Have :func:`audit_verify` also check the heads ``source`` returns (entry id -> hash).

    An app that records the chain's head somewhere of its own (a published cycle
    keeps the head at its publication) registers here in its ``ready()``, so the
    log depends on no capability while every anchor is checked.
    """
    if source not in _anchor_sources:
        _anchor_sources.append(source)


def audit_verify(witness: Iterable[WitnessMark] = ()) -> AuditVerification:
    """Check the whole chain, anchored at the sealed head, every registered anchor
    and every head in ``witness`` (read from the witness file).

    An entry that no longer hashes to its anchor shows even when the entries after
    it were rewritten to match.
    """
    key = audit_key()
    marks = list(witness)
    anchors: dict[int, str] = {}
    for source in _anchor_sources:
        anchors.update(source())
    row = AuditHead.objects.filter(pk=1).first()
    head = row.as_chain_head() if row else None
    if head is not None and head.last_id is not None:
        anchors.setdefault(head.last_id, head.last_hash)
    entries = list(_entries())
    legacy_through = head.legacy_through if head else None
    problems = verify_chain(entries, anchors, key=key, legacy_through=legacy_through)
    problems += verify_head(head, entries[-1] if entries else None, key=key)
    problems += check_witness({entry.id: entry.hash for entry in entries}, marks)
    legacy = sum(1 for e in entries if legacy_through is not None and e.id <= legacy_through)
    return AuditVerification(len(entries), problems, legacy=legacy, witnessed=len(marks))


def audit_history(obj: models.Model) -> list[AuditEntry]:
    """Every entry about ``obj``, oldest first."""
    return list(
        AuditEntry.objects.filter(object_type=obj._meta.model_name, object_id=str(obj.pk)).order_by(
            "id"
        )
    )
