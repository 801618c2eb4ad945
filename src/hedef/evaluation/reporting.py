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
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hedef.agencies.models import Agency
from hedef.domain.evaluation.rollup import GroupBy
from hedef.domain.reporting import TARGET_PREFIX, ReportState, is_overdue
from hedef.domain.reports import (
    Cycle,
    ForecastLine,
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
from hedef.domain.reports.adapters import group_statuses, readiness_rows, timeliness_rows
from hedef.domain.reports.formatting import Formats
from hedef.domain.text import az_sort_key
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
from hedef.monitoring.models import AuditEntry, AuditHead, ReportingCycle, Submission
from hedef.plans.models import Indicator, Measure, MeasureTarget, PlanVersion, Strategy

__all__ = ["report_data"]

RETURN_ACTION = "submission.return"  # monitoring.actions.review.SubmissionReturn


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
    """
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
        return ReportData(
            language=language,
            title=_("Consolidated monitoring report")
            if len(sections) > 1
            else _("Monitoring report"),
            cycle=Cycle(cycle.label, cycle.period_start, cycle.period_end, cycle.due_date),
            generated_on=on,
            sections=sections,
            key_figures=_total(sections, indicators)
            if len(sections) > 1
            else sections[0].key_figures,
            timeliness=_timeliness(measures, indicators, when),
            readiness=readiness,
            readiness_draws=draws_used,
            methodology=methodology_excerpt(methodology_text()),
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
    reports = _cycle_reports(board.strategy, cycle)
    returned = _returned(reports)
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
        overdue=_overdue(board.measures, reports, cycle=cycle, today=today),
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


def _names(agencies: Iterable[Agency]) -> tuple[str, ...]:
    """Agencies as the dashboard's tables name them: acronym, else the name."""
    return tuple(agency.acronym or agency.name for agency in agencies)


def _measure_row(item: MeasureEvaluation) -> MeasureRow:
    stage = item.assessment.stage_reached
    latest = item.latest
    return MeasureRow(
        number=item.measure.number,
        title=item.measure.title,
        lead=_names(item.lead),
        co_executors=_names(item.co_executors),
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
        responsible=_names([item.agency])[0] if item.agency else "",
    )


# ---- the cycle's reports: overdue and returned ---------------------------------------------


def _cycle_reports(strategy: Strategy, cycle: ReportingCycle) -> list[Submission]:
    """The cycle's reports on the strategy's measures and indicators, in plan order."""
    reports = (
        Submission.objects.filter(cycle=cycle)
        .filter(Q(measure__version__strategy=strategy) | Q(indicator__version__strategy=strategy))
        .select_related("agency", "measure", "indicator")
    )
    return sorted(reports, key=lambda report: (report.is_indicator, _subject(report).position))


def _subject(report: Submission) -> Measure | Indicator:
    subject = report.measure or report.indicator
    assert subject is not None  # a report is on a measure or on an indicator
    return subject


def _subject_title(report: Submission) -> str:
    return report.indicator.name if report.indicator else _subject(report).title


def _overdue(
    measures: Sequence[MeasureEvaluation],
    reports: Sequence[Submission],
    *,
    cycle: ReportingCycle,
    today: datetime.date,
) -> tuple[OverdueItem, ...]:
    """Measures past their period without final results, then reports past the due date.

    A measure is listed once: its ended period says more than its late report.
    """
    items: list[OverdueItem] = []
    stages: dict[str, str | None] = {}
    for item in measures:
        stage = item.assessment.stage_reached
        stages[item.measure.number] = stage.value if stage else None
        if item.status != "overdue":
            continue
        end = item.measure.period_end
        due = datetime.date(end, 12, 31) if end is not None else None
        items.append(
            OverdueItem(
                number=item.measure.number,
                title=item.measure.title,
                agencies=_names(item.lead),
                reason="period_ended",
                due=due,
                days_overdue=(today - due).days if due else None,
                stage_reached=stages[item.measure.number],
            )
        )
    listed = {item.number for item in items}
    for report in reports:
        number = _subject(report).number
        if number in listed or not is_overdue(ReportState(report.state), cycle.due_date, today):
            continue
        items.append(
            OverdueItem(
                number=number,
                title=_subject_title(report),
                agencies=_names([report.agency]),
                reason="report_late",
                due=cycle.due_date,
                days_overdue=(today - cycle.due_date).days,
                stage_reached=None if report.is_indicator else stages.get(number),
            )
        )
    return tuple(items)


def _returned(reports: Sequence[Submission]) -> tuple[ReturnedItem, ...]:
    """Every report of the cycle a reviewer returned, with its latest return.

    The audit log keeps each return with the fields reopened and the comments, so
    a report returned and since corrected and accepted is still listed.
    """
    by_id = {str(report.pk): report for report in reports}
    latest: dict[str, AuditEntry] = {}
    for entry in AuditEntry.objects.filter(
        action=RETURN_ACTION, object_type="submission", object_id__in=list(by_id)
    ).order_by("pk"):
        latest[entry.object_id] = entry
    details = {key: entry.details.get("after", {}) for key, entry in latest.items()}
    targets = _target_labels(
        key for after in details.values() for key in after.get("returned_fields", [])
    )
    items = []
    for key, report in by_id.items():
        if key not in latest:
            continue
        after = details[key]
        comments: dict[str, str] = after.get("comments", {})
        fields = [str(field) for field in after.get("returned_fields", [])]
        reason = [comments[""]] if comments.get("") else []
        reason += [comments[field] for field in fields if comments.get(field)]
        items.append(
            ReturnedItem(
                number=_subject(report).number,
                title=_subject_title(report),
                agency=_names([report.agency])[0],
                returned_on=timezone.localdate(latest[key].at),
                reason=" ".join(text.strip() for text in reason),
                fields=tuple(targets.get(field, field) for field in fields),
            )
        )
    return tuple(items)


def _target_labels(keys: Iterable[str]) -> dict[str, str]:
    """``target:<id>`` field keys → the target's phrase as the plan writes it."""
    ids = {int(key[len(TARGET_PREFIX) :]) for key in keys if key.startswith(TARGET_PREFIX)}
    if not ids:
        return {}
    rows = MeasureTarget.objects.filter(pk__in=ids).values_list("pk", "phrase", "value", "unit")
    return {
        f"{TARGET_PREFIX}{pk}": phrase or f"{value:g} {unit}".strip()
        for pk, phrase, value, unit in rows
    }


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
    names = _agency_names(group.key[0] for group in groups)
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
    names = {rated.agency.code: _names([rated.agency])[0] for rated in rating.agencies}
    rows = tuple(
        replace(row, agency=names.get(row.agency, row.agency))
        for row in readiness_rows(rating.result)
    )
    return rows, rating.result.draws


def _agency_names(codes: Iterable[str]) -> dict[str, str]:
    agencies = Agency.objects.in_bulk(list(codes), field_name="code")
    return {code: _names([agency])[0] for code, agency in agencies.items()}


def _audit_head(cycle: ReportingCycle) -> tuple[str, bool]:
    """The chain's head recorded at publication, or else the current one (``False``)."""
    if cycle.state == ReportingCycle.State.PUBLISHED:
        return cycle.published_head_hash, True
    head = AuditHead.objects.filter(pk=1).values_list("last_hash", flat=True).first()
    return head or "", False
