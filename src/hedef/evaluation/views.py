"""Evaluation pages: the methodology, the dashboards, the readiness rating, the reports. Thin."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.agencies.models import Agency
from hedef.domain.charts import format_locale
from hedef.domain.evaluation.statuses import MEASURE_STATUS_ORDER
from hedef.domain.reports import ReportError
from hedef.evaluation import charts, selectors
from hedef.evaluation.forms import ReportForm
from hedef.evaluation.labels import attainment_notes, measure_notes, progress_notes
from hedef.evaluation.methodology import methodology_html, methodology_language
from hedef.evaluation.permissions import can_download_reports, can_view_dashboards
from hedef.evaluation.report_files import ReportRequestError, report_file, report_strategies
from hedef.plans.models import Indicator, Strategy

NO_ROLE = gettext_lazy("Your account has no role in Hədəf.")
ONLY_REPORT_READERS = gettext_lazy(
    "Only the operator's monitoring unit and leadership may produce monitoring reports."
)
REPORT_FAILED = {
    "fonts_missing": gettext_lazy(
        "The PDF could not be produced: the server lacks the fonts it embeds. "
        "Choose another format, or ask the administrator."
    ),
    "inconsistent_report_data": gettext_lazy(
        "The report was not produced: its figures contradict themselves. "
        "The problem has been logged for the administrator."
    ),
}

logger = logging.getLogger(__name__)


@login_not_required
def methodology(request: HttpRequest) -> HttpResponse:
    """How every status, score and rank is computed (public: the reports quote it)."""
    language = methodology_language(get_language() or "en")
    return render(
        request,
        "evaluation/methodology.html",
        {"body": mark_safe(methodology_html(language)), "text_language": language},
    )


def _when(request: HttpRequest) -> selectors.EvaluationDate:
    """The evaluation date asked for: ``?cycle=<id>`` (the cycle's end), else today."""
    require(can_view_dashboards(request.user), NO_ROLE)
    raw = request.GET.get("cycle", "")
    if not raw:
        return selectors.evaluation_date()
    when = selectors.evaluation_date(cycle_id=int(raw) if raw.isdigit() else -1)
    if when.cycle is None:
        raise Http404(_("No such reporting cycle."))
    return when


def _page(when: selectors.EvaluationDate, **context: Any) -> dict[str, Any]:
    language = (get_language() or "az")[:2]
    return {
        "when": when,
        "chart_locale": format_locale(language),
        "status_keys": MEASURE_STATUS_ORDER,
        **context,
    }


def strategy_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    when = _when(request)
    strategy = get_object_or_404(
        Strategy.objects.select_related("current_version"),
        code=code,
        current_version__isnull=False,
    )
    board = selectors.strategy_dashboard(strategy=strategy, when=when)
    indicators = [
        {"item": item, "spec": charts.indicator_spec(item), "notes": attainment_notes(item)}
        for item in board.indicators
    ]
    return render(
        request,
        "evaluation/strategy_dashboard.html",
        _page(
            when,
            board=board,
            strategy=strategy,
            indicators=indicators,
            goal_chart=charts.status_spec(board.goals, title=_("Measures by goal and status")),
            timeliness_chart=charts.timeliness_spec(
                board.agencies, title=_("Reports submitted on time, by lead agency")
            ),
            measure_notes=measure_notes(),
            can_download_reports=can_download_reports(request.user),
        ),
    )


def agency_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    when = _when(request)
    agency = get_object_or_404(Agency, code=code)
    board = selectors.agency_dashboard(agency=agency, when=when)
    # One bar per strategy and role, named by the strategy's code: the documents'
    # titles all begin alike and a chart's labels are cut short.
    status_groups = [
        replace(group, label=f"{role} · {share.strategy.code}")
        for share in board.strategies
        for role, group in ((_("As lead"), share.as_lead), (_("As co-executor"), share.as_co))
        if group is not None
    ]
    return render(
        request,
        "evaluation/agency_dashboard.html",
        _page(
            when,
            board=board,
            agency=agency,
            status_chart=charts.status_spec(
                status_groups, title=_("Measures by strategy, role and status")
            ),
            indicators=[
                {"item": item, "spec": charts.indicator_spec(item), "notes": attainment_notes(item)}
                for item in board.indicators
            ],
            measure_notes=measure_notes(),
        ),
    )


def indicator_dashboard(request: HttpRequest, code: str, number: str) -> HttpResponse:
    when = _when(request)
    strategy = get_object_or_404(
        Strategy.objects.select_related("current_version"),
        code=code,
        current_version__isnull=False,
    )
    indicator = get_object_or_404(
        Indicator.objects.select_related("version__strategy", "responsible"),
        version_id=strategy.current_version_id,
        number=number,
    )
    item = selectors.indicator_dashboard(indicator=indicator, when=when)
    return render(
        request,
        "evaluation/indicator_dashboard.html",
        _page(
            when,
            strategy=strategy,
            item=item,
            spec=charts.indicator_spec(item),
            notes=attainment_notes(item),
            progress_notes=progress_notes(item),
        ),
    )


def rating(request: HttpRequest) -> HttpResponse:
    when = _when(request)
    result = selectors.readiness_rating(when=when)
    return render(
        request,
        "evaluation/rating.html",
        _page(
            when,
            rating=result,
            spec=charts.rating_spec(result) if result.result else None,
        ),
    )


def reports(request: HttpRequest) -> HttpResponse:
    """Choose a strategy (or all of a cycle's), a cycle, a format and a language."""
    require(can_download_reports(request.user), ONLY_REPORT_READERS)
    initial = {key: request.GET[key] for key in ("strategy", "cycle") if request.GET.get(key)}
    return render(request, "evaluation/reports.html", {"form": ReportForm(initial=initial)})


def report_download(request: HttpRequest) -> HttpResponse:
    """The report chosen, as a file to save; the form again, with the reason, when refused."""
    require(can_download_reports(request.user), ONLY_REPORT_READERS)
    form = ReportForm(request.GET)
    if not form.is_valid():
        return render(request, "evaluation/reports.html", {"form": form}, status=400)
    chosen = form.cleaned_data
    cycle = chosen["cycle"]
    try:
        strategies = report_strategies([chosen["strategy"]], cycle=cycle)
        file = report_file(
            strategies=strategies, cycle=cycle, fmt=chosen["format"], language=chosen["language"]
        )
    except ReportRequestError:
        form.add_error(
            "strategy",
            _("The cycle “%(cycle)s” reports on no such strategy.") % {"cycle": cycle.label},
        )
        return render(request, "evaluation/reports.html", {"form": form}, status=400)
    except ReportError as error:
        logger.exception("monitoring report for cycle %s not produced", cycle.pk)
        form.add_error(None, REPORT_FAILED.get(error.code, str(error)))
        return render(request, "evaluation/reports.html", {"form": form}, status=500)
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = content_disposition_header(True, file.name)
    return response
