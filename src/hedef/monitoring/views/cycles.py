"""Cycles: the list, opening one, its overview by agency, publishing it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from hedef.accounts.models import Role
from hedef.accounts.permissions import can_invite, require
from hedef.agencies.models import Agency
from hedef.core.actors import Actor
from hedef.domain.core.errors import DomainError
from hedef.domain.monitoring.submissions import InvalidCycle
from hedef.monitoring.actions import CycleOpen, CyclePublish
from hedef.monitoring.forms import CycleForm
from hedef.monitoring.models import ReportingCycle
from hedef.monitoring.permissions import (
    can_download_workbook,
    can_manage_cycles,
    can_manage_tokens,
    can_review,
    can_view_audit,
    can_view_reporting,
)
from hedef.monitoring.selectors import (
    AgencySubmissionCounts,
    cycle_agency_submissions,
    cycle_list,
    cycle_overview,
    overdue,
    unassigned_measures,
)
from hedef.reports.permissions import can_download_reports

NO_ROLE = gettext_lazy("Your account has no role in Hədəf.")
ONLY_OPERATORS = gettext_lazy("Only the operator's monitoring unit may open or publish cycles.")


def cycle_index(request: HttpRequest) -> HttpResponse:
    require(can_view_reporting(request.user), NO_ROLE)
    user = request.user
    focal = getattr(user, "role", None) == Role.FOCAL_PERSON
    rows = []
    for cycle in cycle_list():
        overview = cycle_overview(cycle)
        if focal:
            mine = next((r for r in overview.rows if r.agency.pk == user.agency_id), None)
            mine = mine or AgencySubmissionCounts(user.agency)
            counts, late, total = mine.counts, mine.overdue, mine.total
        else:
            counts, late, total = overview.totals, overview.overdue, overview.total
        rows.append({"cycle": cycle, "counts": counts, "overdue": late, "total": total})
    return render(
        request,
        "monitoring/cycle_list.html",
        {
            "rows": rows,
            "can_open": can_manage_cycles(user),
            "focal": focal,
            "can_invite": can_invite(user),
            "can_manage_tokens": can_manage_tokens(user),
            "can_view_audit": can_view_audit(user),
        },
    )


@require_http_methods(["GET", "POST"])
def cycle_open(request: HttpRequest) -> HttpResponse:
    require(
        can_manage_cycles(request.user), _("Only the operator's monitoring unit may open cycles.")
    )
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = CycleOpen(actor=Actor.from_request(request), **form.cleaned_data).execute()
        except InvalidCycle as error:
            field = "period_end" if error.code == "period_reversed" else "due_date"
            form.add_error(field, error.message)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The cycle “%(cycle)s” is open with %(count)s reports to write.")
                % {"cycle": cycle.label, "count": cycle.submissions.count()},
            )
            return redirect(cycle)
    return render(request, "monitoring/cycle_form.html", {"form": form})


def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(can_view_reporting(request.user), NO_ROLE)
    cycle = get_object_or_404(ReportingCycle.objects.prefetch_related("versions__version"), pk=pk)
    user = request.user
    operator = can_review(user)
    agency = None
    reports = []
    code = request.GET.get("agency") or (
        user.agency.code if getattr(user, "role", None) == Role.FOCAL_PERSON and user.agency else ""
    )
    if code:
        agency = get_object_or_404(Agency, code=code)
        reports = [
            {"submission": s, "overdue": overdue(s)}
            for s in cycle_agency_submissions(cycle=cycle, agency=agency, user=user)
        ]
    return render(
        request,
        "monitoring/cycle_detail.html",
        {
            "cycle": cycle,
            "overview": cycle_overview(cycle),
            "agency": agency,
            "reports": reports,
            "operator": operator,
            "can_publish": can_manage_cycles(user) and cycle.is_open,
            "can_download_reports": can_download_reports(user),
            "workbook_agency": agency
            if agency and can_download_workbook(user, agency.pk)
            else None,
            "unassigned": unassigned_measures(cycle) if operator else [],
        },
    )


@require_POST
def cycle_publish(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    require(can_manage_cycles(request.user), ONLY_OPERATORS)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm the publication."))
        return redirect(cycle)
    try:
        CyclePublish(cycle, actor=Actor.from_request(request)).execute()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The cycle “%(cycle)s” is published.") % {"cycle": cycle.label})
    return redirect(cycle)
