"""How a refusal reaches people: one error type, one permission error, one API answer.

Every refusal made on purpose is a :class:`~hedef.domain.core.errors.DomainError`
with a stable ``code`` and the ``params`` of its message; each app subclasses it for
its own refusals and writes its message through gettext in one module
(``monitoring/errors.py``, …). A permission refusal is :class:`ActionNotAllowed`.
This module turns both into the API's error body in one place, so every endpoint
answers ``{"code", "message", "issues"}`` with the same statuses: 403 for a
permission, 409 for a conflict with the current state, 400 for anything else.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema

from hedef.domain.core.errors import DomainError

# Codes that refuse a change because of the object's current state, not the input.
CONFLICT_CODES = frozenset(
    {"conflict", "report_locked", "cycle_closed", "invalid_transition", "field_locked"}
)


class ActionNotAllowed(PermissionDenied):
    """The signed-in user's role does not allow this action."""


class IssueOut(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    code: str
    message: str
    issues: list[IssueOut] = []


def error_status(error: DomainError) -> int:
    """The HTTP status of a refusal: 409 when the object's state forbids it, else 400."""
    return 409 if error.code in CONFLICT_CODES else 400


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

    api.add_exception_handler(DomainError, refused)
    api.add_exception_handler(ActionNotAllowed, forbidden)
