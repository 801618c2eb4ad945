from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from hedef.accounts.models import User
from hedef.accounts.services import totp_reset
from hedef.core.actors import Actor


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "role", "agency", "is_active"]
    list_filter = ["role", "agency", "is_active"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Role in Hədəf"), {"fields": ("role", "agency")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Role in Hədəf"), {"fields": ("role", "agency")}),
    )
    autocomplete_fields = ["agency"]
    actions = ["reset_authenticator"]

    @admin.action(description=_("Reset the authenticator (the person enrols again)"))
    def reset_authenticator(self, request, queryset):

        for user in queryset:
            totp_reset(user, actor=Actor.from_request(request))
