"""Writing to and checking the audit log (the hash chain itself is in the pure core)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from hedef.core.actors import Actor
from hedef.core.models import AuditEntry, AuditHead
from hedef.domain.core.audit_chain import (
    GENESIS,
    ChainProblem,
    canonical_json,
    entry_hash,
    verify_chain,
)


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
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditHead.objects.create(pk=1, last_id=None, last_hash=GENESIS)
        at = timezone.now()
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
            entry.hash = previous = entry_hash(previous, entry.chain_payload())
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries)
        last = entries[-1]
        if last.pk is None:  # a database that does not return ids from a bulk insert
            last = AuditEntry.objects.get(hash=last.hash)
        head.last_id, head.last_hash = last.pk, last.hash
        head.save(update_fields=["last_id", "last_hash"])
    return entries


def audit_head() -> tuple[int | None, str]:
    """The id and hash of the chain's last entry."""
    head = AuditHead.objects.filter(pk=1).first()
    return (head.last_id, head.last_hash) if head else (None, GENESIS)


@dataclass(frozen=True)
class AuditVerification:
    entries: int
    problems: list[ChainProblem]

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


def audit_verify() -> AuditVerification:
    """Check the whole chain, anchored at the head row and every registered anchor.

    An entry that no longer hashes to its anchor shows even when the entries after
    it were rewritten to match.
    """
    anchors: dict[int, str] = {}
    for source in _anchor_sources:
        anchors.update(source())
    head_id, head_hash = audit_head()
    if head_id is not None:
        anchors.setdefault(head_id, head_hash)
    entries = list(_entries())
    return AuditVerification(len(entries), verify_chain(entries, anchors))


def audit_history(obj: models.Model) -> list[AuditEntry]:
    """Every entry about ``obj``, oldest first."""
    return list(
        AuditEntry.objects.filter(object_type=obj._meta.model_name, object_id=str(obj.pk)).order_by(
            "id"
        )
    )
