"""The chapters about one strategy: status by goal and direction, the measures,
the headline indicators, and the overdue and returned items.

A strategy report makes them chapters 2–5; a consolidated report nests them
under each strategy's own chapter. ``number`` is the chapter number prefix
("2" or "3.2") and ``level`` the section level the caller gives them.
"""

from __future__ import annotations

from collections.abc import Sequence

from hedef.domain.charts import GroupCounts, status_chart
from hedef.domain.core.i18n import gettext as _
from hedef.domain.evaluation.statuses import (
    MEASURE_STATUS_ORDER,
    stage_label,
    status_label,
)
from hedef.domain.reports.data import GroupStatus, ReportMeasure, StrategySection
from hedef.domain.reports.formatting import MISSING, Formats
from hedef.domain.reports.indicator_chapter import indicator_blocks
from hedef.domain.reports.model import (
    Align,
    Block,
    Cell,
    Chart,
    Column,
    Note,
    Paragraph,
    Row,
    RowKind,
    Section,
    Table,
    Text,
)
from hedef.domain.reports.numbering import Chapter, title_with_number
from hedef.domain.reports.overdue_chapter import overdue_blocks

__all__ = ["FLAG", "status_columns", "status_table", "strategy_chapters"]

FLAG = "⚑"  # marks a self-reported status that disagrees with the computed one


def strategy_chapters(
    section: StrategySection,
    *,
    numbers: Sequence[str],
    level: int,
    key_prefix: str,
    f: Formats,
    new_page: bool = True,
) -> tuple[Section, ...]:
    """The four chapters of ``section``, numbered by ``numbers`` (four chapter numbers).

    The measure table always gets landscape pages of its own; the other chapters
    start a new page when ``new_page``.
    """
    status, measures, indicators, overdue = (
        Chapter(number, level, key_prefix) for number in numbers
    )
    heading_level = level + 1
    indicator_part = indicator_blocks(
        section, f, heading_level=heading_level, key_prefix=key_prefix
    )
    return (
        status.section(
            "status",
            _("Status by goal and direction"),
            _status_blocks(section),
            new_page=new_page,
        ),
        measures.section("measures", _("Measures"), _measure_blocks(section, f), wide=True),
        indicators.section(
            "indicators", _("Headline indicators"), indicator_part, new_page=new_page
        ),
        overdue.section(
            "overdue",
            _("Overdue and returned items"),
            overdue_blocks(section, f, level=heading_level),
            new_page=new_page,
        ),
    )


def status_columns(groups: Sequence[GroupStatus]) -> tuple[str, ...]:
    """The status keys present in ``groups``: the known ones in status order, then the rest."""
    present = [key for key in MEASURE_STATUS_ORDER if any(g.counts.get(key) for g in groups)]
    for group in groups:
        present += [key for key, count in group.counts.items() if count and key not in present]
    return tuple(present)


def status_table(*, key: str, caption: str, label: str, groups: Sequence[GroupStatus]) -> Table:
    """Counts per status, one row per group, with a total column and a total row."""
    keys = status_columns(groups)
    # Status columns wide enough for "Completed" in the header without breaking it.
    columns = (
        Column(_("No."), width=0.6),
        Column(label, width=2.8),
        *(Column(status_label(status), Align.RIGHT, 1.15) for status in keys),
        Column(_("Total"), Align.RIGHT, 0.8),
    )
    rows = [
        Row(
            (
                Cell.of(group.number),
                Cell.of(group.title),
                *(Cell.of(str(group.counts.get(status, 0))) for status in keys),
                Cell.of(str(group.total)),
            )
        )
        for group in groups
    ]
    totals = [sum(group.counts.get(status, 0) for group in groups) for status in keys]
    rows.append(
        Row(
            (
                Cell.of(""),
                Cell.of(_("Total")),
                *(Cell.of(str(total)) for total in totals),
                Cell.of(str(sum(totals))),
            ),
            RowKind.TOTAL,
        )
    )
    return Table(key=key, caption=caption, columns=columns, rows=tuple(rows))


