from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from hedef.accounts.models import User
from hedef.accounts.services import totp_reset
from hedef.core.admin import AuditedAdmin, admin_actor


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
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
            totp_reset(user, actor=admin_actor(request))

    def user_change_password(self, request, id, form_url=""):
        """The password page saves the form itself; the entry says that the password changed."""
        before = User.objects.filter(pk=id).values_list("password", flat=True).first()
        response = super().user_change_password(request, id, form_url)
        user = User.objects.filter(pk=id).first()
        if user is not None and before is not None:
            self.record_password_change(request, user, before)
        return response


# Groups carry permissions, so changing one is audited like every other admin write.
admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedAdmin, BaseGroupAdmin):
    pass
