"""Monitoring reports: plain input data in, DOCX, PDF and HTML out.

The shell fills :class:`ReportData` from the database and the evaluation
results, activates the report's language and calls::

    report = assemble(data)          # the document model, every label translated
    render_pdf(report)               # bytes; also render_docx(report), render_html(report)

- ``data``: the input dataclasses (one :class:`StrategySection` per strategy;
  several make a consolidated report);
- ``checks``: the input must agree with itself before anything is drawn;
- ``adapters``: report rows straight from roll-ups, forecasts and the
  readiness index;
- ``model``: the document model every renderer draws; ``formatting`` and
  ``markdown``: numbers, dates and the methodology text;
- ``assemble``, ``strategy_chapters``, ``indicator_chapter``,
  ``overdue_chapter``, ``agency_chapters``, ``annex``: what the report says,
  chapter by chapter, as ``model`` blocks;
- ``html_writer``, ``pdf_writer``, ``docx_writer``: one renderer per format,
  all from the same model; charts come from :mod:`hedef.domain.charts`, the
  same Vega-Lite specifications the web pages draw; ``fonts`` finds the faces
  the PDF embeds; ``report.css`` is the one stylesheet of HTML and PDF.
"""

from hedef.domain.reports.assemble import assemble
from hedef.domain.reports.data import (
    Cycle,
    ForecastLine,
    GroupStatus,
    IndicatorSection,
    KeyFigures,
    OverdueItem,
    ReadinessRow,
    ReportData,
    ReportMeasure,
    ReturnedItem,
    StrategySection,
    TimelinessRow,
)
from hedef.domain.reports.docx_writer import render_docx
from hedef.domain.reports.errors import (
    DataProblem,
    FontsMissing,
    InconsistentReportData,
    ReportError,
)
from hedef.domain.reports.html_writer import render_html
from hedef.domain.reports.model import Report
from hedef.domain.reports.pdf_writer import render_pdf

__all__ = [
    "Cycle",
    "DataProblem",
    "FontsMissing",
    "ForecastLine",
    "GroupStatus",
    "InconsistentReportData",
    "IndicatorSection",
    "KeyFigures",
    "OverdueItem",
    "ReadinessRow",
    "Report",
    "ReportData",
    "ReportError",
    "ReportMeasure",
    "ReturnedItem",
    "StrategySection",
    "TimelinessRow",
    "assemble",
    "render_docx",
    "render_html",
    "render_pdf",
]
