"""A row's values as the audit log keeps them: plain JSON, secrets never in clear."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.db import models

SECRET_FIELDS = frozenset({"password", "token_hash"})
SECRET_SET = "[set]"
SECRET_EMPTY = "[empty]"
SECRET_CHANGED = "[changed]"


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # One instant, one text: a form's value in local time equals the stored one.
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, set | tuple | frozenset):
        return sorted(_plain(v) for v in value)
    return str(value)


def field_values(obj: models.Model, *, with_m2m: bool = True) -> dict[str, Any]:
    """The row's stored values by field name (foreign keys as ids), secrets masked."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if field.name in SECRET_FIELDS:
            value = SECRET_SET if value else SECRET_EMPTY
        values[field.attname] = _plain(value)
    if with_m2m and obj.pk is not None:
        for m2m in obj._meta.many_to_many:
            values[m2m.name] = sorted(getattr(obj, m2m.name).values_list("pk", flat=True))
    return values


def secret_values(obj: models.Model) -> dict[str, Any]:
    """The secrets in a row exactly, to tell whether one changed (never logged)."""
    return {name: getattr(obj, name) for name in SECRET_FIELDS if hasattr(obj, name)}


def values_diff(
    before: dict[str, Any], after: dict[str, Any], changed_secrets: set[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields that differ, before and after; a changed secret shows as ``[changed]``."""
    keys = [k for k in after if before.get(k) != after.get(k) and k not in SECRET_FIELDS]
    old = {k: before.get(k) for k in keys}
    new = {k: after[k] for k in keys}
    for name in sorted(changed_secrets):
        old[name] = before.get(name, SECRET_EMPTY)
        new[name] = SECRET_CHANGED
    return old, new
