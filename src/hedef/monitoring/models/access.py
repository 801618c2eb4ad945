"""Agency API tokens and the record of reminders sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgencyToken(models.Model):
    """A bearer token for an agency's own system; only its SHA-256 is kept."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(_("label"), max_length=100)
    prefix = models.CharField(max_length=16, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        verbose_name = _("agency API token")
        verbose_name_plural = _("agency API tokens")
        ordering = ["agency__acronym", "-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.label})"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def active(self) -> bool:
        return self.revoked_at is None and not self.expired


class ReminderSent(models.Model):
    """One reminder e-mailed to an agency for a cycle, so a second run sends nothing twice."""

    cycle = models.ForeignKey("monitoring.ReportingCycle", on_delete=models.CASCADE)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    days_before = models.IntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "agency", "days_before"], name="unique_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.agency} · {self.days_before}"
