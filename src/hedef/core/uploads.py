"""Limits every upload form shares."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def check_upload_size(upload: Any) -> Any:
    """Refuse a file over the site's upload limit, naming the file and the limit."""
    if upload.size > settings.HEDEF_MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            _("%(name)s is larger than the %(limit)d MB limit."),
            code="too_large",
            params={"name": upload.name, "limit": settings.HEDEF_MAX_UPLOAD_BYTES // 2**20},
        )
    return upload
