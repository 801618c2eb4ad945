from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hedef.core.admin import AuditedAdmin, admin_actor
from hedef.plans.models import AgencyAlias, PlanVersion, Strategy
from hedef.plans.services import alias_link


@admin.register(AgencyAlias)
class AgencyAliasAdmin(AuditedAdmin):
    list_display = ["acronym", "name_in_document", "agency", "listed", "version"]
    list_filter = ["listed", ("agency", admin.EmptyFieldListFilter), "version__strategy"]
    search_fields = ["acronym", "name_in_document"]
    autocomplete_fields = ["agency"]
    readonly_fields = ["version", "acronym", "name_in_document", "listed"]

    def has_add_permission(self, request):
        return False  # aliases come from documents

    def has_delete_permission(self, request, obj=None):
        return False  # deleting one would delete the measure executors that name it

    def save_audited(self, request, obj, form, change):
        if "agency" in form.changed_data and obj.agency is not None:
            # Also relinks the measures that use it, and records the link.
            alias_link(alias=obj, agency=obj.agency, actor=admin_actor(request))
            self.audited_elsewhere(request, obj)
        else:
            super().save_audited(request, obj, form, change)


class PlanVersionInline(admin.TabularInline):
    model = PlanVersion
    fields = ["number", "title", "version_label", "source_file_name", "imported_at", "imported_via"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Strategy)
class StrategyAdmin(AuditedAdmin):
    list_display = ["code", "__str__", "created_at"]
    readonly_fields = ["code", "current_version", "created_at"]
    inlines = [PlanVersionInline]
    search_fields = ["code", "versions__title"]

    def has_add_permission(self, request):
        return False  # strategies are loaded from documents or plan files

    def has_delete_permission(self, request, obj=None):
        return False  # a strategy's versions and reports are its history

    @admin.display(description=_("title"))
    def title(self, obj):
        return str(obj)
