from django.contrib import admin

from hedef.agencies.models import Agency
from hedef.core.admin import AuditedAdmin


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["acronym", "name", "name_en", "code"]
    search_fields = ["acronym", "name", "name_en", "name_ru", "other_names"]
    ordering = ["name"]
