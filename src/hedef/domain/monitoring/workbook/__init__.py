"""The progress-report workbook: every due report of one agency in one cycle, for Excel.

An agency downloads the workbook, fills it offline and uploads it back. The layout
protects itself: sheets are protected with only the input cells unlocked, choices
come from drop-down lists, and a very hidden sheet carries a keyed signature over
the structure (sheet names, headings and every locked cell, row by row). A
workbook whose structure was altered is refused whole; otherwise each row is read
on its own and every problem is reported by sheet, row and column.

The workbook is an Azerbaijani document: its headings, lists and instructions are
fixed Azerbaijani text (the codes behind the lists are what is stored). Messages
about a rejected workbook go through :mod:`hedef.domain.core.i18n` like every other.
"""

from __future__ import annotations

# Besides ``__all__``, the layout's constants, ``WorkbookColumn`` and ``column_letter`` are
# re-exported (``name as name``): callers read sheet names and column letters from
# the package for their messages, and tests read the limits.
from hedef.domain.monitoring.workbook.layout import FORMAT as FORMAT
from hedef.domain.monitoring.workbook.layout import FORMAT_VERSION as FORMAT_VERSION
from hedef.domain.monitoring.workbook.layout import HEADING_FILL as HEADING_FILL
from hedef.domain.monitoring.workbook.layout import INDICATOR_COLUMNS as INDICATOR_COLUMNS
from hedef.domain.monitoring.workbook.layout import INDICATORS as INDICATORS
from hedef.domain.monitoring.workbook.layout import INSTRUCTIONS as INSTRUCTIONS
from hedef.domain.monitoring.workbook.layout import LABELS as LABELS
from hedef.domain.monitoring.workbook.layout import LISTS as LISTS
from hedef.domain.monitoring.workbook.layout import LOCKED_FILL as LOCKED_FILL
from hedef.domain.monitoring.workbook.layout import MAX_ROWS as MAX_ROWS
from hedef.domain.monitoring.workbook.layout import MAX_UNCOMPRESSED as MAX_UNCOMPRESSED
from hedef.domain.monitoring.workbook.layout import MEASURE_COLUMNS as MEASURE_COLUMNS
from hedef.domain.monitoring.workbook.layout import MEASURES as MEASURES
from hedef.domain.monitoring.workbook.layout import SHEETS as SHEETS
from hedef.domain.monitoring.workbook.layout import SIGNATURE as SIGNATURE
from hedef.domain.monitoring.workbook.layout import STATE_LABELS as STATE_LABELS
from hedef.domain.monitoring.workbook.layout import TARGET_COLUMNS as TARGET_COLUMNS
from hedef.domain.monitoring.workbook.layout import TARGETS as TARGETS
from hedef.domain.monitoring.workbook.layout import (
    CellIssue,
    IndicatorEntry,
    IndicatorLine,
    MeasureEntry,
    MeasureLine,
    TargetLine,
    WorkbookReading,
    WorkbookRefused,
    WorkbookSpec,
)
from hedef.domain.monitoring.workbook.layout import WorkbookColumn as WorkbookColumn
from hedef.domain.monitoring.workbook.layout import column_letter as column_letter
from hedef.domain.monitoring.workbook.reading import read_workbook
from hedef.domain.monitoring.workbook.writing import build_workbook

__all__ = [
    "CellIssue",
    "IndicatorEntry",
    "IndicatorLine",
    "MeasureEntry",
    "MeasureLine",
    "TargetLine",
    "WorkbookReading",
    "WorkbookRefused",
    "WorkbookSpec",
    "build_workbook",
    "read_workbook",
]
