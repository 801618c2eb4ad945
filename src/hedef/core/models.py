"""The audit log: append-only entries, each carrying the hash of the one before.

The hashed content of an entry is its indexed columns plus ``data``, the canonical
JSON of the rest (who by name, the channel and source, the state before and after).
Editing any of them, deleting an entry or moving one breaks the chain, and
``hedef audit verify`` says where. Rows are never updated or deleted by the
application: the model and its queryset refuse to.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from hedef.domain.core.audit_chain import ChainEntry, ChainHead


class AppendOnly(Exception):
    """Audit entries are written once and never changed or removed."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("audit entries cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit entries cannot be deleted")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True)  # a user id, kept if the user goes
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    data = models.TextField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["id"]
        # The table keeps the name it had when the log belonged to monitoring.
        db_table = "monitoring_auditentry"
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="monitoring__object__41aab2_idx")
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("audit entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnly("audit entries cannot be deleted")

    @property
    def details(self) -> dict[str, Any]:
        """The JSON part: ``actor``, ``channel``, ``source``, ``before``, ``after``."""
        details: dict[str, Any] = json.loads(self.data)
        return details

    def chain_payload(self) -> dict[str, Any]:
        """What the hash covers: every column but the hashes themselves."""
        return {
            **self.details,
            "at": self.at.astimezone(datetime.UTC).isoformat(),
            "actor_id": self.actor_id,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
        }

    def as_chain_entry(self) -> ChainEntry:
        return ChainEntry(self.pk, self.chain_payload(), self.prev_hash, self.hash)


class AuditHead(models.Model):
    """The last entry of the chain, locked while an entry is appended (one row).

    ``legacy_through`` is the last entry written before the chain was keyed (its
    entries are plain SHA-256), ``seal`` the keyed HMAC over the row's content.
    """

    last_id = models.BigIntegerField(null=True)
    last_hash = models.CharField(max_length=64)
    legacy_through = models.BigIntegerField(null=True, blank=True)
    seal = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        db_table = "monitoring_audithead"

    def __str__(self) -> str:
        return f"#{self.last_id} {self.last_hash[:12]}"

    def as_chain_head(self) -> ChainHead:
        return ChainHead(self.last_id, self.last_hash, self.legacy_through, self.seal)
