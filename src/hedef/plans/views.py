"""Pages for browsing strategies, measures and agencies. Thin: selectors do the reading."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hedef.agencies.models import Agency
from hedef.core.actors import Actor
from hedef.domain.plans.files import FORMATS, PlanFileError, read_plan_file, write_plan_file
from hedef.domain.plans.interchange import plan_schema as load_plan_schema
from hedef.domain.plans.model import Stage
from hedef.plans import selectors
from hedef.plans.forms import MeasureFilterForm, PlanUploadForm
from hedef.plans.models import AgencyAlias, Indicator, Measure, PlanVersion, Strategy
from hedef.plans.permissions import can_manage_plans, require_manage_plans
from hedef.plans.services import plan_import


def home(request: HttpRequest) -> HttpResponse:
    strategies = []
    for strategy in selectors.strategy_list():
        version = strategy.current_version
        strategies.append(
            {
                "strategy": strategy,
                "version": version,
                "measures": version.measures.count(),
                "indicators": version.indicators.count(),
                "flagged": sum(a.needs_attention for a in version.aliases.all()),
            }
        )
    return render(
        request,
        "plans/home.html",
        {"strategies": strategies, "can_manage": can_manage_plans(request.user)},
    )


def _version_from_request(request: HttpRequest, strategy: Strategy) -> PlanVersion:
    raw = request.GET.get("version")
    if not raw:
        return selectors.strategy_version(strategy)
    try:
        return selectors.strategy_version(strategy, int(raw))
    except (ValueError, PlanVersion.DoesNotExist) as error:
        raise Http404(_("This strategy has no version %(number)s.") % {"number": raw}) from error


def strategy_detail(request: HttpRequest, code: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy, code=code, current_version__isnull=False)
    version = _version_from_request(request, strategy)
    indicators = list(version.indicators.prefetch_related("targets").select_related("responsible"))
    years = sorted({t.year for i in indicators for t in i.targets.all()})
    return render(
        request,
        "plans/strategy_detail.html",
        {
            "strategy": strategy,
            "version": version,
            "is_current": version.pk == strategy.current_version_id,
            "versions": strategy.versions.order_by("-number"),
            "tree": selectors.strategy_tree(version),
            "indicators": [
                {"indicator": i, "targets": {t.year: t.value for t in i.targets.all()}}
                for i in indicators
            ],
            "years": years,
            "aliases": version.aliases.select_related("agency"),
            "flagged": [a for a in version.aliases.all() if a.needs_attention],
            "measure_count": version.measures.count(),
            "can_manage": can_manage_plans(request.user),
        },
    )


def measure_detail(request: HttpRequest, code: str, number: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy, code=code, current_version__isnull=False)
    version = _version_from_request(request, strategy)
    measure = get_object_or_404(
        Measure.objects.select_related("node__parent", "version__strategy"),
        version=version,
        number=number,
    )
    first = strategy.versions.order_by("number").first()
    original = None
    if first is not None and first.pk != version.pk:
        original = selectors.measure_in_version(measure, first)
    executors = list(measure.executors.select_related("agency"))
    targets = list(measure.targets.all())
    stages = [
        {
            "key": stage.value,
            "text": measure.result(stage),
            "original": original.result(stage) if original else None,
            "targets": [t for t in targets if t.stage == stage.value],
        }
        for stage in Stage
    ]
    return render(
        request,
        "plans/measure_detail.html",
        {
            "strategy": strategy,
            "version": version,
            "measure": measure,
            "original": original,
            "lead": [e for e in executors if e.role == "lead"],
            "co": [e for e in executors if e.role == "co"],
            "stages": stages,
        },
    )


def indicator_detail(request: HttpRequest, code: str, number: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy, code=code, current_version__isnull=False)
    version = _version_from_request(request, strategy)
    indicator = get_object_or_404(
        Indicator.objects.select_related("version__strategy", "responsible"),
        version=version,
        number=number,
    )
    return render(
        request,
        "plans/indicator_detail.html",
        {
            "strategy": strategy,
            "version": version,
            "indicator": indicator,
            "revisions": selectors.indicator_target_history(indicator),
        },
    )


def measure_search(request: HttpRequest) -> HttpResponse:
    form = MeasureFilterForm(request.GET or None)
    measures = selectors.measure_list(form.to_filter())
    page = Paginator(measures, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "total": measures.count()}
    if request.headers.get("HX-Request") == "true":
        return render(request, "plans/_measure_results.html", context)
    return render(request, "plans/measure_list.html", context)


def search(request: HttpRequest) -> HttpResponse:
    """Measures, indicators and agencies matching ``q``, with or without diacritics.

    Plans and the agency registry are open to every signed-in user, so nothing is
    filtered by role here.
    """
    query = request.GET.get("q", "").strip()[:200]
    results = selectors.search(query)
    return render(
        request,
        "plans/search.html",
        {"query": query, "results": results, "total": sum(k.total for k in results)},
    )


def agency_index(request: HttpRequest) -> HttpResponse:
    rows = [row for row in selectors.agency_list() if row.as_lead or row.as_co]
    unused = [row for row in selectors.agency_list() if not (row.as_lead or row.as_co)]
    unresolved = AgencyAlias.objects.filter(
        version__strategy__current_version__isnull=False, agency__isnull=True
    ).select_related("version__strategy")
    return render(
        request,
        "plans/agency_list.html",
        {"rows": rows, "unused": unused, "unresolved": unresolved},
    )


def agency_detail(request: HttpRequest, code: str) -> HttpResponse:
    agency = get_object_or_404(Agency, code=code)
    obligations = selectors.agency_obligations(agency)
    return render(request, "plans/agency_detail.html", {"agency": agency, "o": obligations})


def strategy_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(_("Unknown export format."))
    strategy = get_object_or_404(Strategy, code=code, current_version__isnull=False)
    version = _version_from_request(request, strategy)
    content = write_plan_file(selectors.version_to_plan(version), fmt)
    content_type = {
        "json": "application/json; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[fmt]
    response = HttpResponse(content, content_type=content_type)
    filename = f"{strategy.code}-v{version.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def plan_upload(request: HttpRequest) -> HttpResponse:
    require_manage_plans(request.user)
    bound = request.method == "POST"
    form = PlanUploadForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            plan = read_plan_file(upload.read(), upload.name)
        except PlanFileError as error:
            form.add_error("file", str(error))
        else:
            outcome = plan_import(plan=plan, actor=Actor.from_request(request), via="web")
            messages.success(request, outcome.message)
            return redirect(outcome.strategy)
    return render(request, "plans/plan_import.html", {"form": form})


@login_not_required
def plan_schema(request: HttpRequest) -> JsonResponse:
    """The published JSON Schema of the plan interchange format."""
    return JsonResponse(load_plan_schema(), json_dumps_params={"ensure_ascii": False, "indent": 2})
