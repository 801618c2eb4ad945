"""Deployment checks (``hedef manage check --deploy``): what production must configure."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def audit_key_configured(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The audit chain's key must come from the environment, not the data directory.

    A key generated next to the database is read by whoever reads the database
    files, who could then rewrite the chain unnoticed.
    """
    if settings.HEDEF_AUDIT_KEY:
        return []
    return [
        Error(
            "HEDEF_AUDIT_KEY is not set: the audit chain is keyed with a key generated "
            "into the data directory.",
            hint="Set HEDEF_AUDIT_KEY to a long random secret kept outside the database "
            "and its backups (e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`).",
            id="hedef.E001",
        )
    ]
