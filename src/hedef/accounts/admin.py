from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp import admin as _totp_admin  # noqa: F401 (registers first)
from django_otp.plugins.otp_totp.models import TOTPDevice

from hedef.accounts.models import User
from hedef.accounts.services import totp_reset
from hedef.core.admin import AuditedAdmin, ReadOnlyAdmin, admin_actor


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


# django-otp's device pages would show keys and change devices unaudited; an
# authenticator is reset from the user list instead (recorded). Importing its admin
# module first (above) makes the order of INSTALLED_APPS irrelevant here.
admin.site.unregister(TOTPDevice)

# Groups carry permissions, so changing one is audited like every other admin write.
admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedAdmin, BaseGroupAdmin):
    pass


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AuditedAdmin):
    """Failed sign-ins counted towards a lockout; deleting one unlocks (an audited write)."""

    list_display = ["attempt_time", "ip_address", "username", "failures_since_start"]
    list_filter = ["attempt_time"]
    search_fields = ["ip_address", "username"]
    readonly_fields = [f.name for f in AccessAttempt._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(ReadOnlyAdmin):
    list_display = ["attempt_time", "ip_address", "username", "locked_out"]
    search_fields = ["ip_address", "username"]


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["attempt_time", "logout_time", "ip_address", "username"]
    search_fields = ["ip_address", "username"]
