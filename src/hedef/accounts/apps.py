from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hedef.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from hedef.accounts import signin  # noqa: F401  (connects the sign-in receivers)
