"""Writes to the agency registry."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from django.db import transaction

from hedef.agencies.models import Agency
from hedef.domain.core.text import az_casefold

REGISTRY_FILE = "registry/agencies.yaml"


@dataclass(frozen=True)
class RegistryLoad:
    created: int
    updated: int


def agency_registry_load(*, path: Path | None = None) -> RegistryLoad:
    """Create or update the agencies listed in a registry file (the shipped one by default)."""
    if path is None:
        text = resources.files("hedef.agencies").joinpath(REGISTRY_FILE).read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    created = updated = 0
    with transaction.atomic():
        for entry in yaml.safe_load(text):
            fields = {key: entry.get(key, "") for key in ("acronym", "name", "name_en", "name_ru")}
            _, was_created = Agency.objects.update_or_create(code=entry["code"], defaults=fields)
            created += was_created
            updated += not was_created
    return RegistryLoad(created=created, updated=updated)


def agency_match_name(name: str) -> Agency | None:
    """The registered agency whose name (or another known name) equals ``name``, folded."""
    folded = az_casefold(name)
    if not folded:
        return None
    for agency in Agency.objects.filter(folded_names__contains=folded):
        if folded in agency.folded_names.split("\n"):
            return agency
    return None
