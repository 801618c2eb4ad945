"""A document read by the parser and waiting for a person's review.

Nothing of the plan is stored as a plan before the reviewer accepts it: the draft
holds what was read (in the interchange format), the parser's doubts and the
source text, so that the review can take as long as it needs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ReviewDraft(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DISCARDED = "discarded", _("Discarded")

    file_name = models.CharField(_("file"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    document_format = models.CharField(_("format"), max_length=10)
    plan = models.JSONField(_("plan as read"))
    flags = models.JSONField(default=list)
    source_lines = models.JSONField(default=dict)
    source_text = models.TextField(blank=True)
    unknown_acronyms = models.JSONField(default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    edit_version = models.PositiveIntegerField(default=1)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    via = models.CharField(max_length=10, default="web")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    accepted_version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document under review")
        verbose_name_plural = _("documents under review")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("ingest:review", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        return str(self.plan.get("strategy", {}).get("title", ""))

    @property
    def code(self) -> str:
        return str(self.plan.get("strategy", {}).get("code", ""))