def _status_blocks(section: StrategySection) -> list[Block]:
    blocks: list[Block] = [
        Paragraph.of(
            _(
                "The status of each measure is computed from its period, the stage of results "
                "it has reached and its reports (see the methodology in the annex, section 5). "
                "A measure counts in its goal and in its priority direction."
            )
        )
    ]
    for groups, label, caption, key in (
        (section.goals, _("Goal"), _("Measures by status and goal"), "goals"),
        (
            section.directions,
            _("Priority direction"),
            _("Measures by status and priority direction"),
            "directions",
        ),
    ):
        if not groups:
            continue
        key = f"{section.code or 'strategy'}-status-{key}"
        blocks.append(
            Chart(
                key=key,
                spec=status_chart(
                    title=caption,
                    axis_title=_("Measures"),
                    groups=[
                        GroupCounts(title_with_number(g.number, g.title), g.counts) for g in groups
                    ],
                    description=caption,
                ),
                title=caption,
                description=_status_description(groups),
            )
        )
        blocks.append(status_table(key=key, caption=caption, label=label, groups=groups))
    if not section.goals and not section.directions:
        blocks.append(Paragraph.of(_("The plan of this strategy has no goals or directions.")))
    return blocks


def _status_description(groups: Sequence[GroupStatus]) -> str:
    parts = []
    for group in groups:
        counts = ", ".join(
            f"{status_label(key)} {count}" for key, count in group.counts.items() if count
        )
        parts.append(f"{title_with_number(group.number, group.title)}: {counts}")
    return "; ".join(parts)


def _measure_blocks(section: StrategySection, f: Formats) -> list[Block]:
    columns = (
        Column(_("No."), width=0.9),
        Column(_("Measure"), width=5.2),
        Column(_("Lead executor"), width=1.3),
        Column(_("Other executors"), width=1.6),
        Column(_("Period"), width=1.1),
        Column(_("Stage reached"), width=1.3),
        Column(_("Status"), width=1.4),
        Column(_("Completion"), Align.RIGHT, 1.0),
        Column(_("Self-reported status"), width=1.4),
    )
    parents = {group.number: group for group in (*section.goals, *section.directions)}
    rows: list[Row] = []
    current: str | None = None
    for measure in section.measures:
        parent = measure.direction or measure.goal
        if parent is not None and parent != current and parent in parents:
            rows.append(
                Row(
                    (Cell.of(title_with_number(parent, parents[parent].title)),),
                    RowKind.GROUP,
                )
            )
        current = parent
        rows.append(_measure_row(measure, f))
    disagreements = sum(1 for measure in section.measures if measure.disagrees)
    blocks: list[Block] = [
        Paragraph.of(
            _(
                "Every measure of the action plan with its executors, the stage of results it "
                "has reached, its computed status, the completion the agency reported and the "
                "status the agency reported itself."
            )
        ),
        Table(
            key=f"{section.code or 'strategy'}-measures",
            caption=_("Measures of the action plan"),
            columns=columns,
            rows=tuple(rows),
            small=True,
        ),
    ]
    if disagreements:
        blocks.append(
            Note(
                (
                    Text(f"{FLAG} ", bold=True),
                    Text(
                        _(
                            "The status the agency reported disagrees with the status computed "
                            "from its reports (%(count)s measures)."
                        )
                        % {"count": disagreements}
                    ),
                ),
            )
        )
    return blocks


def _measure_row(measure: ReportMeasure, f: Formats) -> Row:
    self_reported = (
        status_label(measure.self_reported) if measure.self_reported is not None else MISSING
    )
    if measure.disagrees:
        self_reported = f"{self_reported} {FLAG}"
    return Row(
        (
            Cell.of(measure.number),
            Cell.of(measure.title),
            Cell.of(", ".join(measure.lead) or MISSING),
            Cell.of(", ".join(measure.co_executors) or MISSING),
            Cell.of(measure.period),
            Cell.of(stage_label(measure.stage_reached)),
            Cell.of(status_label(measure.status), status=measure.status),
            Cell.of(f.percent(measure.percent_complete)),
            Cell.of(self_reported, flag=measure.disagrees),
        )
    )
