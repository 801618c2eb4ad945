"""The reporting workbook: download for an agency, upload of a filled one."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hedef.accounts.permissions import require
from hedef.agencies.models import Agency
from hedef.core.actors import Actor
from hedef.domain.core.errors import DomainError
from hedef.monitoring.forms import WorkbookUploadForm
from hedef.monitoring.models import ReportingCycle
from hedef.monitoring.permissions import can_download_workbook
from hedef.monitoring.workbook import workbook_build, workbook_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(request: HttpRequest, pk: int, agency: str) -> HttpResponse:
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    found = get_object_or_404(Agency, code=agency)
    require(
        can_download_workbook(request.user, found.pk),
        _("Only the operator and %(agency)s may download this workbook.")
        % {"agency": found.acronym or found.name},
    )
    response = HttpResponse(workbook_build(cycle, found), content_type=XLSX)
    name = f"hedef-{cycle.pk}-{found.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    result = refused = None
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = workbook_import(
                cycle=cycle,
                actor=Actor.from_request(request),
                data=upload.read(),
                file_name=upload.name,
            )
        except DomainError as error:
            refused = error.message
            status = 400
        else:
            status = 200 if not result.issues else 422
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "monitoring/workbook_upload.html",
        {"cycle": cycle, "form": form, "result": result, "refused": refused},
        status=status,
    )
