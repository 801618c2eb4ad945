"""Writes to the agency registry."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from django.db import transaction

from hedef.agencies.models import Agency
from hedef.core.actors import Actor
from hedef.core.audit import AuditRecord, audit_record_many
from hedef.domain.core.text import az_casefold

REGISTRY_FILE = "registry/agencies.yaml"


@dataclass(frozen=True)
class RegistryLoad:
    created: int
    updated: int


REGISTRY_FIELDS = ("acronym", "name", "name_en", "name_ru")


def agency_registry_load(*, path: Path | None = None, actor: Actor | None = None) -> RegistryLoad:
    """Create or update the agencies listed in a registry file (the shipped one by default).

    Each agency created is an ``agency.create`` entry and each one whose names changed
    an ``agency.update`` entry with the fields before and after; agencies already as
    the file says are left alone and unrecorded.
    """
    if path is None:
        text = resources.files("hedef.agencies").joinpath(REGISTRY_FILE).read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    created = updated = 0
    records: list[AuditRecord] = []
    with transaction.atomic():
        for entry in yaml.safe_load(text):
            fields = {key: entry.get(key, "") or "" for key in REGISTRY_FIELDS}
            agency = Agency.objects.select_for_update().filter(code=entry["code"]).first()
            if agency is None:
                agency = Agency.objects.create(code=entry["code"], **fields)
                records.append(("agency.create", agency, None, {"code": agency.code, **fields}))
                created += 1
                continue
            updated += 1
            before = {
                k: getattr(agency, k) for k in REGISTRY_FIELDS if getattr(agency, k) != fields[k]
            }
            if not before:
                continue
            for key, value in fields.items():
                setattr(agency, key, value)
            agency.save()
            records.append(("agency.update", agency, before, {k: fields[k] for k in before}))
        if records:
            audit_record_many(actor=actor or Actor.unattended("cli"), records=records)
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
