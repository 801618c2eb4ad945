from django.contrib import admin

from hedef.agencies.models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["acronym", "name", "name_en", "code"]
    search_fields = ["acronym", "name", "name_en", "name_ru", "other_names"]
    ordering = ["name"]
