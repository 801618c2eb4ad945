from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hedef.core"
    label = "core"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from django.utils.translation import gettext

        from hedef.core import checks  # noqa: F401  (registers the deployment checks)
        from hedef.domain.core import i18n

        # Messages raised by the pure core are translated to the request's language.
        i18n.install(gettext)
