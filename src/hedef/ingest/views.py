"""Upload a strategy document and review what was read before it becomes a plan."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hedef.core.actors import Actor
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.review import ReviewError
from hedef.ingest import selectors
from hedef.ingest.forms import DocumentUploadForm
from hedef.ingest.models import ReviewDraft
from hedef.ingest.services import (
    DraftClosed,
    DraftConflict,
    document_ingest,
    draft_accept,
    draft_correct,
    draft_discard,
)
from hedef.plans.permissions import require_manage_plans


def _labels() -> dict[str, str]:
    return {
        "number": _("Number"),
        "title": _("Title"),
        "lead": _("Lead executor"),
        "co_executors": _("Other executors"),
        "period": _("Period as written"),
        "start": _("First year"),
        "end": _("Last year"),
        "initial": _("Initial results"),
        "interim": _("Interim results"),
        "final": _("Final results"),
    }


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    require_manage_plans(request.user)
    bound = request.method == "POST"
    form = DocumentUploadForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        try:
            outcome = document_ingest(
                data=document.read(),
                file_name=document.name,
                actor=Actor.from_request(request, source=document.name),
            )
        except IngestionError as error:
            form.add_error("document", str(error))
        else:
            if outcome.already_loaded is not None:
                messages.info(request, outcome.message)
                return redirect(outcome.already_loaded.strategy)
            messages.success(request, outcome.message)
            return redirect(outcome.draft)
    pending = ReviewDraft.objects.filter(status=ReviewDraft.Status.PENDING)
    return render(request, "ingest/upload.html", {"form": form, "pending": pending})


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    require_manage_plans(request.user)
    draft = get_object_or_404(ReviewDraft, pk=pk)
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action", "save")
        try:
            edit_version = int(request.POST.get("edit_version", "0"))
        except ValueError:
            edit_version = -1
        edits = {key[2:]: value for key, value in request.POST.items() if key.startswith("f:")}
        try:
            if action == "discard":
                draft_discard(draft=draft, actor=Actor.from_request(request))
                messages.info(request, _("The document was discarded; nothing was loaded."))
                return redirect("ingest:upload")
            if edits:
                draft = draft_correct(
                    draft=draft,
                    edits=edits,
                    edit_version=edit_version,
                    actor=Actor.from_request(request),
                )
                edit_version = draft.edit_version
            if action == "accept":
                outcome = draft_accept(
                    draft=draft, edit_version=edit_version, actor=Actor.from_request(request)
                )
                messages.success(request, outcome.message)
                return redirect(outcome.strategy)
            messages.success(request, _("Corrections saved."))
            return redirect(draft)
        except ReviewError as error:
            errors.append(
                _("%(field)s: %(message)s") % {"field": error.location, "message": error.message}
            )
        except (DraftConflict, DraftClosed) as error:
            errors.append(str(error))
        draft.refresh_from_db()
    strategy, diff = selectors.draft_diff(draft)
    return render(
        request,
        "ingest/review.html",
        {
            "draft": draft,
            "info": draft.plan["strategy"],
            "measures": selectors.review_measures(draft, _labels()),
            "indicators": selectors.review_indicators(draft),
            "acronyms": list(enumerate(draft.plan["agencies"])),
            "document_flags": selectors.document_flags(draft),
            "flag_count": len(draft.flags),
            "existing": strategy,
            "diff": diff,
            "errors": errors,
            "editable": draft.status == ReviewDraft.Status.PENDING,
        },
        status=400 if errors else 200,
    )
