"""The public portal (anonymous, read-only, the published snapshot only) and feedback moderation."""

from __future__ import annotations

import json
from functools import lru_cache, wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_cookie

from hedef.core.actors import Actor
from hedef.core.client_address import client_address
from hedef.domain.charts import indicator_chart, render_svg
from hedef.domain.publishing import opendata
from hedef.plans.permissions import require_manage_plans
from hedef.publishing import selectors
from hedef.publishing.forms import FeedbackForm, ModerationForm
from hedef.publishing.models import Feedback, Snapshot
from hedef.publishing.open_data import OPEN_DATA_FILES, open_data_content
from hedef.publishing.services import (
    FeedbackRefused,
    feedback_form_token,
    feedback_moderate,
    feedback_submit,
)

# Published pages change only when a cycle is published: a few seconds of shared
# caching (a front proxy's micro-cache) take the load without showing stale mixes.
PORTAL_MAX_AGE = 5
PORTAL_PAGE_CACHE_SECONDS = 600


def cacheable(view):
    """A public page identical for every visitor of one language: cacheable by proxies.

    The rendered page is also kept in the local cache under the current snapshot's
    key, so a new publication is never served from an old page.
    """

    @wraps(view)
    def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        current = Snapshot.objects.filter(is_current=True).values_list("key", flat=True).first()
        key = f"portal:{current}:{get_language()}:{request.get_full_path()}"
        page = cache.get(key)
        if page is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            page = response.content
            cache.set(key, page, timeout=PORTAL_PAGE_CACHE_SECONDS)
        return HttpResponse(page)

    return login_not_required(
        vary_on_cookie(cache_control(public=True, max_age=PORTAL_MAX_AGE)(cached))
    )


def _context(state: selectors.PortalState, **extra: Any) -> dict[str, Any]:
    return {"state": state, "snapshot": state.snapshot, **extra}


def _strategy_or_404(state: selectors.PortalState, code: str) -> dict[str, Any]:
    strategy = selectors.find_strategy(state.data, code)
    if strategy is None:
        raise Http404(_("No published strategy has this code."))
    return strategy


@cacheable
def home(request: HttpRequest) -> HttpResponse:
    state = selectors.portal_state()
    strategies = [
        {
            "strategy": s,
            "counts": selectors.status_counts(s["measures"]),
            "total": len(s["measures"]),
        }
        for s in state.data["strategies"]
    ]
    return render(request, "publishing/portal/home.html", _context(state, strategies=strategies))


@cacheable
def strategy(request: HttpRequest, code: str) -> HttpResponse:
    state = selectors.portal_state()
    item = _strategy_or_404(state, code)
    goals = [
        {
            "goal": goal,
            "measures": selectors.measures_under(item, goal["number"]),
            "counts": selectors.status_counts(selectors.measures_under(item, goal["number"])),
        }
        for goal in item["goals"]
    ]
    return render(
        request,
        "publishing/portal/strategy.html",
        _context(
            state, strategy=item, goals=goals, counts=selectors.status_counts(item["measures"])
        ),
    )


@cacheable
def goal(request: HttpRequest, code: str, number: str) -> HttpResponse:
    state = selectors.portal_state()
    item = _strategy_or_404(state, code)
    goal_item = selectors.find_item(item["goals"], number)
    if goal_item is None:
        raise Http404(_("This strategy has no such goal."))
    directions = [
        {"direction": d, "measures": selectors.measures_under(item, d["number"])}
        for d in item["directions"]
        if d.get("parent") == number
    ]
    loose = [
        m
        for m in selectors.measures_under(item, number)
        if not any(m["number"].startswith(d["direction"]["number"] + ".") for d in directions)
    ]
    return render(
        request,
        "publishing/portal/goal.html",
        _context(state, strategy=item, goal=goal_item, directions=directions, loose=loose),
    )


