"""Checks on what an API request carries, made before any of it is validated or stored.

Every operation refuses, with 413, a body whose declared ``Content-Length`` is over
the site's upload limit (before a byte of it is read), and, with 400 naming each
field, a value no database keeps as sent: NaN, an infinite number, a NUL character
or a lone surrogate in the path, the query or a JSON body (see
:mod:`hedef.domain.core.values`). One operation may lower the size limit with
:func:`body_limit`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI

from hedef.core.errors import error_body, error_status
from hedef.core.uploads import BodyTooLarge, check_declared_size
from hedef.domain.core.errors import DomainError
from hedef.domain.core.values import UnstorableInput, check_storable, unstorable_values

Run = Callable[..., HttpResponse]


def check_request_input(request: HttpRequest, path_params: dict[str, Any]) -> None:
    """Refuse ``request`` for its declared size or for a value that cannot be stored."""
    check_declared_size(request, settings.HEDEF_MAX_UPLOAD_BYTES)
    query = {key: values[0] if len(values) == 1 else values for key, values in request.GET.lists()}
    issues = unstorable_values({k: v for k, v in path_params.items() if isinstance(v, str)})
    issues += unstorable_values(query)
    if issues:
        raise UnstorableInput(issues)
    if request.content_type == "application/json":
        try:
            body = request.body
        except RequestDataTooBig as error:
            raise BodyTooLarge(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) from error
        try:
            data = json.loads(body) if body else None
        except ValueError:
            return  # not JSON at all: django-ninja answers that
        check_storable(data)


def api_input_checks_install(api: NinjaAPI) -> None:
    """Run :func:`check_request_input` before every operation of ``api``, even before
    its authentication: the checks read nothing but the request itself."""

    def decorator(run: Run) -> Run:
        @functools.wraps(run)
        def checked(request: HttpRequest, *args: Any, **path_params: Any) -> HttpResponse:
            try:
                check_request_input(request, path_params)
            except DomainError as error:
                return api.create_response(request, error_body(error), status=error_status(error))
            return run(request, *args, **path_params)

        return checked

    api.add_decorator(decorator, mode="view")


def body_limit(setting: str) -> Callable[[Run], Run]:
    """For ``decorate_view``: refuse a body declared larger than ``settings.<setting>``
    (plus room for the multipart envelope) before it is read."""

    def decorator(run: Run) -> Run:
        @functools.wraps(run)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                check_declared_size(request, getattr(settings, setting))
            except DomainError as error:
                return JsonResponse(error_body(error), status=error_status(error))
            return run(request, *args, **kwargs)

        return limited

    return decorator
