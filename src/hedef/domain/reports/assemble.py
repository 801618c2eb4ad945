"""Lay out a monitoring report: what it says, chapter by chapter, in which order.

A strategy report:

- cover: issuer, title, strategy, approving act, period, cycle, date;
- 1 executive summary: key figures, measures by status, what needs attention;
- 2 status by goal and direction, 3 measures (landscape), 4 headline
  indicators, 5 overdue and returned items (:mod:`.strategy_chapters`);
- 6 agency timeliness, 7 readiness rating (:mod:`.agency_chapters`);
- annex: methodology and the audit chain's head (:mod:`.annex`).

A consolidated report has the same summary over all strategies (with a table
by strategy), then one chapter per strategy with chapters 2–5 inside it.

Every label is marked for translation and looked up when :func:`assemble` runs,
so the caller activates the report's language first.
"""

from __future__ import annotations

from collections.abc import Sequence

from hedef.domain.charts import GroupCounts, status_chart
from hedef.domain.core.i18n import gettext as _
from hedef.domain.evaluation.statuses import status_label
from hedef.domain.reports.agency_chapters import readiness_blocks, timeliness_blocks
from hedef.domain.reports.annex import annex_blocks, demo_notice, short_hash
from hedef.domain.reports.checks import problems
from hedef.domain.reports.data import GroupStatus, KeyFigures, ReportData, StrategySection
from hedef.domain.reports.errors import InconsistentReportData
from hedef.domain.reports.formatting import Formats
from hedef.domain.reports.model import (
    Align,
    Block,
    BulletList,
    Cell,
    Chart,
    Column,
    Cover,
    Heading,
    KeyFigure,
    KeyFiguresBlock,
    Paragraph,
    ParagraphStyle,
    Report,
    Row,
    RowKind,
    Section,
    Table,
    Text,
)
from hedef.domain.reports.strategy_chapters import status_columns, status_table, strategy_chapters

__all__ = ["assemble", "key_figure_blocks"]

_LISTED = 12  # numbers listed in a summary line before "and N more"


def assemble(data: ReportData, *, check: bool = True) -> Report:
    """Lay out ``data`` as a :class:`Report`, in the active language.

    Raises:
        InconsistentReportData: ``check`` is on and the data contradict themselves
            (:func:`hedef.domain.reports.checks.problems`).
    """
    if check and (found := problems(data)):
        raise InconsistentReportData(found)
    f = Formats(data.language)
    sections: list[Section] = [
        Section(key="summary", title="1. " + _("Executive summary"), blocks=_summary(data, f))
    ]
    chapter = 2
    if data.consolidated:
        for index, strategy in enumerate(data.sections, start=1):
            sections.append(
                Section(
                    key=f"s{index}",
                    title=f"{chapter}. {strategy.title}",
                    blocks=tuple(_strategy_intro(strategy, f)),
                )
            )
            sections += strategy_chapters(
                strategy,
                numbers=[f"{chapter}.{part}" for part in range(1, 5)],
                level=2,
                key_prefix=f"s{index}-",
                f=f,
                new_page=False,
            )
            chapter += 1
    else:
        sections += strategy_chapters(
            data.sections[0],
            numbers=[str(number) for number in range(chapter, chapter + 4)],
            level=1,
            key_prefix="",
            f=f,
        )
        chapter += 4
    sections.append(
        Section(
            key="timeliness",
            title=f"{chapter}. " + _("Agency reporting timeliness"),
            blocks=tuple(timeliness_blocks(data.timeliness, f)),
        )
    )
    sections.append(
        Section(
            key="readiness",
            title=f"{chapter + 1}. " + _("Digital readiness rating"),
            blocks=tuple(readiness_blocks(data.readiness, f, draws=data.readiness_draws)),
        )
    )
    sections.append(
        Section(
            key="annex",
            title=_("Annex. Methodology and audit"),
            blocks=tuple(annex_blocks(data, f)),
        )
    )
    return Report(
        language=data.language,
        title=data.title,
        cover=_cover(data, f),
        sections=tuple(sections),
        running_title=f"{data.title} · {data.cycle.label}",
        page_label=_("Page %(page)s of %(pages)s"),
        contents_title=_("Contents"),
        subject="; ".join(section.title for section in data.sections),
        keywords=("Hədəf", data.cycle.label, *(s.code for s in data.sections if s.code)),
        demo=data.demo,
        demo_label=_("Demonstration data") if data.demo else "",
        created=data.generated_on,
    )


