"""What the public sees: one frozen snapshot per published cycle, and their feedback."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """The published state of every strategy at one cycle's publication. Never edited.

    The portal reads exactly one snapshot per request, the current one, so a visitor
    never sees half of one publication and half of the next.
    """

    key = models.SlugField(_("key"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=200)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    data = models.JSONField()
    audit_head = models.CharField(_("audit chain head"), max_length=64, blank=True)
    is_current = models.BooleanField(_("shown on the portal"), default=False)

    class Meta:
        verbose_name = _("published snapshot")
        verbose_name_plural = _("published snapshots")
        ordering = ["-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_snapshot"
            )
        ]

    def __str__(self) -> str:
        return self.label


class Feedback(models.Model):
    """A visitor's comment on a measure or an indicator, shown only once moderated."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    class Subject(models.TextChoices):
        MEASURE = "measure", _("Measure")
        INDICATOR = "indicator", _("Indicator")

    subject = models.CharField(_("about"), max_length=10, choices=Subject.choices)
    strategy_code = models.CharField(_("strategy"), max_length=80)
    number = models.CharField(_("number"), max_length=30)
    text = models.TextField(_("comment"))
    name = models.CharField(_("name (not shown)"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail (not shown)"), blank=True)
    sender_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    answer = models.TextField(_("public answer"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["strategy_code", "number", "status"])]

    def __str__(self) -> str:
        return f"{self.strategy_code} {self.number}: {self.text[:40]}"
