"""The labelled choices of monitoring: the domain's codes with translatable labels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from hedef.domain.monitoring import submissions


class SubmissionState(models.TextChoices):
    DRAFT = submissions.SubmissionState.DRAFT.value, _("Draft")
    SUBMITTED = submissions.SubmissionState.SUBMITTED.value, _("Submitted")
    RETURNED = submissions.SubmissionState.RETURNED.value, _("Returned for correction")
    ACCEPTED = submissions.SubmissionState.ACCEPTED.value, _("Accepted")
    PUBLISHED = submissions.SubmissionState.PUBLISHED.value, _("Published")


class ProgressStatus(models.TextChoices):
    NOT_STARTED = submissions.ProgressStatus.NOT_STARTED.value, _("Not started")
    IN_PROGRESS = submissions.ProgressStatus.IN_PROGRESS.value, _("In progress")
    COMPLETED = submissions.ProgressStatus.COMPLETED.value, _("Completed")
    DELAYED = submissions.ProgressStatus.DELAYED.value, _("Delayed")
    CANCELLED = submissions.ProgressStatus.CANCELLED.value, _("Cancelled")


class StageReached(models.TextChoices):
    INITIAL = "initial", _("Initial results")
    INTERIM = "interim", _("Interim results")
    FINAL = "final", _("Final results")


class CycleKind(models.TextChoices):
    QUARTERLY = submissions.CycleKind.QUARTERLY.value, _("Quarterly")
    SEMI_ANNUAL = submissions.CycleKind.SEMI_ANNUAL.value, _("Semi-annual")
    ANNUAL = submissions.CycleKind.ANNUAL.value, _("Annual")


class DeviationReason(models.TextChoices):
    FUNDING = submissions.DeviationReason.FUNDING.value, _("Insufficient funding")
    PROCUREMENT = submissions.DeviationReason.PROCUREMENT.value, _("Procurement")
    LEGAL = submissions.DeviationReason.LEGAL.value, _("Legal or regulatory basis")
    COORDINATION = (
        submissions.DeviationReason.COORDINATION.value,
        _("Coordination between agencies"),
    )
    TECHNICAL = submissions.DeviationReason.TECHNICAL.value, _("Technical problems")
    CAPACITY = submissions.DeviationReason.CAPACITY.value, _("Staff and institutional capacity")
    DEPENDENCY = submissions.DeviationReason.DEPENDENCY.value, _("Depends on another measure")
    EXTERNAL = submissions.DeviationReason.EXTERNAL.value, _("External factors")
    OTHER = submissions.DeviationReason.OTHER.value, _("Other")


class RiskLevel(models.TextChoices):
    LOW = submissions.RiskLevel.LOW.value, _("Low")
    MEDIUM = submissions.RiskLevel.MEDIUM.value, _("Medium")
    HIGH = submissions.RiskLevel.HIGH.value, _("High")


# Labels of the parts of a report a reviewer can return one by one.
FIELD_LABELS = {
    submissions.SubmissionField.PROGRESS_STATUS: _("Status"),
    submissions.SubmissionField.STAGE: _("Stage reached"),
    submissions.SubmissionField.PERCENT: _("Percent complete"),
    submissions.SubmissionField.NARRATIVE: _("What was done"),
    submissions.SubmissionField.OBSTACLES: _("Obstacles and risks"),
    submissions.SubmissionField.REMEDY: _("Remedy proposed"),
    submissions.SubmissionField.DEVIATION: _("Deviation"),
    submissions.SubmissionField.INDICATOR_VALUE: _("Indicator value"),
    submissions.SubmissionField.EVIDENCE: _("Evidence files"),
}