def key_figure_blocks(figures: KeyFigures, f: Formats) -> KeyFiguresBlock:
    """The headline numbers as a key-figures block, each with a stable key."""

    def of_measures(count: int) -> str:
        share = count / figures.measures if figures.measures else None
        return _("%(share)s of measures") % {"share": f.share(share)}

    behind = figures.count("behind") + figures.count("overdue")
    items = [
        KeyFigure("measures", _("Measures monitored"), str(figures.measures)),
        KeyFigure(
            "completed",
            _("Completed"),
            str(figures.count("completed")),
            of_measures(figures.count("completed")),
        ),
        KeyFigure(
            "on_schedule",
            _("On schedule"),
            str(figures.count("on_schedule")),
            of_measures(figures.count("on_schedule")),
        ),
        KeyFigure(
            "behind_or_overdue", _("Behind schedule or overdue"), str(behind), of_measures(behind)
        ),
        KeyFigure(
            "not_reported",
            _("Not reported"),
            str(figures.count("not_reported")),
            of_measures(figures.count("not_reported")),
        ),
        KeyFigure(
            "indicators_on_track",
            _("Headline indicators on track"),
            f"{figures.indicators_on_track} / {figures.indicators}",
            _("target met, or reached by the target year at the current pace"),
        ),
        KeyFigure(
            "mean_attainment",
            _("Mean attainment of headline indicators"),
            f.share(figures.mean_attainment),
            _("of the change planned from the baseline"),
        ),
        KeyFigure(
            "reports_on_time",
            _("Reports submitted on time"),
            f.share(figures.on_time_share),
            _("%(on_time)s of %(due)s reports due")
            % {"on_time": figures.reports_on_time, "due": figures.reports_due},
        ),
        KeyFigure(
            "reports_returned", _("Reports returned for revision"), str(figures.reports_returned)
        ),
        KeyFigure(
            "disagreements",
            _("Self-reported statuses that disagree"),
            str(figures.disagreements),
            _("with the status computed from the reports"),
        ),
    ]
    return KeyFiguresBlock(tuple(items))


def _cover(data: ReportData, f: Formats) -> Cover:
    facts = []
    if not data.consolidated:
        facts.append((_("Strategy period"), data.sections[0].period))
    facts += [
        (_("Reporting cycle"), data.cycle.label),
        (
            _("Period covered"),
            f"{f.date(data.cycle.start)} – {f.date(data.cycle.end)}",
        ),
    ]
    if data.cycle.due is not None:
        facts.append((_("Reports due by"), f.date(data.cycle.due)))
    facts.append((_("Report date"), f.date(data.generated_on)))
    strategies = tuple(
        (f"{s.title} ({s.period})" if data.consolidated else s.title, s.act) for s in data.sections
    )
    audit = ""
    if data.audit_head_hash and data.audit_head_recorded:
        audit = _("Audit chain head for this cycle: %(hash)s") % {
            "hash": short_hash(data.audit_head_hash)
        }
    elif data.audit_head_hash:
        audit = _(
            "Audit chain head when this report was produced (the cycle is not published): %(hash)s"
        ) % {"hash": short_hash(data.audit_head_hash)}
    return Cover(
        issuer=data.issuer,
        title=data.title,
        strategies=strategies,
        facts=tuple(facts),
        demo_notice=demo_notice() if data.demo else "",
        audit_line=audit,
    )


