"""A monitoring report's input, read through the selectors the dashboards use.

:func:`report_data` evaluates each strategy as of the end of the reporting
cycle with :func:`hedef.evaluation.selectors.strategy_dashboard`, exactly as the
strategy dashboard does for ``?cycle=<id>``, and fills
:class:`hedef.domain.reports.ReportData` from the result. The key figures and
the counts by status are the dashboard's own ``overall`` figures, so the report
and the page show the same numbers. Around them:

- measure rows and headline indicators as the dashboard lists them (values and
  forecasts on the charts' year axis, the forecast sentence the page prints);
- overdue items: measures whose period has ended without final results, and
  reports of the cycle still with their agency after the due date;
- reports returned in the cycle, from the audit log's ``submission.return``
  entries: when, which fields, the reviewer's comments;
- agency timeliness by lead agency, and the readiness rating with its rank
  intervals, as the rating page computes it for the cycle;
- the methodology (less the sections a report does not use), the audit chain's
  head recorded at publication (or the current head, labelled as such, for a
  cycle not yet published), the approving act of each strategy and the demo flag.

Labels and forecast sentences are produced while the report's language is
active: :func:`report_data` activates it itself.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hedef.agencies.models import Agency
from hedef.core.models import AuditHead
from hedef.domain.core.text import az_sort_key
from hedef.domain.evaluation.rollup import GroupBy
from hedef.domain.reports import (
    Cycle,
    ForecastLine,
    IndicatorSection,
    KeyFigures,
    ReadinessRow,
    ReportData,
    ReportMeasure,
    StrategySection,
    TimelinessRow,
)
from hedef.domain.reports.adapters import group_statuses, readiness_rows, timeliness_rows
from hedef.domain.reports.formatting import Formats
from hedef.evaluation.methodology import methodology_excerpt, methodology_text
from hedef.evaluation.selectors import (
    EvaluationDate,
    IndicatorEvaluation,
    MeasureEvaluation,
    StrategyDashboard,
    evaluation_date,
    group_figures,
    readiness_rating,
    strategy_dashboard,
)
from hedef.monitoring.models import ReportingCycle
from hedef.plans.models import PlanVersion, Strategy
from hedef.reports.items import (
    agency_names,
    cycle_reports,
    overdue_items,
    returned_items,
)

__all__ = ["report_data"]


def report_data(
    *,
    strategies: Sequence[Strategy],
    cycle: ReportingCycle,
    language: str,
    today: datetime.date | None = None,
    draws: int | None = None,
) -> ReportData:
    """The report on ``strategies`` (several: a consolidated report) for ``cycle``.

    Args:
        strategies: strategies with a current plan version, in the report's order.
        cycle: the reporting cycle; the evaluation stands at its last day.
        language: the report's language code ("az", "en"); activated meanwhile.
        today: the report's date, for days overdue; default: today in Baku.
        draws: Monte Carlo draws of the readiness rating; default: its definition's.

    Raises:
        ValueError: ``strategies`` is empty.
    """
    if not strategies:
        raise ValueError("a report covers at least one strategy")
    with translation.override(language):
        when = evaluation_date(cycle=cycle)
        on = today or timezone.localdate()
        formats = Formats(language)
        boards = [strategy_dashboard(strategy=strategy, when=when) for strategy in strategies]
        sections = tuple(_section(board, cycle=cycle, today=on, f=formats) for board in boards)
        measures = [item for board in boards for item in board.measures]
        indicators = [item for board in boards for item in board.indicators]
        head, recorded = _audit_head(cycle)
        readiness, draws_used = _readiness(when, draws)
        consolidated = len(sections) > 1
        return ReportData(
            language=language,
            title=_("Consolidated monitoring report") if consolidated else _("Monitoring report"),
            cycle=Cycle(cycle.label, cycle.period_start, cycle.period_end, cycle.due_date),
            generated_on=on,
            sections=sections,
            key_figures=_total(sections, indicators) if consolidated else sections[0].key_figures,
            timeliness=_timeliness(measures, indicators, when),
            readiness=readiness,
            readiness_draws=draws_used,
            methodology=methodology_excerpt(methodology_text(language)),
            audit_head_hash=head,
            audit_head_recorded=recorded,
            demo=bool(settings.HEDEF_DEMO),
        )


# ---- one strategy ------------------------------------------------------------------------


def _section(
    board: StrategyDashboard, *, cycle: ReportingCycle, today: datetime.date, f: Formats
) -> StrategySection:
    version = board.strategy.current_version
    assert version is not None
    titles: dict[str, str] = {}
    for item in board.measures:
        for node in (item.measure.goal, item.measure.direction):
            if node is not None:
                titles.setdefault(node.number, node.title)
    order = list(titles)  # the measures come in plan order, and so do their nodes
    reports = cycle_reports(strategy=board.strategy, cycle=cycle)
    returned = returned_items(reports=reports)
    return StrategySection(
        title=version.title,
        act=_act(version, f),
        period=f"{version.period_start}–{version.period_end}",
        key_figures=_figures(board, returned=len(returned)),
        goals=group_statuses(
            [group.statuses for group in board.goals if group.statuses],
            titles=titles,
            order=order,
        ),
        directions=group_statuses(
            [group.statuses for group in board.directions if group.statuses],
            titles=titles,
            order=order,
        ),
        measures=tuple(_measure_row(item) for item in board.measures),
        indicators=tuple(_indicator_section(item) for item in board.indicators),
        overdue=overdue_items(measures=board.measures, reports=reports, cycle=cycle, today=today),
        returned=returned,
        code=board.strategy.code,
    )


def _figures(board: StrategyDashboard, *, returned: int) -> KeyFigures:
    """The dashboard's summary figures, as the report's key figures."""
    overall = board.overall
    statuses = overall.statuses if overall else None
    timeliness = overall.timeliness if overall else None
    return KeyFigures(
        measures=len(board.measures),
        by_status=dict(statuses.by_status) if statuses else {},
        indicators=len(board.indicators),
        indicators_on_track=sum(_on_track(item) for item in board.indicators),
        mean_attainment=overall.mean_attainment if overall else None,
        reports_due=timeliness.reports_due if timeliness else 0,
        reports_on_time=timeliness.submitted_on_time if timeliness else 0,
        reports_returned=returned,
        disagreements=board.disagreements,
    )


def _on_track(item: IndicatorEvaluation) -> bool:
    """Target met, or reached by the target year at the current pace."""
    if item.progress.status.value == "target_achieved":
        return True
    return item.forecast is not None and item.forecast.on_track


def _act(version: PlanVersion, f: Formats) -> str:
    """The approving act as the strategy page names it: kind, number, date."""
    if not version.act_kind:
        return ""
    act = version.act_kind
    if version.act_number:
        act += f" № {version.act_number}"
    if version.act_date:
        act += f", {f.date(version.act_date)}"
    return f"{_('Approved by')}: {act}"


def _measure_row(item: MeasureEvaluation) -> ReportMeasure:
    stage = item.assessment.stage_reached
    latest = item.latest
    return ReportMeasure(
        number=item.measure.number,
        title=item.measure.title,
        lead=agency_names(item.lead),
        co_executors=agency_names(item.co_executors),
        period=item.measure.period_text,
        stage_reached=stage.value if stage else None,
        status=item.status,
        percent_complete=latest.percent if latest else None,
        self_reported=(latest.progress_status or None) if latest else None,
        disagrees=item.disagrees,
        goal=item.goal,
        direction=item.direction,
    )


def _indicator_section(item: IndicatorEvaluation) -> IndicatorSection:
    """The indicator as its dashboard draws it: the same axis, points and sentence."""
    indicator = item.indicator
    result = item.forecast
    forecast = None
    if result is not None:
        forecast = ForecastLine(
            method=result.method.value if result.method and result.trend else None,
            points=tuple(item.forecast_points()),
            sentence=item.sentence,
            # Without a trend (too few values) nobody can tell: not "off track".
            on_track=result.on_track if result.trend or result.already_reached else None,
        )
    baseline = item.baseline
    return IndicatorSection(
        number=indicator.number,
        name=indicator.name,
        unit=indicator.unit,
        direction=indicator.direction,
        baseline=baseline.value if baseline else None,
        # The baseline describes the end of its year: on the year axis, that year.
        baseline_year=math.floor(baseline.year) - 1 if baseline else None,
        targets=dict(item.targets),
        actuals={observation.year: observation.value for observation in item.observations},
        forecast=forecast,
        status=item.progress.status.value,
        attainment=item.attainment.value,
        responsible=agency_names([item.agency])[0] if item.agency else "",
    )


# ---- the whole report ---------------------------------------------------------------------


def _total(
    sections: Sequence[StrategySection], indicators: Sequence[IndicatorEvaluation]
) -> KeyFigures:
    """The key figures of a consolidated report: each strategy's summed.

    Mean attainment is over every indicator of the report, as a strategy's is over
    its own (not a mean of the strategies' means).
    """
    figures = [section.key_figures for section in sections]
    by_status: dict[str, int] = {}
    for item in figures:
        for status, count in item.by_status.items():
            by_status[status] = by_status.get(status, 0) + count
    attained = [item.attainment.value for item in indicators if item.attainment.value is not None]
    return KeyFigures(
        measures=sum(item.measures for item in figures),
        by_status=by_status,
        indicators=sum(item.indicators for item in figures),
        indicators_on_track=sum(item.indicators_on_track for item in figures),
        mean_attainment=statistics.fmean(attained) if attained else None,
        reports_due=sum(item.reports_due for item in figures),
        reports_on_time=sum(item.reports_on_time for item in figures),
        reports_returned=sum(item.reports_returned for item in figures),
        disagreements=sum(item.disagreements for item in figures),
    )


def _timeliness(
    measures: Sequence[MeasureEvaluation],
    indicators: Sequence[IndicatorEvaluation],
    when: EvaluationDate,
) -> tuple[TimelinessRow, ...]:
    """Lead agencies' timeliness, as the dashboard's lead-agency table has it."""
    groups = group_figures(
        by=GroupBy.LEAD_AGENCY, measures=measures, indicators=indicators, when=when
    )
    names = _names_by_code(group.key[0] for group in groups)
    rows = [
        replace(row, agency=names.get(row.agency, row.agency))
        for row in timeliness_rows([group.timeliness for group in groups if group.timeliness])
    ]
    return tuple(sorted(rows, key=lambda row: az_sort_key(row.agency)))


def _readiness(
    when: EvaluationDate, draws: int | None
) -> tuple[tuple[ReadinessRow, ...], int | None]:
    """The rating page's rating for the same date, with agencies by acronym."""
    rating = readiness_rating(when=when, draws=draws)
    if rating.result is None:
        return (), None
    names = {rated.agency.code: agency_names([rated.agency])[0] for rated in rating.agencies}
    rows = tuple(
        replace(row, agency=names.get(row.agency, row.agency))
        for row in readiness_rows(rating.result)
    )
    return rows, rating.result.draws


def _names_by_code(codes: Iterable[str]) -> dict[str, str]:
    agencies = Agency.objects.in_bulk(list(codes), field_name="code")
    return {code: agency_names([agency])[0] for code, agency in agencies.items()}


def _audit_head(cycle: ReportingCycle) -> tuple[str, bool]:
    """The chain's head recorded at publication, or else the current one (``False``)."""
    if cycle.state == ReportingCycle.State.PUBLISHED:
        return cycle.published_head_hash, True
    head = AuditHead.objects.filter(pk=1).values_list("last_hash", flat=True).first()
    return head or "", False
