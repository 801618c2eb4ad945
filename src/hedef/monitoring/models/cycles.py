"""Reporting cycles: which plan versions they ask about, over which dates, due when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hedef.monitoring.choices import CycleKind


class ReportingCycle(models.Model):
    """One round of reporting, e.g. the first half of 2026, for one or more strategies."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        PUBLISHED = "published", _("Published")

    label = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=CycleKind.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_date = models.DateField(_("due date"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The audit chain's head when the cycle was published: an anchor for verification.
    published_head_id = models.BigIntegerField(null=True, blank=True, editable=False)
    published_head_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="cycle_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("monitoring:cycle-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN


class CycleVersion(models.Model):
    """A plan version a cycle reports on: the version in force when the cycle opened."""

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="versions")
    version = models.ForeignKey("plans.PlanVersion", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "version"], name="unique_cycle_version")
        ]

    def __str__(self) -> str:
        return str(self.version)


class IndicatorReporter(models.Model):
    """The agency that reports a headline indicator whose document names no responsible body.

    Kept by strategy and indicator number, so it holds across new plan versions.
    """

    strategy = models.ForeignKey("plans.Strategy", on_delete=models.CASCADE, related_name="+")
    indicator_number = models.CharField(_("indicator number"), max_length=30)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("indicator reporter")
        verbose_name_plural = _("indicator reporters")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "indicator_number"], name="unique_indicator_reporter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.strategy.code} {self.indicator_number}: {self.agency}"
