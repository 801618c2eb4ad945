"""Every change made in the admin is an audit entry; the audit log itself is read-only there.

Every registered admin derives from :class:`AuditedAdmin`: an add, a change (the
form, the change list's editable columns, the password page) and a delete, one by
one or as a bulk action, records who changed which fields from what to what.
Secrets (passwords, authenticator secrets) are never written to the log: an entry
says that they changed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpRequest

from hedef.core.actors import Actor, Channel
from hedef.core.audit import AuditRecord, audit_record, audit_record_many
from hedef.core.changes import (
    SECRET_CHANGED,
    SECRET_EMPTY,
    SECRET_SET,
    field_values,
    secret_values,
    values_diff,
)
from hedef.core.models import AuditEntry


def admin_actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, Channel.WEB, "admin")


class AuditedAdmin(admin.ModelAdmin):
    """A model admin whose every write leaves an audit entry (``admin.add``/``change``/``delete``).

    ``save_model`` remembers the row as it was stored; ``save_related`` (which the
    admin calls after it, also for the change list's editable columns) records the
    entry once the many-to-many fields are saved too. A subclass whose save goes
    through an audited service overrides ``save_audited`` and calls
    ``audited_elsewhere`` so that no second entry is written.
    """

    def _pending(self, request: HttpRequest) -> dict[tuple[str, Any], Any]:
        pending: dict[tuple[str, Any], Any] = request.__dict__.setdefault("_hedef_admin_audit", {})
        return pending

    def audited_elsewhere(self, request: HttpRequest, obj: models.Model) -> None:
        """The save of ``obj`` was recorded by the service that made it."""
        self._pending(request)[(obj._meta.label, obj.pk)] = None

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        before = (field_values(stored), secret_values(stored)) if stored is not None else ({}, {})
        self.save_audited(request, obj, form, change)
        key = (obj._meta.label, obj.pk)
        pending = self._pending(request)
        if key not in pending:  # not already recorded by a service
            pending[key] = (before, change)

    def save_audited(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """The save itself; a subclass routes it through a service here."""
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        obj = form.instance
        self._record_save(request, obj)

    def _record_save(self, request: HttpRequest, obj: Any) -> None:
        pending = self._pending(request).pop((obj._meta.label, obj.pk), None)
        if pending is None:
            return
        (before, before_secrets), change = pending
        after = field_values(obj)
        if not change:
            audit_record(actor=admin_actor(request), action="admin.add", obj=obj, after=after)
            return
        secrets = {k for k, v in secret_values(obj).items() if before_secrets.get(k) != v}
        old, new = values_diff(before, after, secrets)
        if old or new:
            audit_record(
                actor=admin_actor(request), action="admin.change", obj=obj, before=old, after=new
            )

    def record_password_change(self, request: HttpRequest, obj: Any, before: str) -> None:
        if obj.password != before:
            audit_record(
                actor=admin_actor(request),
                action="admin.change",
                obj=obj,
                before={"password": SECRET_SET if before else SECRET_EMPTY},
                after={"password": SECRET_CHANGED},
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            record = ("admin.delete", obj, field_values(obj), None)
            pk = obj.pk
            super().delete_model(request, obj)
            obj.pk = pk  # the entry names the row that was deleted
            audit_record_many(actor=admin_actor(request), records=[record])

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            records: list[AuditRecord] = []
            for obj in queryset:
                records.append(("admin.delete", obj, field_values(obj), None))
            super().delete_queryset(request, queryset)
            if records:
                audit_record_many(actor=admin_actor(request), records=records)


class ReadOnlyAdmin(AuditedAdmin):
    """An admin page that shows rows and changes none: they change through audited actions."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "action", "object_type", "object_id", "hash"]
    list_filter = ["action", "object_type"]
