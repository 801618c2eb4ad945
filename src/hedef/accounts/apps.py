from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hedef.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from hedef.accounts import signin  # noqa: F401  (connects the sign-in receivers)
        from hedef.accounts.idle import on_login

        user_logged_in.connect(on_login, dispatch_uid="hedef.accounts.idle")
