from django.contrib import admin

from hedef.core.admin import AuditedAdmin
from hedef.ingest.models import ReviewDraft


@admin.register(ReviewDraft)
class ReviewDraftAdmin(AuditedAdmin):
    list_display = ["file_name", "status", "uploaded_by", "uploaded_at", "accepted_version"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ReviewDraft._meta.fields]

    def has_add_permission(self, request):
        return False
