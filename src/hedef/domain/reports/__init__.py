"""Monitoring reports: plain input data in, DOCX, PDF and HTML out.

- ``data``: the input dataclasses (one :class:`StrategySection` per strategy;
  several make a consolidated report);
- ``checks``: the input must agree with itself before anything is drawn;
- ``model``: the document model every renderer draws;
- ``formatting`` and ``markdown``: numbers, dates and the methodology text.
"""

from hedef.domain.reports.data import (
    Cycle,
    ForecastLine,
    GroupStatus,
    IndicatorSection,
    KeyFigures,
    MeasureRow,
    OverdueItem,
    ReadinessRow,
    ReportData,
    ReturnedItem,
    StrategySection,
    TimelinessRow,
)
from hedef.domain.reports.errors import (
    DataProblem,
    FontsMissing,
    InconsistentReportData,
    ReportError,
)
from hedef.domain.reports.model import Report

__all__ = [
    "Cycle",
    "DataProblem",
    "FontsMissing",
    "ForecastLine",
    "GroupStatus",
    "InconsistentReportData",
    "IndicatorSection",
    "KeyFigures",
    "MeasureRow",
    "OverdueItem",
    "ReadinessRow",
    "Report",
    "ReportData",
    "ReturnedItem",
    "StrategySection",
    "TimelinessRow",
]
