"""Administration of monitoring: who reports which indicator; read-only views of the rest.

Reports, cycles and tokens change only through their pages (so every change is
audited); who reports an indicator changes here, and each change is
an audit entry too; audit entries never change at all.
"""

from __future__ import annotations

from django.contrib import admin

from hedef.core.admin import AuditedAdmin, ReadOnlyAdmin
from hedef.monitoring.models import AgencyToken, IndicatorReporter, ReportingCycle, Submission


@admin.register(IndicatorReporter)
class IndicatorReporterAdmin(AuditedAdmin):
    list_display = ["strategy", "indicator_number", "agency"]
    list_filter = ["strategy", "agency"]
    autocomplete_fields = ["agency"]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(ReadOnlyAdmin):
    list_display = ["label", "kind", "period_start", "period_end", "due_date", "state"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "agency", "state", "version", "updated_at", "updated_by"]
    list_filter = ["cycle", "state", "agency"]


@admin.register(AgencyToken)
class AgencyTokenAdmin(ReadOnlyAdmin):
    list_display = ["prefix", "agency", "label", "created_at", "last_used_at", "revoked_at"]
    exclude = ["token_hash"]