def _summary(data: ReportData, f: Formats) -> tuple[Block, ...]:
    cycle = {
        "cycle": data.cycle.label,
        "start": f.date(data.cycle.start),
        "end": f.date(data.cycle.end),
    }
    if data.consolidated:
        lead = _(
            "This report presents the implementation of %(count)s strategies in the reporting "
            "cycle %(cycle)s (%(start)s – %(end)s)."
        ) % {**cycle, "count": len(data.sections)}
    else:
        lead = _(
            "This report presents the implementation of the %(strategy)s in the reporting "
            "cycle %(cycle)s (%(start)s – %(end)s)."
        ) % {**cycle, "strategy": data.sections[0].title}
    blocks: list[Block] = [
        Paragraph.of(lead, ParagraphStyle.LEAD),
        key_figure_blocks(data.key_figures, f),
        _status_summary_table(data.key_figures, f),
    ]
    if data.consolidated:
        groups = [
            GroupStatus(str(index), s.title, s.key_figures.by_status)
            for index, s in enumerate(data.sections, start=1)
        ]
        caption = _("Measures by status and strategy")
        blocks.append(
            Chart(
                key="summary-strategies",
                spec=status_chart(
                    title=caption,
                    axis_title=_("Measures"),
                    groups=[GroupCounts(f"{g.number}. {g.title}", g.counts) for g in groups],
                    description=caption,
                ),
                title=caption,
                description=caption,
            )
        )
        blocks.append(
            status_table(
                key="summary-strategies", caption=caption, label=_("Strategy"), groups=groups
            )
        )
    blocks += _attention(data)
    return tuple(blocks)


def _status_summary_table(figures: KeyFigures, f: Formats) -> Table:
    group = GroupStatus("", "", figures.by_status)
    rows = [
        Row(
            (
                Cell.of(status_label(key), status=key),
                Cell.of(str(figures.count(key))),
                Cell.of(
                    f.share(figures.count(key) / figures.measures if figures.measures else None)
                ),
            )
        )
        for key in status_columns([group])
    ]
    rows.append(
        Row(
            (Cell.of(_("Total")), Cell.of(str(figures.measures)), Cell.of(f.share(1.0))),
            RowKind.TOTAL,
        )
    )
    return Table(
        key="summary-status",
        caption=_("Measures by status"),
        columns=(
            Column(_("Status"), width=2.5),
            Column(_("Measures"), Align.RIGHT),
            Column(_("Share"), Align.RIGHT),
        ),
        rows=tuple(rows),
    )


def _attention(data: ReportData) -> list[Block]:
    """What needs attention: the numbers of measures and indicators off track, by strategy."""
    blocks: list[Block] = [Heading(_("What needs attention"), level=2, anchor="attention")]
    for strategy in data.sections:
        items = tuple(
            (Text(label + " ", bold=True), Text(_listed(numbers)))
            for label, numbers in _attention_lines(strategy)
            if numbers
        )
        if data.consolidated:
            # Under each strategy's own name, so that a measure number is never ambiguous.
            blocks.append(Heading(strategy.title, level=3))
        if items:
            blocks.append(BulletList(items))
        else:
            blocks.append(Paragraph.of(_("No measure is behind schedule, overdue or unreported.")))
    return blocks


def _attention_lines(strategy: StrategySection) -> list[tuple[str, list[str]]]:
    def numbers(status: str) -> list[str]:
        return [m.number for m in strategy.measures if m.status == status]

    off_track = [
        i.number
        for i in strategy.indicators
        if i.forecast is not None and i.forecast.on_track is False
    ]
    return [
        (_("Overdue measures:"), numbers("overdue")),
        (_("Measures behind schedule:"), numbers("behind")),
        (_("Measures without a report in this cycle:"), numbers("not_reported")),
        (_("Headline indicators not on track:"), off_track),
        (
            _("Self-reported status disagrees with the computed status:"),
            [m.number for m in strategy.measures if m.disagrees],
        ),
    ]


def _listed(numbers: Sequence[str]) -> str:
    shown = ", ".join(numbers[:_LISTED])
    if len(numbers) > _LISTED:
        return shown + " " + _("and %(count)s more") % {"count": len(numbers) - _LISTED}
    return shown


def _strategy_intro(strategy: StrategySection, f: Formats) -> list[Block]:
    blocks: list[Block] = []
    if strategy.act:
        blocks.append(Paragraph.of(strategy.act, ParagraphStyle.LEAD))
    blocks.append(Paragraph.of(_("Strategy period: %(period)s.") % {"period": strategy.period}))
    blocks.append(key_figure_blocks(strategy.key_figures, f))
    return blocks
