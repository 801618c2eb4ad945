"""Monitoring models. Import from ``hedef.monitoring.models``.

``cycles`` holds the reporting cycles and who reports which indicator;
``submissions`` the reports with their values, contributions, comments and
evidence; ``access`` agency API tokens
and the record of reminders sent.
"""

from hedef.monitoring.models.access import AgencyToken, ReminderSent
from hedef.monitoring.models.cycles import CycleVersion, IndicatorReporter, ReportingCycle
from hedef.monitoring.models.submissions import (
    Contribution,
    Evidence,
    FieldComment,
    Submission,
    TargetValue,
)

__all__ = [
    "AgencyToken",
    "Contribution",
    "CycleVersion",
    "Evidence",
    "FieldComment",
    "IndicatorReporter",
    "ReminderSent",
    "ReportingCycle",
    "Submission",
    "TargetValue",
]
