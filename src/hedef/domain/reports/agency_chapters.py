"""The chapters about agencies: reporting timeliness and the digital-readiness rating.

A rank is never shown alone: the table and the chart give every agency's rank
with the interval of ranks it takes in 90 % of the Monte Carlo simulations of
the rating (methodology, section 7.2), so that a reader does not make much of a
difference of one or two places that the method itself cannot tell apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from hedef.domain.charts import RatingPoint, TimelinessBar, readiness_chart, timeliness_chart
from hedef.domain.core.i18n import gettext as _
from hedef.domain.reports.data import ReadinessRow, TimelinessRow
from hedef.domain.reports.formatting import MISSING, Formats
from hedef.domain.reports.model import (
    Align,
    Block,
    Cell,
    Chart,
    Column,
    Note,
    Paragraph,
    Row,
    Table,
    Text,
)

__all__ = ["rank_interval", "readiness_blocks", "timeliness_blocks"]


def timeliness_blocks(rows: Sequence[TimelinessRow], f: Formats) -> list[Block]:
    """Chart and table of each agency's on-time share and median delay."""
    blocks: list[Block] = [
        Paragraph.of(
            _(
                "The share of each agency's reports that were submitted on or before their due "
                "date, and the median delay of its submitted reports in days; an early report "
                "counts as no delay, and a report not submitted counts against the share (see "
                "the methodology in the annex, section 6)."
            )
        )
    ]
    if not rows:
        blocks.append(Paragraph.of(_("No report was due in this cycle.")))
        return blocks
    caption = _("Reporting timeliness by agency")
    drawn = [row for row in rows if row.on_time_share is not None]
    if drawn:
        blocks.append(
            Chart(
                key="timeliness",
                spec=timeliness_chart(
                    title=caption,
                    bars=[
                        TimelinessBar(
                            row.agency,
                            row.on_time_share or 0.0,
                            row.median_delay_days,
                            row.reports_due,
                        )
                        for row in drawn
                    ],
                    description=caption,
                ),
                title=caption,
                description="; ".join(
                    f"{row.agency}: {f.share(row.on_time_share)}" for row in drawn
                ),
            )
        )
    blocks.append(
        Table(
            key="timeliness",
            caption=caption,
            columns=(
                Column(_("Agency"), width=2.2),
                Column(_("Reports due"), Align.RIGHT),
                Column(_("Submitted on time"), Align.RIGHT),
                Column(_("Share on time"), Align.RIGHT),
                Column(_("Not submitted"), Align.RIGHT),
                Column(_("Median delay, days"), Align.RIGHT),
            ),
            rows=tuple(
                Row(
                    (
                        Cell.of(row.agency),
                        Cell.of(str(row.reports_due)),
                        Cell.of(str(row.submitted_on_time)),
                        Cell.of(f.share(row.on_time_share)),
                        Cell.of(str(row.not_submitted)),
                        Cell.of(f.days(row.median_delay_days)),
                    )
                )
                for row in rows
            ),
        )
    )
    return blocks


def rank_interval(row: ReadinessRow, f: Formats) -> str:
    """The 5–95 % rank interval as "2–5", or the single rank when both ends agree."""
    low, high = f.number(row.rank_p5, decimals=0), f.number(row.rank_p95, decimals=0)
    return low if low == high else f"{low}–{high}"


def readiness_blocks(rows: Sequence[ReadinessRow], f: Formats, *, draws: int | None) -> list[Block]:
    """Chart and table of the readiness rating with every rank's interval."""
    intro = _(
        "The competitive rating of the digital readiness of state bodies (Digital Development "
        "Concept, action plan 1.1–1.4) combines each body's reporting timeliness, the share of "
        "its measures completed or on schedule and the attainment of its indicators (see the "
        "methodology in the annex, section 7.5)."
    )
    blocks: list[Block] = [Paragraph.of(intro)]
    if not rows:
        blocks.append(Paragraph.of(_("The rating has not been computed for this cycle.")))
        return blocks
    if draws == 0:
        interval = _(
            "The rating was computed without simulations, so its ranks have no interval: "
            "read a difference of one or two places with caution."
        )
    elif draws:
        interval = _(
            "Each rank is shown with the ranks the body takes in 90%% of %(draws)s simulations "
            "in which the rating's method choices and weights vary: a difference of places "
            "inside these intervals is not a real difference."
        ) % {"draws": draws}
    else:
        interval = (
            _(
                "Each rank is shown with the ranks the body takes in 90%% of the simulations in "
                "which the rating's method choices and weights vary: a difference of places inside "
                "these intervals is not a real difference."
            )
            % {}
        )  # turns "%%" into "%", as the catalogue's python-format expects
    blocks.append(Note((Text(interval),)))
    caption = _("Digital readiness rating of state bodies")
    blocks.append(
        Chart(
            key="readiness",
            spec=readiness_chart(
                title=caption,
                points=[
                    RatingPoint(
                        row.agency,
                        row.score,
                        row.rank,
                        row.rank_p5,
                        row.rank_median,
                        row.rank_p95,
                    )
                    for row in rows
                ],
                description=caption,
            ),
            title=caption,
            description="; ".join(
                f"{row.rank}. {row.agency} ({rank_interval(row, f)})" for row in rows
            ),
        )
    )
    blocks.append(
        Table(
            key="readiness",
            caption=caption,
            columns=(
                Column(_("Rank"), Align.RIGHT, 0.7),
                Column(_("Rank interval, 90%"), Align.RIGHT, 1.1),
                Column(_("Median rank"), Align.RIGHT, 0.9),
                Column(_("Agency"), width=2.2),
                Column(_("Score"), Align.RIGHT, 0.8),
                Column(_("Group"), width=1.2),
            ),
            rows=tuple(
                Row(
                    (
                        Cell.of(str(row.rank)),
                        Cell.of(rank_interval(row, f)),
                        Cell.of(f.number(row.rank_median, decimals=1)),
                        Cell.of(row.agency),
                        Cell.of(f.fixed(row.score, decimals=3)),
                        Cell.of(row.group or MISSING),
                    )
                )
                for row in rows
            ),
            row_headers=False,
        )
    )
    return blocks
