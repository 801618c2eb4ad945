"""Limits every upload shares: the forms' and the API's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hedef.domain.core.errors import DomainError


def check_upload_size(upload: Any) -> Any:
    """Refuse a file over the site's upload limit, naming the file and the limit."""
    if upload.size > settings.HEDEF_MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            gettext_lazy("%(name)s is larger than the %(limit)d MB limit."),
            code="too_large",
            params={"name": upload.name, "limit": settings.HEDEF_MAX_UPLOAD_BYTES // 2**20},
        )
    return upload


# Room for the multipart envelope (boundaries, part headers) around a file at the limit.
MULTIPART_ALLOWANCE = 64 * 1024


class BodyTooLarge(DomainError):
    """A request body, or a file in it, over its limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            "too_large",
            _("The upload is larger than the %(limit)s MB limit."),
            {"limit": _megabytes(limit)},
        )


def _megabytes(limit: int) -> str:
    return f"{limit / 2**20:g}"


def check_declared_size(request: HttpRequest, limit: int) -> None:
    """Refuse a request whose declared ``Content-Length`` is over ``limit`` (and the
    multipart allowance), before any of its body is read."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0  # Django reads no body it cannot measure
    if declared > limit + MULTIPART_ALLOWANCE:
        raise BodyTooLarge(limit)


def read_capped(upload: UploadedFile, limit: int) -> bytes:
    """The content of ``upload``, read chunk by chunk and refused as soon as it passes
    ``limit``, so that no more than the limit is ever held in memory."""
    if upload.size is not None and upload.size > limit:
        raise BodyTooLarge(limit)
    data = bytearray()
    for chunk in upload.chunks():
        data += chunk
        if len(data) > limit:
            raise BodyTooLarge(limit)
    return bytes(data)
