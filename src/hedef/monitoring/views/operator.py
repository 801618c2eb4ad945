"""Operator tools: agency API tokens and the audit log with its verification."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from hedef.accounts.permissions import require
from hedef.core.actors import Actor
from hedef.core.audit import audit_verify
from hedef.core.models import AuditEntry
from hedef.domain.core.errors import DomainError
from hedef.monitoring.actions import TokenIssue, TokenRevoke
from hedef.monitoring.forms import TokenForm
from hedef.monitoring.models import AgencyToken
from hedef.monitoring.permissions import can_manage_tokens, can_view_audit

ONLY_ADMINS = gettext_lazy("Only operator administrators issue and revoke API tokens.")


@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    require(can_manage_tokens(request.user), ONLY_ADMINS)
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            record, secret = TokenIssue(
                actor=Actor.from_request(request),
                agency=form.cleaned_data["agency"],
                label=form.cleaned_data["label"],
                days=form.cleaned_data["days"],
            ).execute()
        except DomainError as error:
            form.add_error("label", error.message)
        else:
            issued = {"record": record, "secret": secret}
            form = TokenForm()
    return render(
        request,
        "monitoring/tokens.html",
        {
            "form": form,
            "issued": issued,
            "tokens": AgencyToken.objects.select_related("agency", "created_by"),
        },
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(AgencyToken.objects.select_related("agency"), pk=pk)
    TokenRevoke(token, actor=Actor.from_request(request)).execute()
    messages.success(request, _("The token %(prefix)s… was revoked.") % {"prefix": token.prefix})
    return redirect("monitoring:tokens")


def audit_log(request: HttpRequest) -> HttpResponse:
    require(can_view_audit(request.user), gettext_lazy("The audit log is for operators."))
    return render(
        request,
        "monitoring/audit_log.html",
        {
            "verification": audit_verify() if request.GET.get("verify") else None,
            "entries": AuditEntry.objects.order_by("-id")[:200],
        },
    )
