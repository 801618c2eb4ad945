"""The chapter of overdue measures and reports, and of reports returned for revision."""

from __future__ import annotations

from hedef.domain.core.i18n import gettext as _
from hedef.domain.evaluation.statuses import stage_label
from hedef.domain.reports.data import StrategySection
from hedef.domain.reports.formatting import MISSING, Formats
from hedef.domain.reports.model import (
    Align,
    Block,
    Cell,
    Column,
    Heading,
    Paragraph,
    Row,
    Table,
)

__all__ = ["overdue_blocks"]


def overdue_blocks(section: StrategySection, f: Formats, *, level: int) -> list[Block]:
    blocks: list[Block] = []
    prefix = section.code or "strategy"
    reasons = {
        "period_ended": _("Period ended without final results"),
        "report_late": _("Report not submitted by the due date"),
    }
    blocks.append(Heading(_("Overdue measures and reports"), level=level))
    if section.overdue:
        blocks.append(
            Table(
                key=f"{prefix}-overdue",
                caption=_("Measures past their period and reports past their due date"),
                columns=(
                    Column(_("No."), width=0.9),
                    Column(_("Measure"), width=4),
                    Column(_("Executors"), width=1.2),
                    Column(_("Reason"), width=2),
                    Column(_("Due"), width=1.45),
                    Column(_("Days overdue"), Align.RIGHT, 1),
                    Column(_("Stage reached"), width=1.3),
                ),
                rows=tuple(
                    Row(
                        (
                            Cell.of(item.number),
                            Cell.of(item.title),
                            Cell.of(", ".join(item.agencies) or MISSING),
                            Cell.of(reasons.get(item.reason, item.reason), status="overdue"),
                            Cell.of(f.date(item.due, short=True)),
                            Cell.of(f.number(item.days_overdue)),
                            Cell.of(stage_label(item.stage_reached)),
                        )
                    )
                    for item in section.overdue
                ),
                small=True,
            )
        )
    else:
        blocks.append(Paragraph.of(_("No measure or report is overdue.")))
    blocks.append(Heading(_("Reports returned for revision"), level=level))
    if section.returned:
        blocks.append(
            Table(
                key=f"{prefix}-returned",
                caption=_("Reports returned to the agencies, with the reviewer's reason"),
                columns=(
                    Column(_("No."), width=0.9),
                    Column(_("Measure"), width=3.4),
                    Column(_("Agency"), width=1.1),
                    Column(_("Returned on"), width=1.45),
                    Column(_("Parts returned"), width=1.6),
                    Column(_("Reviewer's reason"), width=3.2),
                ),
                rows=tuple(
                    Row(
                        (
                            Cell.of(item.number),
                            Cell.of(item.title),
                            Cell.of(item.agency),
                            Cell.of(f.date(item.returned_on, short=True)),
                            Cell.of(", ".join(_field_label(key) for key in item.fields) or MISSING),
                            Cell.of(item.reason),
                        )
                    )
                    for item in section.returned
                ),
                small=True,
            )
        )
    else:
        blocks.append(Paragraph.of(_("No report was returned in this cycle.")))
    return blocks


def _field_label(key: str) -> str:
    labels = {
        "progress_status": _("progress status"),
        "stage": _("stage reached"),
        "percent_complete": _("completion"),
        "narrative": _("narrative"),
        "obstacles": _("obstacles"),
        "remedy": _("remedy"),
        "deviation": _("deviation"),
        "indicator_value": _("indicator value"),
        "evidence": _("evidence"),
    }
    return labels.get(key, key)
