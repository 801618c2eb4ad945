"""The workbook's layout, shared by writing and reading it.

Sheet names, the columns of each sheet and the Azerbaijani labels of the lists; the
plain data a workbook is written from and read into; and the row digest and keyed
signature that let a read-back workbook be checked against what was written.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from hedef.domain.core.errors import DomainError
from hedef.domain.monitoring.submissions import (
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    SubmissionContent,
    SubmissionState,
)
from hedef.domain.monitoring.workbook import cells
from hedef.domain.plans.model import Stage

FORMAT = "hedef.report-workbook"
FORMAT_VERSION = "1"
MEASURES = "Tədbirlər"
TARGETS = "Rəqəmsal hədəflər"
INDICATORS = "Göstəricilər"
INSTRUCTIONS = "Təlimat"
LISTS = "Siyahılar"
SIGNATURE = "İmza"
MAX_ROWS = 5000
MAX_UNCOMPRESSED = 50 * 2**20

LABELS: dict[str, dict[str, str]] = {
    "progress_status": {
        ProgressStatus.NOT_STARTED: "Başlanmayıb",
        ProgressStatus.IN_PROGRESS: "İcra olunur",
        ProgressStatus.COMPLETED: "İcra olunub",
        ProgressStatus.DELAYED: "Gecikir",
        ProgressStatus.CANCELLED: "Ləğv edilib",
    },
    "stage": {Stage.INITIAL: "İlkin", Stage.INTERIM: "Aralıq", Stage.FINAL: "Yekun"},
    "deviation_reason": {
        DeviationReason.FUNDING: "Maliyyə çatışmazlığı",
        DeviationReason.PROCUREMENT: "Satınalma prosesi",
        DeviationReason.LEGAL: "Normativ-hüquqi baza",
        DeviationReason.COORDINATION: "Qurumlararası əlaqələndirmə",
        DeviationReason.TECHNICAL: "Texniki problemlər",
        DeviationReason.CAPACITY: "Kadr və institusional potensial",
        DeviationReason.DEPENDENCY: "Digər tədbirdən asılılıq",
        DeviationReason.EXTERNAL: "Xarici amillər",
        DeviationReason.OTHER: "Digər",
    },
    "deviation_risk": {RiskLevel.LOW: "Aşağı", RiskLevel.MEDIUM: "Orta", RiskLevel.HIGH: "Yüksək"},
}
STATE_LABELS = {
    SubmissionState.DRAFT: "Qaralama",
    SubmissionState.SUBMITTED: "Təqdim edilib",
    SubmissionState.RETURNED: "Geri qaytarılıb",
    SubmissionState.ACCEPTED: "Qəbul edilib",
    SubmissionState.PUBLISHED: "Dərc edilib",
}


@dataclass(frozen=True)
class WorkbookColumn:
    key: str
    heading: str
    width: int = 14
    kind: str = "locked"  # locked | text | choice | percent | number | date


MEASURE_COLUMNS = (
    WorkbookColumn("id", "ID", 8),
    WorkbookColumn("version", "Versiya", 8),
    WorkbookColumn("strategy", "Strategiya", 22),
    WorkbookColumn("number", "Nömrə", 10),
    WorkbookColumn("title", "Tədbir", 50),
    WorkbookColumn("period", "İcra müddəti", 12),
    WorkbookColumn("role", "Rol", 12),
    WorkbookColumn("state", "Hesabatın vəziyyəti", 16),
    WorkbookColumn("progress_status", "İcra vəziyyəti", 16, "choice"),
    WorkbookColumn("stage", "Çatılan mərhələ", 14, "choice"),
    WorkbookColumn("percent_complete", "İcra faizi (0–100)", 12, "percent"),
    WorkbookColumn("narrative", "Görülən işlər", 50, "text"),
    WorkbookColumn("obstacles", "Maneələr və risklər", 40, "text"),
    WorkbookColumn("remedy", "Təklif olunan həll yolları", 40, "text"),
    WorkbookColumn("deviation_reason", "Kənarlaşmanın səbəbi", 24, "choice"),
    WorkbookColumn("deviation_risk", "Risk səviyyəsi", 12, "choice"),
    WorkbookColumn("corrective_action", "Düzəldici tədbir", 40, "text"),
    WorkbookColumn("expected_date", "Yeni gözlənilən tarix", 14, "date"),
)
TARGET_COLUMNS = (
    WorkbookColumn("id", "Hesabat ID", 10),
    WorkbookColumn("target", "Hədəf ID", 10),
    WorkbookColumn("number", "Tədbir", 10),
    WorkbookColumn("stage", "Mərhələ", 10),
    WorkbookColumn("phrase", "Hədəf ifadəsi", 40),
    WorkbookColumn("expected", "Hədəf", 12),
    WorkbookColumn("unit", "Vahid", 14),
    WorkbookColumn("value", "Faktiki dəyər", 14, "number"),
)
INDICATOR_COLUMNS = (
    WorkbookColumn("id", "ID", 8),
    WorkbookColumn("version", "Versiya", 8),
    WorkbookColumn("strategy", "Strategiya", 22),
    WorkbookColumn("number", "Nömrə", 10),
    WorkbookColumn("name", "Göstərici", 50),
    WorkbookColumn("unit", "Vahid", 12),
    WorkbookColumn("year", "İl", 8),
    WorkbookColumn("target", "Hədəf", 12),
    WorkbookColumn("state", "Hesabatın vəziyyəti", 16),
    WorkbookColumn("value", "Faktiki dəyər", 14, "number"),
    WorkbookColumn("note", "Qeyd", 40, "text"),
)
SHEETS = {MEASURES: MEASURE_COLUMNS, TARGETS: TARGET_COLUMNS, INDICATORS: INDICATOR_COLUMNS}
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADING_FILL = PatternFill("solid", fgColor="DCE6F1")


@dataclass(frozen=True)
class TargetLine:
    target_id: int
    stage: Stage
    phrase: str
    expected: str  # the target as a person reads it, e.g. "≥ 20"
    unit: str


@dataclass(frozen=True)
class MeasureLine:
    submission_id: int
    version: int
    strategy: str
    number: str
    title: str
    period: str
    role: str
    state: SubmissionState
    editable: bool
    content: SubmissionContent
    targets: tuple[TargetLine, ...] = ()


@dataclass(frozen=True)
class IndicatorLine:
    submission_id: int
    version: int
    strategy: str
    number: str
    name: str
    unit: str
    year: int | None
    target: float | None
    state: SubmissionState
    editable: bool
    value: float | None
    note: str


@dataclass(frozen=True)
class WorkbookSpec:
    """What a workbook holds: plain data, gathered by the caller."""

    cycle_id: int
    cycle_label: str
    agency_code: str
    agency_name: str
    due_date: datetime.date
    measures: tuple[MeasureLine, ...]
    indicators: tuple[IndicatorLine, ...]


class WorkbookRefused(DomainError):
    """The upload as a whole cannot be read; ``location`` names the place when known."""

    def __init__(self, code: str, message: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code, message, params)
        self.location = str((params or {}).get("place", ""))


@dataclass(frozen=True)
class CellIssue:
    sheet: str
    row: int
    column: str  # the column heading
    letter: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.letter}{self.row} ({self.column}): {self.message}"


@dataclass
class MeasureEntry:
    """One measure row as read, with the target values of that report from their sheet."""

    submission_id: int
    version: int
    row: int
    values: dict[str, Any]
    target_values: dict[int, float | None] = field(default_factory=dict)
    target_rows: dict[int, int] = field(default_factory=dict)
    valid: bool = True

    def content(self) -> SubmissionContent:
        return SubmissionContent(target_values=dict(self.target_values), **self.values)


@dataclass
class IndicatorEntry:
    submission_id: int
    version: int
    row: int
    value: float | None
    note: str
    valid: bool = True


@dataclass
class WorkbookReading:
    cycle_id: int
    agency_code: str
    measures: list[MeasureEntry]
    indicators: list[IndicatorEntry]
    issues: list[CellIssue]


def column_letter(sheet: str, key: str) -> tuple[str, str]:
    """The (letter, heading) of the column holding ``key`` on ``sheet``."""
    for index, column in enumerate(SHEETS[sheet], start=1):
        if column.key == key:
            return get_column_letter(index), column.heading
    raise KeyError(key)


def row_digest(columns: Sequence[WorkbookColumn], row: dict[str, Any] | Sequence[Any]) -> str:
    """A short digest of a row's locked cells, alike for the row written and read back."""
    if isinstance(row, dict):
        locked = [cells.normal(row[c.key]) for c in columns if c.kind == "locked"]
    else:
        locked = [cells.normal(v) for c, v in zip(columns, row, strict=False) if c.kind == "locked"]
    text = json.dumps(locked, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def sign(key: bytes, payload: str) -> str:
    """The keyed signature (HMAC-SHA-256, hexadecimal) of ``payload``."""
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()
