"""The audit log in the admin: read-only, like everywhere else."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hedef.core.models import AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
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
