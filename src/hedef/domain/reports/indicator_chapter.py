"""The headline-indicator chapter: for each indicator its facts, chart, forecast and values.

The chart and the table show the same numbers: the table is the chart's data
for readers who cannot see it and for those who want the figures.
"""

from __future__ import annotations

from hedef.domain.charts import indicator_chart
from hedef.domain.core.i18n import gettext as _
from hedef.domain.evaluation.statuses import direction_label, forecast_method_label, status_label
from hedef.domain.reports.data import IndicatorSection, StrategySection
from hedef.domain.reports.formatting import MISSING, Formats
from hedef.domain.reports.model import (
    Align,
    Block,
    Cell,
    Chart,
    Column,
    Heading,
    Paragraph,
    ParagraphStyle,
    Row,
    Table,
    Text,
)
from hedef.domain.reports.numbering import title_with_number

__all__ = ["indicator_blocks"]


def indicator_blocks(
    section: StrategySection, f: Formats, *, heading_level: int, key_prefix: str
) -> list[Block]:
    blocks: list[Block] = [
        Paragraph.of(
            _(
                "For each headline indicator: the yearly targets of the strategy, the values "
                "reported so far and where the current trend leads (see the methodology in the "
                "annex, sections 1, 2 and 4)."
            )
        )
    ]
    if not section.indicators:
        blocks.append(Paragraph.of(_("This strategy has no headline indicators.")))
    for indicator in section.indicators:
        blocks += _indicator(indicator, f, level=heading_level, key_prefix=key_prefix)
    return blocks


def _indicator(
    indicator: IndicatorSection, f: Formats, *, level: int, key_prefix: str
) -> list[Block]:
    title = title_with_number(indicator.number, indicator.name)
    key = f"{key_prefix}indicator-{indicator.number}"
    baseline = MISSING
    if indicator.baseline is not None:
        baseline = f.number(indicator.baseline)
        if indicator.baseline_year is not None:
            baseline = f"{baseline} ({indicator.baseline_year})"
    facts = [
        (_("Unit"), indicator.unit or MISSING),
        (_("Direction"), direction_label(indicator.direction)),
        (_("Baseline"), baseline),
        (_("Progress status"), status_label(indicator.status)),
    ]
    if indicator.attainment is not None:
        facts.append((_("Attainment"), f.share(indicator.attainment)))
    if indicator.responsible:
        facts.append((_("Responsible"), indicator.responsible))
    runs: list[Text] = []
    for index, (label, value) in enumerate(facts):
        runs += [Text(f"{label}: ", bold=True), Text(value)]
        if index < len(facts) - 1:
            runs.append(Text(" · "))
    forecast = indicator.forecast
    subtitle = f"{indicator.unit} · {direction_label(indicator.direction)}".strip(" ·")
    spec = indicator_chart(
        title=title,
        unit=indicator.unit,
        targets=indicator.targets,
        actuals=indicator.actuals,
        forecast=forecast.points if forecast else (),
        baseline=indicator.baseline,
        baseline_year=indicator.baseline_year,
        subtitle=subtitle,
        description=title,
    )
    blocks: list[Block] = [
        Heading(title, level=level, anchor=key),
        Paragraph(tuple(runs), ParagraphStyle.FACTS),
        Chart(
            key=key,
            spec=spec,
            title=title,
            description=_("Targets, actual values and forecast of indicator %(number)s.")
            % {"number": indicator.number},
        ),
    ]
    if forecast is not None:
        blocks.append(
            Paragraph(
                (
                    Text(forecast.sentence, bold=True),
                    Text(
                        " "
                        + _("Method: %(method)s.")
                        % {"method": forecast_method_label(forecast.method)}
                    ),
                )
            )
        )
    blocks.append(_indicator_table(indicator, f, key=key))
    return blocks


def _indicator_table(indicator: IndicatorSection, f: Formats, *, key: str) -> Table:
    trend = (
        {float(year): value for year, value in indicator.forecast.points}
        if indicator.forecast
        else {}
    )
    targets = {float(year): value for year, value in indicator.targets.items()}
    actuals = {float(year): value for year, value in indicator.actuals.items()}
    years = sorted({*targets, *actuals, *trend})
    rows = []
    if indicator.baseline is not None and indicator.baseline_year not in years:
        baseline_word = _("baseline")
        label = f"{indicator.baseline_year} ({baseline_word})"
        if indicator.baseline_year is None:
            label = baseline_word
        rows.append(
            Row(
                (
                    Cell.of(label),
                    Cell.of(MISSING),
                    Cell.of(f.number(indicator.baseline)),
                    Cell.of(MISSING),
                )
            )
        )
    for year in years:
        rows.append(
            Row(
                (
                    Cell.of(f.year(year)),
                    Cell.of(f.number(targets.get(year))),
                    Cell.of(f.number(actuals.get(year))),
                    Cell.of(f.number(trend.get(year))),
                )
            )
        )
    unit = f" ({indicator.unit})" if indicator.unit else ""
    return Table(
        key=f"{key}-values",
        caption=_("Targets, actual values and trend of indicator %(number)s")
        % {"number": indicator.number}
        + unit,
        columns=(
            Column(_("Year")),
            Column(_("Target"), Align.RIGHT),
            Column(_("Actual"), Align.RIGHT),
            Column(_("Trend"), Align.RIGHT),
        ),
        rows=tuple(rows),
        small=True,
    )
