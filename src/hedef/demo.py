"""The demo set-up: registry, sample strategies, one account per role. Idempotent."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.db import transaction

from hedef.accounts.models import Role, User
from hedef.agencies.models import Agency
from hedef.agencies.services import agency_registry_load
from hedef.ingest.services import document_ingest, draft_accept
from hedef.monitoring.demo import demo_reporting

# (user name, role, agency code, first name, last name) — invented people.
DEMO_ACCOUNTS = [
    ("operator", Role.OPERATOR_ADMIN, None, "Aynur", "Məmmədova"),
    ("analyst", Role.OPERATOR_ANALYST, None, "Rəşad", "Quliyev"),
    ("focal-rinn", Role.FOCAL_PERSON, "rinn", "Leyla", "Həsənova"),
    ("focal-in", Role.FOCAL_PERSON, "in", "Tural", "İsmayılov"),
    ("leader", Role.LEADERSHIP, None, "Elçin", "Əliyev"),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    agency: str
    password: str


@dataclass(frozen=True)
class DemoReport:
    accounts: list[DemoAccount]
    messages: list[str]


def demo_setup(*, reset_passwords: bool = False, progress: Any = None) -> DemoReport:
    say = progress.print if progress is not None else (lambda *a, **k: None)
    registry = agency_registry_load()
    say(f"Agency registry: {registry.created} created, {registry.updated} up to date")
    messages = []
    documents = resources.files("hedef.sample_data").joinpath("documents")
    for path in sorted(documents.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".txt"):
            continue
        # The same pipeline an operator uses; the demo accepts what was read unreviewed.
        outcome = document_ingest(data=path.read_bytes(), file_name=path.name, via="demo")
        if outcome.draft is not None:
            accepted = draft_accept(draft=outcome.draft, edit_version=1)
            message = accepted.message
        else:
            message = outcome.message
        messages.append(message)
        say(message, highlight=False)
    accounts = _demo_accounts(reset_passwords)
    messages.append(demo_reporting())
    say(messages[-1], highlight=False)
    say(
        "Demo only: `operator` and `analyst` sign in without the operators' second factor "
        "(HEDEF_DEMO_TOTP_EXEMPT_USERS); other operator accounts enrol an authenticator app.",
        highlight=False,
    )
    return DemoReport(accounts=accounts, messages=messages)


def _demo_accounts(reset_passwords: bool) -> list[DemoAccount]:
    accounts = []
    with transaction.atomic():
        for username, role, agency_code, first, last in DEMO_ACCOUNTS:
            agency = Agency.objects.get(code=agency_code) if agency_code else None
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "role": role,
                    "agency": agency,
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@demo.hedef.invalid",
                    "is_staff": role == Role.OPERATOR_ADMIN,
                    "is_superuser": role == Role.OPERATOR_ADMIN,
                },
            )
            password = "(unchanged)"
            if created or reset_passwords:
                password = secrets.token_urlsafe(9)
                user.set_password(password)
                user.save(update_fields=["password"])
            accounts.append(
                DemoAccount(username, str(role.label), agency.acronym if agency else "", password)
            )
    return accounts
