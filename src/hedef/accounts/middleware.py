"""People who owe a second factor (a TOTP code) pass it before any page but its own."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from hedef.accounts.permissions import needs_second_factor

EXEMPT_PREFIXES = (
    "/accounts/two-factor/",
    "/accounts/login/",
    "/accounts/logout/",
    "/static/",
    "/i18n/",
    "/api/",
)


def second_factor_pending(request: HttpRequest) -> bool:
    """Whether the signed-in user still owes a second factor in this session.

    django-otp's middleware marks the user verified once a code of a device that is
    still theirs and confirmed was accepted in this session (``django_otp.login``);
    resetting the authenticator ends that at the next request.
    """
    user = request.user
    verified = getattr(user, "is_verified", None)
    return bool(needs_second_factor(user) and not (verified is not None and verified()))


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if second_factor_pending(request) and not request.path_info.startswith(EXEMPT_PREFIXES):
            target = reverse("accounts:two-factor")
            return HttpResponseRedirect(f"{target}?next={quote(request.get_full_path())}")
        return self.get_response(request)
