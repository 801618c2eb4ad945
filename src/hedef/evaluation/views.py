"""Evaluation pages: the methodology, the dashboards, the readiness rating. Thin."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.agencies.models import Agency
from hedef.domain.charts import format_locale
from hedef.domain.evaluation.statuses import MEASURE_STATUS_ORDER
from hedef.evaluation import charts, selectors
from hedef.evaluation.labels import attainment_notes, measure_notes, progress_notes
from hedef.evaluation.methodology import methodology_html, methodology_language
from hedef.evaluation.permissions import can_view_dashboards
from hedef.plans.models import Indicator, Strategy
from hedef.reports.permissions import can_download_reports

NO_ROLE = gettext_lazy("Your account has no role in Hədəf.")


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
