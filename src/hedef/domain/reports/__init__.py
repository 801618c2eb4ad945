"""Monitoring reports: plain input data in, DOCX, PDF and HTML out.

The shell fills :class:`ReportData` from the database and the evaluation
results (``adapters`` turns roll-ups, forecasts and the readiness index into
report rows), activates the report's language and calls :func:`assemble`.

- ``data``: the input dataclasses (one :class:`StrategySection` per strategy;
  several make a consolidated report);
- ``checks``: the input must agree with itself before anything is drawn;
- ``model``: the document model every renderer draws;
- ``assemble``, ``strategy_chapters``, ``indicator_chapter``,
  ``overdue_chapter``, ``agency_chapters``, ``annex``: what the report says,
  chapter by chapter;
- ``formatting`` and ``markdown``: numbers, dates and the methodology text.
"""

from hedef.domain.reports.assemble import assemble
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
    "ReportError",
    "ReturnedItem",
    "StrategySection",
    "TimelinessRow",
    "assemble",
]
