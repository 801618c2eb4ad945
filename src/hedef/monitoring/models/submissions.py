"""Reports: one per due measure (or headline indicator) and cycle, with what hangs on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hedef.core.actors import Channel
from hedef.monitoring.choices import (
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    StageReached,
    SubmissionState,
)


class Submission(models.Model):
    """An agency's report on one measure (or one headline indicator) in one cycle.

    ``version`` grows by one with every saved change; a save that starts from an
    older version is refused (optimistic locking), never merged silently.
    """

    cycle = models.ForeignKey(
        "monitoring.ReportingCycle", on_delete=models.CASCADE, related_name="submissions"
    )
    measure = models.ForeignKey(
        "plans.Measure", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        "plans.Indicator", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("reporting agency"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SubmissionState.choices, default=SubmissionState.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    progress_status = models.CharField(
        _("status"), max_length=20, choices=ProgressStatus.choices, blank=True
    )
    stage = models.CharField(
        _("stage reached"), max_length=20, choices=StageReached.choices, blank=True
    )
    percent_complete = models.FloatField(_("percent complete"), null=True, blank=True)
    narrative = models.TextField(_("what was done"), blank=True)
    obstacles = models.TextField(_("obstacles and risks"), blank=True)
    remedy = models.TextField(_("remedy proposed"), blank=True)
    deviation_reason = models.CharField(
        _("reason for the deviation"), max_length=20, choices=DeviationReason.choices, blank=True
    )
    deviation_risk = models.CharField(
        _("risk"), max_length=10, choices=RiskLevel.choices, blank=True
    )
    corrective_action = models.TextField(_("corrective action"), blank=True)
    expected_date = models.DateField(_("new expected date"), null=True, blank=True)
    indicator_value = models.FloatField(_("indicator value"), null=True, blank=True)
    # Field keys a reviewer reopened when returning the report; empty: the whole report.
    returned_fields = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    updated_by = models.CharField(_("last saved by"), max_length=150, blank=True)
    updated_via = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["cycle", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(measure__isnull=False, indicator__isnull=True)
                | models.Q(measure__isnull=True, indicator__isnull=False),
                name="submission_measure_xor_indicator",
            ),
            models.UniqueConstraint(
                fields=["cycle", "measure"],
                condition=models.Q(measure__isnull=False),
                name="unique_measure_report_per_cycle",
            ),
            models.UniqueConstraint(
                fields=["cycle", "indicator"],
                condition=models.Q(indicator__isnull=False),
                name="unique_indicator_report_per_cycle",
            ),
        ]
        indexes = [models.Index(fields=["agency", "state"]), models.Index(fields=["state"])]

    def __str__(self) -> str:
        subject = self.measure or self.indicator
        return f"{subject.number if subject else '?'} · {self.cycle_id}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:submission-detail", kwargs={"pk": self.pk})

    @property
    def is_indicator(self) -> bool:
        return self.indicator_id is not None

    @property
    def subject(self):
        return self.indicator if self.is_indicator else self.measure


class TargetValue(models.Model):
    """The value reported for one numeric target of the measure."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey("plans.MeasureTarget", on_delete=models.PROTECT, related_name="+")
    value = models.FloatField(_("value"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "target"], name="unique_target_value")
        ]

    def __str__(self) -> str:
        return f"{self.target_id}: {self.value:g}"


class Contribution(models.Model):
    """What a co-executing agency did for the measure, written for the lead agency to use."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="contributions"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("contribution"))
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["agency__acronym"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "agency"], name="unique_contribution")
        ]

    def __str__(self) -> str:
        return f"{self.agency} → {self.submission}"


class FieldComment(models.Model):
    """One comment in a review thread; a thread is every comment on the same field."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    field = models.CharField(_("field"), max_length=40, blank=True)  # "" = the whole report
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_name = models.CharField(max_length=150)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.field or '*'}: {self.text[:40]}"


def _evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.submission.cycle_id}/{instance.sha256}.{instance.kind}"


class Evidence(models.Model):
    """A file that backs a report (PDF, DOCX, XLSX or an image), checked by its content."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, max_length=300)
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(max_length=10)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.CharField(max_length=150)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name
