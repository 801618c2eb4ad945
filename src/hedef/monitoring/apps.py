from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "hedef.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from hedef.core.audit import anchor_source_register
        from hedef.monitoring.selectors import cycle_audit_anchors

        anchor_source_register(cycle_audit_anchors)
