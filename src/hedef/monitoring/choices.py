"""The labelled choices of monitoring: the domain's codes with translatable labels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from hedef.domain import reporting


class ReportState(models.TextChoices):
    DRAFT = reporting.ReportState.DRAFT.value, _("Draft")
    SUBMITTED = reporting.ReportState.SUBMITTED.value, _("Submitted")
    RETURNED = reporting.ReportState.RETURNED.value, _("Returned for correction")
    ACCEPTED = reporting.ReportState.ACCEPTED.value, _("Accepted")
    PUBLISHED = reporting.ReportState.PUBLISHED.value, _("Published")


class ProgressStatus(models.TextChoices):
    NOT_STARTED = reporting.ProgressStatus.NOT_STARTED.value, _("Not started")
    IN_PROGRESS = reporting.ProgressStatus.IN_PROGRESS.value, _("In progress")
    COMPLETED = reporting.ProgressStatus.COMPLETED.value, _("Completed")
    DELAYED = reporting.ProgressStatus.DELAYED.value, _("Delayed")
    CANCELLED = reporting.ProgressStatus.CANCELLED.value, _("Cancelled")


class StageReached(models.TextChoices):
    INITIAL = "initial", _("Initial results")
    INTERIM = "interim", _("Interim results")
    FINAL = "final", _("Final results")


class CycleKind(models.TextChoices):
    QUARTERLY = reporting.CycleKind.QUARTERLY.value, _("Quarterly")
    SEMI_ANNUAL = reporting.CycleKind.SEMI_ANNUAL.value, _("Semi-annual")
    ANNUAL = reporting.CycleKind.ANNUAL.value, _("Annual")


class DeviationReason(models.TextChoices):
    FUNDING = reporting.DeviationReason.FUNDING.value, _("Insufficient funding")
    PROCUREMENT = reporting.DeviationReason.PROCUREMENT.value, _("Procurement")
    LEGAL = reporting.DeviationReason.LEGAL.value, _("Legal or regulatory basis")
    COORDINATION = reporting.DeviationReason.COORDINATION.value, _("Coordination between agencies")
    TECHNICAL = reporting.DeviationReason.TECHNICAL.value, _("Technical problems")
    CAPACITY = reporting.DeviationReason.CAPACITY.value, _("Staff and institutional capacity")
    DEPENDENCY = reporting.DeviationReason.DEPENDENCY.value, _("Depends on another measure")
    EXTERNAL = reporting.DeviationReason.EXTERNAL.value, _("External factors")
    OTHER = reporting.DeviationReason.OTHER.value, _("Other")


class RiskLevel(models.TextChoices):
    LOW = reporting.RiskLevel.LOW.value, _("Low")
    MEDIUM = reporting.RiskLevel.MEDIUM.value, _("Medium")
    HIGH = reporting.RiskLevel.HIGH.value, _("High")


class Channel(models.TextChoices):
    """Where a change came from."""

    WEB = "web", _("web")
    EXCEL = "excel", _("Excel upload")
    API = "api", _("API")
    CLI = "cli", _("command line")
    SYSTEM = "system", _("system")


# Labels of the parts of a report a reviewer can return one by one.
FIELD_LABELS = {
    reporting.ReportField.PROGRESS_STATUS: _("Status"),
    reporting.ReportField.STAGE: _("Stage reached"),
    reporting.ReportField.PERCENT: _("Percent complete"),
    reporting.ReportField.NARRATIVE: _("What was done"),
    reporting.ReportField.OBSTACLES: _("Obstacles and risks"),
    reporting.ReportField.REMEDY: _("Remedy proposed"),
    reporting.ReportField.DEVIATION: _("Deviation"),
    reporting.ReportField.INDICATOR_VALUE: _("Indicator value"),
    reporting.ReportField.EVIDENCE: _("Evidence files"),
}
