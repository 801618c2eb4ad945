"""One report: reading it, writing it, contributions, evidence; the agency's due list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from hedef.accounts.models import Role
from hedef.accounts.permissions import require
from hedef.core.actors import Actor
from hedef.core.audit import audit_history
from hedef.domain.core.errors import DomainError
from hedef.domain.monitoring.evidence import type_true_name
from hedef.domain.monitoring.submissions import TARGET_PREFIX, SubmissionField
from hedef.monitoring import choices
from hedef.monitoring.actions import (
    ContributionSave,
    EvidenceAdd,
    EvidenceRemove,
    SubmissionSave,
    SubmissionSubmit,
)
from hedef.monitoring.actions.review import report_fields
from hedef.monitoring.actions.submissions import only_reporter_message
from hedef.monitoring.choices import FIELD_LABELS
from hedef.monitoring.errors import SubmissionConflict, SubmissionInvalid
from hedef.monitoring.forms import (
    CommentForm,
    ContributionForm,
    EvidenceForm,
    ReturnForm,
    SubmissionForm,
)
from hedef.monitoring.models import Evidence, Submission
from hedef.monitoring.permissions import (
    can_comment,
    can_contribute,
    can_edit_submission,
    can_review,
    can_view_history,
)
from hedef.monitoring.selectors import (
    agency_contribution,
    agency_due_items,
    contributors,
    open_for_agency,
    overdue,
    review_threads,
    submission_changes_since,
    submission_queryset,
    submission_targets,
)
from hedef.monitoring.views.common import field_label, readable_submission

CHOICE_LABELS = {
    "progress_status": choices.ProgressStatus,
    "stage": choices.StageReached,
    "deviation_reason": choices.DeviationReason,
    "deviation_risk": choices.RiskLevel,
    "state": choices.SubmissionState,
}
NOT_FOCAL = gettext_lazy("This page is for agency focal persons.")


def display_value(key: str, value: Any) -> str:
    """A stored value as a person reads it (choice codes become their labels)."""
    if value in (None, ""):
        return "—"
    if key in CHOICE_LABELS and value in CHOICE_LABELS[key].values:
        return str(CHOICE_LABELS[key](value).label)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def describe_changes(submission: Submission, since: int) -> list[dict[str, Any]]:
    """The saves after version ``since``, each with its changed fields before and after."""
    return [
        {
            "entry": change.entry,
            "who": change.entry.details["actor"],
            "version": change.after.get("version"),
            "rows": [
                (
                    field_label(submission, key),
                    display_value(key, change.before.get(key)),
                    display_value(key, change.after.get(key)),
                )
                for key in change.keys
            ],
        }
        for change in submission_changes_since(submission, since)
    ]


def _form_field(form: SubmissionForm, key: str) -> str | None:
    if key.startswith(TARGET_PREFIX):
        key = "target_" + key.removeprefix(TARGET_PREFIX)
    elif key == SubmissionField.DEVIATION:
        key = "deviation_reason"
    return key if key in form.fields else None


def _threads(submission: Submission) -> list[dict[str, Any]]:
    return [
        {"field": key, "label": field_label(submission, key), "comments": comments}
        for key, comments in review_threads(submission).items()
    ]


def _context(request: HttpRequest, submission: Submission, **extra: Any) -> dict[str, Any]:
    user = request.user
    open_state = open_for_agency(submission)
    agencies = contributors(submission)
    mine = (
        agency_contribution(submission, user.agency_id)
        if getattr(user, "role", None) == Role.FOCAL_PERSON
        else None
    )
    reviewing = can_review(user) and submission.state == choices.SubmissionState.SUBMITTED
    fields = [(key, field_label(submission, key)) for key in report_fields(submission)]
    return {
        "submission": submission,
        "subject": submission.subject,
        "overdue": overdue(submission),
        "editable": open_state and can_edit_submission(user, submission),
        "targets": [
            {"target": target, "stage": display_value("stage", target.stage), "value": value}
            for target, value in submission_targets(submission)
        ],
        "labels": FIELD_LABELS,
        "returned_labels": [field_label(submission, k) for k in submission.returned_fields or []],
        "contributions": submission.contributions.select_related("agency"),
        "contributors": agencies,
        "contribution_form": (
            ContributionForm(
                initial={"version": mine.version if mine else 0, "text": mine.text if mine else ""}
            )
            if open_state and can_contribute(user, [a.pk for a in agencies])
            else None
        ),
        "threads": _threads(submission),
        "comment_form": CommentForm() if can_comment(user, submission) else None,
        "evidence": submission.evidence.all(),
        "evidence_form": EvidenceForm()
        if open_state and can_edit_submission(user, submission)
        else None,
        "return_form": ReturnForm(fields=fields) if reviewing else None,
        "reviewing": reviewing,
        "history": audit_history(submission) if can_view_history(user, submission) else None,
        **extra,
    }


@require_http_methods(["GET", "POST"])
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = readable_submission(request, pk)
    if request.method == "GET":
        form = None
        if open_for_agency(submission) and can_edit_submission(request.user, submission):
            form = SubmissionForm(submission=submission)
        return render(
            request, "monitoring/submission_detail.html", _context(request, submission, form=form)
        )
    require(can_edit_submission(request.user, submission), only_reporter_message(submission))
    form = SubmissionForm(request.POST, submission=submission)
    conflict = None
    if form.is_valid():
        action = SubmissionSubmit if "submit" in request.POST else SubmissionSave
        try:
            action(
                submission,
                actor=Actor.from_request(request),
                content=form.to_content(),
                version=form.cleaned_data["version"],
            ).execute()
        except SubmissionConflict as error:
            data = request.POST.copy()
            data["version"] = str(error.current)
            current = get_object_or_404(submission_queryset(), pk=pk)
            form = SubmissionForm(data, submission=current)
            form.is_valid()
            conflict = {"error": error, "changes": describe_changes(current, error.yours)}
            submission = current
        except SubmissionInvalid as error:
            form.add_error(None, error.message)
            for issue in error.issues:
                form.add_error(_form_field(form, issue.field), issue.message)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if action is SubmissionSubmit:
                messages.success(request, _("The report was submitted for review."))
            else:
                messages.success(request, _("The draft was saved."))
            return redirect(submission)
    status = 409 if conflict else 400
    return render(
        request,
        "monitoring/submission_detail.html",
        _context(request, submission, form=form, conflict=conflict),
        status=status,
    )


@require_POST
def contribution_save(request: HttpRequest, pk: int) -> HttpResponse:
    submission = readable_submission(request, pk)
    form = ContributionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the contribution before saving it."))
        return redirect(submission)
    try:
        ContributionSave(
            submission,
            actor=Actor.from_request(request),
            text=form.cleaned_data["text"],
            version=form.cleaned_data["version"],
        ).execute()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your agency's contribution was saved."))
    return redirect(submission)


@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    submission = readable_submission(request, pk)
    require(can_edit_submission(request.user, submission), only_reporter_message(submission))
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(submission)
    upload = form.cleaned_data["file"]
    try:
        EvidenceAdd(
            submission, actor=Actor.from_request(request), name=upload.name, data=upload.read()
        ).execute()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(file)s was added as evidence.") % {"file": upload.name})
    return redirect(submission)


def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=pk)
    submission = readable_submission(request, evidence.submission_id)
    try:
        file = evidence.file.open("rb")
    except FileNotFoundError:
        # The row outlived its file: a database restored without its media folder.
        return render(
            request,
            "monitoring/evidence_missing.html",
            {"evidence": evidence, "submission": submission},
            status=404,
        )
    return FileResponse(
        file,
        as_attachment=True,
        filename=type_true_name(evidence.name, evidence.kind),
        content_type=evidence.content_type,
    )


@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence.objects.select_related("submission__cycle"), pk=pk)
    submission = readable_submission(request, evidence.submission_id)
    try:
        EvidenceRemove(evidence, actor=Actor.from_request(request)).execute()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(file)s was removed.") % {"file": evidence.name})
    return redirect(submission)


def my_agency(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(getattr(user, "role", None) == Role.FOCAL_PERSON and user.agency_id, NOT_FOCAL)
    items = agency_due_items(user.agency)
    cycles: dict[int, dict[str, Any]] = {}
    for item in items:
        cycle = item.submission.cycle
        group = cycles.setdefault(cycle.pk, {"cycle": cycle, "lead": [], "co": [], "overdue": 0})
        group["lead" if item.as_lead else "co"].append(item)
        group["overdue"] += item.overdue
    return render(
        request,
        "monitoring/my_agency.html",
        {"agency": user.agency, "groups": list(cycles.values())},
    )
