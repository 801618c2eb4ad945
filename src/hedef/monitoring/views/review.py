"""The reviewer's pages: the queue, accepting or returning a report, review threads."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hedef.accounts.permissions import require
from hedef.core.actors import Actor
from hedef.domain.core.errors import DomainError
from hedef.monitoring.actions import CommentAdd, SubmissionAccept, SubmissionReturn
from hedef.monitoring.actions.review import report_fields
from hedef.monitoring.forms import CommentForm, ReturnForm
from hedef.monitoring.permissions import can_review
from hedef.monitoring.selectors import overdue_reports, review_queue
from hedef.monitoring.views.common import field_label, readable_submission

ONLY_REVIEWERS = gettext_lazy("The review queue is for the operator's reviewers.")


def queue(request: HttpRequest) -> HttpResponse:
    require(can_review(request.user), ONLY_REVIEWERS)
    late = overdue_reports(request.user).select_related(
        "agency", "cycle", "measure__version__strategy", "indicator__version__strategy"
    )
    return render(
        request,
        "monitoring/review_queue.html",
        {"queue": review_queue(), "late": late.order_by("cycle__due_date", "agency__acronym")},
    )


@require_POST
def submission_review(request: HttpRequest, pk: int) -> HttpResponse:
    submission = readable_submission(request, pk)
    actor = Actor.from_request(request)
    try:
        if request.POST.get("decision") == "accept":
            SubmissionAccept(
                submission, actor=actor, comment=request.POST.get("general", "")
            ).execute()
            messages.success(request, _("The report was accepted."))
        else:
            fields = [(k, field_label(submission, k)) for k in report_fields(submission)]
            form = ReturnForm(request.POST, fields=fields)
            form.is_valid()
            SubmissionReturn(submission, actor=actor, comments=form.comments()).execute()
            messages.success(request, _("The report was returned to the agency for correction."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(submission)


@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    submission = readable_submission(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The comment is empty."))
        return redirect(submission)
    try:
        CommentAdd(
            submission,
            actor=Actor.from_request(request),
            field=form.cleaned_data["field"],
            text=form.cleaned_data["text"],
        ).execute()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your comment was added."))
    return redirect(f"{submission.get_absolute_url()}#threads")