def _feedback(
    request: HttpRequest, subject: str, code: str, number: str
) -> tuple[FeedbackForm, HttpResponse | None]:
    """Show the comment form, or take a comment; returns a redirect once taken."""
    if request.method != "POST":
        return FeedbackForm(initial={"token": feedback_form_token()}), None
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            feedback_submit(
                subject=subject,
                strategy_code=code,
                number=number,
                text=form.cleaned_data["text"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                sender=client_address(request),
                form_token=form.cleaned_data["token"],
                honeypot=form.cleaned_data["website"],
            )
        except FeedbackRefused as refusal:
            form.add_error(None, str(refusal))
            form.refused = refusal.code  # type: ignore[attr-defined]
        else:
            messages.success(
                request, _("Thank you. Your comment will appear once a moderator has read it.")
            )
            return form, redirect(request.path + "#feedback")
    form.data = form.data.copy()
    form.data["token"] = feedback_form_token()
    return form, None


@login_not_required
@require_http_methods(["GET", "POST"])
def measure(request: HttpRequest, code: str, number: str) -> HttpResponse:
    def extra(state: selectors.PortalState, item: dict[str, Any]) -> dict[str, Any]:
        return {"measure": item, "history": selectors.measure_history(code, number)}

    return _commentable_page(request, Feedback.Subject.MEASURE, code, number, extra)


def _commentable_page(
    request: HttpRequest,
    subject: str,
    code: str,
    number: str,
    extra: Any,
) -> HttpResponse:
    """A measure or indicator page: the published item, its comments and the comment form."""
    state = selectors.portal_state()
    strategy_item = _strategy_or_404(state, code)
    collection = "measures" if subject == Feedback.Subject.MEASURE else "indicators"
    item = selectors.find_item(strategy_item[collection], number)
    if item is None:
        raise Http404(_("This strategy has no such measure or indicator."))
    form, done = _feedback(request, subject, code, number)
    if done is not None:
        return done
    return render(
        request,
        f"publishing/portal/{subject}.html",
        _context(
            state,
            strategy=strategy_item,
            feedback=selectors.published_feedback(subject, code, number),
            form=form,
            **extra(state, item),
        ),
        status=429 if getattr(form, "refused", "") == "rate_limited" else 200,
    )


@lru_cache(maxsize=256)
def _indicator_svg(snapshot_key: str, code: str, number: str, language: str, spec_json: str) -> str:
    return render_svg(json.loads(spec_json), language=language)


def indicator_chart_svg(snapshot: Snapshot, code: str, indicator: dict[str, Any]) -> str:
    baseline = indicator.get("baseline") or {}
    spec = indicator_chart(
        title=f"{indicator['number']}. {indicator['name']}",
        unit=indicator["unit"],
        targets={int(year): value for year, value in indicator["targets"].items()},
        actuals={o["year"]: o["value"] for o in indicator.get("observations", [])},
        forecast=[tuple(p) for p in indicator.get("forecast_points", [])],
        baseline=baseline.get("value"),
        baseline_year=baseline.get("year"),
        description=_("Targets by year, accepted values and the forecast."),
    )
    language = (get_language() or "az")[:2]
    return _indicator_svg(
        snapshot.key, code, indicator["number"], language, json.dumps(spec, sort_keys=True)
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def indicator(request: HttpRequest, code: str, number: str) -> HttpResponse:
    def extra(state: selectors.PortalState, item: dict[str, Any]) -> dict[str, Any]:
        observed = {str(o["period"]): o["value"] for o in item.get("observations", [])}
        periods = sorted(set(item["targets"]) | set(observed))
        return {
            "indicator": item,
            "rows": [
                {"period": p, "target": item["targets"].get(p), "actual": observed.get(p)}
                for p in periods
            ],
            "chart": indicator_chart_svg(state.snapshot, code, item) if state.snapshot else "",
        }

    return _commentable_page(request, Feedback.Subject.INDICATOR, code, number, extra)


@cacheable
def agency(request: HttpRequest, code: str) -> HttpResponse:
    state = selectors.portal_state()
    agency_item = next((a for a in state.data["agencies"] if a["code"] == code), None)
    if agency_item is None:
        raise Http404(_("No published agency has this code."))
    obligations = [
        (s, m, "lead" if code in m.get("lead_agencies", []) else "co")
        for s in state.data["strategies"]
        for m in s["measures"]
        if code in m.get("lead_agencies", []) or code in m.get("co_agencies", [])
    ]
    return render(
        request,
        "publishing/portal/agency.html",
        _context(state, agency=agency_item, obligations=obligations),
    )


@cacheable
def agencies(request: HttpRequest) -> HttpResponse:
    state = selectors.portal_state()
    return render(request, "publishing/portal/agencies.html", _context(state))


@cacheable
def search(request: HttpRequest) -> HttpResponse:
    state = selectors.portal_state()
    query = request.GET.get("q", "").strip()[:200]
    results = selectors.search(state.data, query) if query else []
    total = sum(kind.total for kind in results)
    return render(
        request,
        "publishing/portal/search.html",
        _context(state, query=query, results=results, total=total),
    )


@cacheable
def open_data(request: HttpRequest) -> HttpResponse:
    state = selectors.portal_state()
    return render(
        request,
        "publishing/portal/open_data.html",
        _context(
            state,
            snapshots=Snapshot.objects.order_by("-published_at"),
            files=list(OPEN_DATA_FILES),
            license=opendata.LICENSE,
        ),
    )


@login_not_required
def open_data_file(request: HttpRequest, key: str, name: str) -> HttpResponse:
    if name not in OPEN_DATA_FILES:
        raise Http404(_("No such file."))
    if key == "latest":
        snapshot = selectors.current_snapshot()
        if snapshot is None:
            raise Http404(_("Nothing has been published yet."))
    else:
        snapshot = get_object_or_404(Snapshot, key=key)
    content = open_data_content(snapshot, name)
    response = HttpResponse(content, content_type=OPEN_DATA_FILES[name])
    response["Content-Disposition"] = f'attachment; filename="hedef-{snapshot.key}-{name}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_http_methods(["GET", "POST"])
def moderation(request: HttpRequest) -> HttpResponse:
    require_manage_plans(request.user)
    if request.method == "POST":
        feedback = get_object_or_404(Feedback, pk=request.POST.get("feedback"))
        form = ModerationForm(request.POST)
        if form.is_valid():
            feedback_moderate(
                feedback=feedback,
                actor=Actor.from_request(request),
                publish=form.cleaned_data["decision"] == "publish",
                answer=form.cleaned_data["answer"],
            )
            messages.success(request, _("The comment was moderated."))
            return redirect("publishing:moderation")
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    pending = Feedback.objects.filter(status=Feedback.Status.PENDING).order_by("created_at")
    recent = Feedback.objects.exclude(status=Feedback.Status.PENDING).order_by("-moderated_at")[:20]
    return render(
        request,
        "publishing/moderation.html",
        {"pending": pending, "recent": recent, "form": ModerationForm()},
    )


@login_not_required
def choose_language(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the portal's language with a plain link, so portal pages stay cacheable."""
    from django.conf import settings
    from django.utils.http import url_has_allowed_host_and_scheme

    if code not in dict(settings.LANGUAGES):
        raise Http404(_("Unknown language."))
    target = request.GET.get("next") or reverse("publishing:home")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("publishing:home")
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax"
    )
    return response
