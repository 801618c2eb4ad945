"""Account pages: the second factor, inviting people, accepting an invitation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from hedef.accounts.forms import CodeForm, InviteForm
from hedef.accounts.middleware import second_factor_pending
from hedef.accounts.models import User
from hedef.accounts.permissions import can_invite, may_enrol_second_factor, require
from hedef.accounts.services import (
    invitation_accept,
    totp_accept,
    totp_enrolment_device,
    totp_secret,
    totp_uri,
    user_invite,
)
from hedef.accounts.signin import second_factor_failed, signin_completed, signin_locked
from hedef.core.actors import Actor, Channel


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: object = None
) -> HttpResponse:
    """The answer to a sign-in while django-axes has the account or the address locked."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Check a code at sign-in, or enrol an authenticator (owed by some roles, open to all).

    A wrong code counts as a failed sign-in of the account: once the account reaches
    the limit it is signed out and locked for the cool-off, whatever session it uses.
    """
    user = request.user
    if not may_enrol_second_factor(user):
        return redirect("login")
    if user.has_authenticator and not second_factor_pending(request):
        return redirect(_next(request))
    if signin_locked(request, user.get_username()):
        logout(request)
        return locked_out(request)
    enrolling = not user.has_authenticator
    enrolment = totp_enrolment_device(user) if enrolling else None
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = totp_accept(user, form.cleaned_data["code"], actor=Actor.from_request(request))
        if device is not None:
            request.session.cycle_key()
            otp_login(request, device)
            signin_completed(request, user)
            if enrolling:
                messages.success(request, _("Your authenticator app is set up."))
            return redirect(_next(request))
        second_factor_failed(request, user)
        if signin_locked(request, user.get_username()):
            logout(request)
            return locked_out(request)
        form.add_error(
            "code", _("The code is wrong, too old or was already used. Try the next one.")
        )
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "enrolling": enrolling,
            "secret": totp_secret(enrolment) if enrolment else "",
            "uri": totp_uri(enrolment) if enrolment else "",
            "next": _next(request),
            "pending": second_factor_pending(request),
        },
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    require(can_invite(request.user), gettext_lazy("Only operators invite people."))
    form = InviteForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_invite(
                actor=Actor.from_request(request),
                email=data["email"],
                role=data["role"],
                agency=data.get("agency"),
                first_name=data["first_name"],
                last_name=data["last_name"],
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": user.email}
            )
            return redirect("accounts:invite")
    return render(request, "accounts/invite.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """Choose a password from an invitation link; the account becomes active."""
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64).decode()))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/invitation.html", {"invalid": True}, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation_accept(
            user=user,
            password=form.cleaned_data["new_password1"],
            actor=Actor(user, Channel.WEB, request.META.get("REMOTE_ADDR", "")),
        )
        messages.success(request, _("Your password is set; sign in with it."))
        return redirect("login")
    return render(request, "accounts/invitation.html", {"form": form, "invitee": user})
