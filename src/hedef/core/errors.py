"""How a refusal reaches people: one error type, one permission error, one API answer.

Every refusal made on purpose is a :class:`~hedef.domain.core.errors.DomainError`
with a stable ``code`` and the ``params`` of its message; each app subclasses it for
its own refusals and writes its message through gettext in one module
(``monitoring/errors.py``, …). A permission refusal is :class:`ActionNotAllowed`.
This module turns both into the API's error body in one place, so every endpoint
answers ``{"code", "message", "issues"}`` with the same statuses: 403 for a
permission, 409 for a conflict with the current state, 413 for a body over its limit,
400 for anything else. The refusals django-ninja makes itself (no or a wrong token,
nothing at the address, a parameter of the wrong type) get the same body, so that a
client reads one error shape and the schema documents one.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from hedef.domain.core.errors import DomainError

# Codes that refuse a change because of the object's current state, not the input.
CONFLICT_CODES = frozenset(
    {"conflict", "report_locked", "cycle_closed", "invalid_transition", "field_locked"}
)
# Codes that refuse a request body for its size, before it is read.
TOO_LARGE_CODES = frozenset({"too_large"})
# The code of each status django-ninja answers by itself.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    413: "too_large",
    422: "invalid",
}


class ActionNotAllowed(PermissionDenied):
    """The signed-in user's role does not allow this action."""


class IssueOut(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    """Every refusal: a stable code, a message in the request's language, issues by field."""

    code: str
    message: str
    issues: list[IssueOut] = []


def error_responses(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The ``response`` entries of an operation's refusals, each answered with ErrorOut."""
    return dict.fromkeys(statuses, ErrorOut)


def error_status(error: DomainError) -> int:
    """The HTTP status of a refusal: 409 when the object's state forbids it, 413 for a
    body over its limit, else 400."""
    if error.code in CONFLICT_CODES:
        return 409
    return 413 if error.code in TOO_LARGE_CODES else 400


def error_body(error: DomainError) -> dict[str, Any]:
    """The API's body for a refusal, with a field-by-field list when the error has one."""
    issues = [
        {"field": issue.field, "code": issue.code, "message": issue.message}
        for issue in getattr(error, "issues", ())
    ]
    return {"code": error.code, "message": error.message, "issues": issues}


def api_error_handlers_install(api: NinjaAPI) -> None:
    """Answer every refusal raised under ``api`` with :class:`ErrorOut` and its status."""

    def refused(request: HttpRequest, error: DomainError) -> HttpResponse:
        return api.create_response(request, error_body(error), status=error_status(error))

    def forbidden(request: HttpRequest, error: ActionNotAllowed) -> HttpResponse:
        body = {"code": "forbidden", "message": str(error), "issues": []}
        return api.create_response(request, body, status=403)

    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        message = _("Nothing was found at this address.")
        body = {"code": "not_found", "message": message, "issues": []}
        return api.create_response(request, body, status=404)

    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        message = str(error)
        if isinstance(error, AuthenticationError) and message == "Unauthorized":
            message = _("Send a valid API token: Authorization: Bearer <token>.")
        body = {"code": HTTP_CODES.get(error.status_code, "error"), "message": message}
        return api.create_response(request, {**body, "issues": []}, status=error.status_code)

    def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
        issues = [
            {"field": _field_name(e.get("loc", ())), "code": e["type"], "message": e["msg"]}
            for e in error.errors
        ]
        body = {"code": "invalid", "message": _("The request is not valid."), "issues": issues}
        return api.create_response(request, body, status=422)

    api.add_exception_handler(DomainError, refused)
    api.add_exception_handler(ActionNotAllowed, forbidden)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(ValidationError, invalid)


# Where django-ninja says a parameter came from; the name inside it is the field.
_SOURCES = {"body", "query", "path", "form", "file", "header", "cookie"}


def _field_name(loc: Any) -> str:
    """``("body", "payload", "targets", 0, "value")`` as ``targets[0].value``."""
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        # A body or a query schema arrives under its parameter's name, which the
        # client never sees.
        if source in {"body", "query"} and len(parts) > 1 and isinstance(parts[0], str):
            parts.pop(0)
    name = ""
    for part in parts:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name = f"{name}.{part}" if name else str(part)
    return name
