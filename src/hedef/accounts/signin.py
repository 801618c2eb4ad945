"""Sign-in events in the audit log, and the throttle on wrong passwords and codes.

django-axes counts failures per account and per address and locks sign-in for a
cool-off once either reaches the limit; a completed sign-in forgives the account's
failures. A wrong second-factor code is reported to it
as a failed sign-in of that account, so the codes share the limit and the count
lives on the account, not in a session that signing in again would renew.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from hedef.accounts.permissions import needs_second_factor
from hedef.core.actors import Actor, Channel
from hedef.core.audit import audit_record
from hedef.core.models import AuditEntry


def _address(request: HttpRequest | None) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def _account(username: str | None) -> Any:
    if not username:
        return None
    return get_user_model().objects.filter(username=username).first()


def _record(action: str, user: Any, request: HttpRequest | None, **after: Any) -> None:
    address = _address(request)
    path = request.path_info if request is not None else ""
    audit_record(
        actor=Actor(user, Channel.WEB, address),
        action=action,
        obj=user,
        after={"address": address, "path": path, **after},
    )


def second_factor_failed(request: HttpRequest, user: Any) -> None:
    """A wrong code: one more failure for the account (and the address)."""
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), "second_factor": True},
        request=request,
    )


def signin_locked(request: HttpRequest, username: str) -> bool:
    """Whether sign-in for ``username`` (or from this address) is locked just now."""
    return AxesProxyHandler.is_locked(request, {"username": username})


def signin_completed(request: HttpRequest | None, user: Any) -> None:
    """Password and any second factor passed: the account's failures are forgiven.

    Not at the password alone, or a known password would renew the count of codes.
    """
    axes_reset(username=user.get_username())


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    _record("user.sign_in", user, request)
    if not needs_second_factor(user):
        signin_completed(request, user)


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None and user.pk is not None:
        _record("user.sign_out", user, request)


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """A wrong password or code for an existing account; never the password itself.

    Failures for names that are no account stay in django-axes' failure log only:
    they change nothing, and a spray of invented names must not flood the chain.
    """
    due = getattr(request, "_hedef_lockout_due", False)
    if getattr(request, "axes_locked_out", False) and not due:
        return  # refused unchecked during a lockout: axes logs it, nothing was tried
    user = _account(credentials.get("username"))
    if user is not None:
        step = "second_factor" if credentials.get("second_factor") else "password"
        _record("user.sign_in_failed", user, request, step=step)
        request._hedef_failure_recorded = True  # type: ignore[union-attr]
        if due:
            _record("user.locked_out", user, request)


@receiver(user_locked_out)
def _locked_out(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str, **kwargs: Any
) -> None:
    """Recorded once per lockout (attempts during the cool-off report it again), after
    the failure that caused it, whichever receiver django runs first."""
    user = _account(username)
    if user is None:
        return
    since = timezone.now() - (get_cool_off(request) or timedelta())
    recorded = AuditEntry.objects.filter(
        action="user.locked_out", object_type="user", object_id=str(user.pk), at__gte=since
    )
    if recorded.exists():
        return
    if getattr(request, "_hedef_failure_recorded", False):
        _record("user.locked_out", user, request)
    else:
        request._hedef_lockout_due = True  # type: ignore[attr-defined]
