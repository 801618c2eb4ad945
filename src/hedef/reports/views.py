"""The monitoring report page: choose a strategy, a cycle, a format and a language; download."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hedef.accounts.permissions import require
from hedef.domain.reports import ReportError
from hedef.reports.files import ReportRequestError, report_file, report_strategies
from hedef.reports.forms import ReportForm
from hedef.reports.permissions import can_download_reports

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


def reports(request: HttpRequest) -> HttpResponse:
    """Choose a strategy (or all of a cycle's), a cycle, a format and a language."""
    require(can_download_reports(request.user), ONLY_REPORT_READERS)
    initial = {key: request.GET[key] for key in ("strategy", "cycle") if request.GET.get(key)}
    return render(request, "reports/reports.html", {"form": ReportForm(initial=initial)})


def report_download(request: HttpRequest) -> HttpResponse:
    """The report chosen, as a file to save; the form again, with the reason, when refused."""
    require(can_download_reports(request.user), ONLY_REPORT_READERS)
    form = ReportForm(request.GET)
    if not form.is_valid():
        return render(request, "reports/reports.html", {"form": form}, status=400)
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
        return render(request, "reports/reports.html", {"form": form}, status=400)
    except ReportError as error:
        logger.exception("monitoring report for cycle %s not produced", cycle.pk)
        form.add_error(None, REPORT_FAILED.get(error.code, str(error)))
        return render(request, "reports/reports.html", {"form": form}, status=500)
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = content_disposition_header(True, file.name)
    return response
