"""Issuing and revoking agency API tokens. The token is shown once; only its hash is kept."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hedef.accounts.models import Role
from hedef.accounts.permissions import require
from hedef.agencies.models import Agency
from hedef.core.actions import Action
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.monitoring.errors import NotPossible
from hedef.monitoring.models import AgencyToken
from hedef.monitoring.permissions import can_manage_tokens

TOKEN_PREFIX = "hdf_"
ONLY_ADMINS = gettext_lazy("Only operator administrators issue and revoke API tokens.")


@dataclass(frozen=True)
class TokenPrincipal:
    """An agency API token acting as a focal person of its agency (for permission rules)."""

    token: Any  # an AgencyToken

    is_authenticated = True
    is_superuser = False
    role = Role.FOCAL_PERSON
    pk = None

    @property
    def is_active(self) -> bool:
        return bool(self.token.active)

    @property
    def agency_id(self) -> int:
        return int(self.token.agency_id)

    @property
    def username(self) -> str:
        return f"api:{self.token.prefix}"


def token_digest(token: str) -> str:
    """SHA-256 of a token. Tokens are 256 random bits, so a plain hash is enough to store."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenExpired(Exception):
    """A token that was valid once; the API answers 401 with when it expired."""

    def __init__(self, token: AgencyToken) -> None:
        self.token = token
        super().__init__(
            _("This API token expired on %(date)s; ask the operator for a new one.")
            % {"date": formats.date_format(timezone.localtime(token.expires_at), "d.m.Y")}
        )


class TokenIssue(Action):
    """Issue a token to ``agency``, valid for ``days`` (``HEDEF_API_TOKEN_DAYS`` by default)."""

    def __init__(
        self, *, actor: Actor, agency: Agency, label: str, days: int | None = None
    ) -> None:
        super().__init__(actor=actor)
        self.agency = agency
        self.label = label.strip()
        self.days = settings.HEDEF_API_TOKEN_DAYS if days is None else days

    def check(self) -> None:
        require(can_manage_tokens(self.user), ONLY_ADMINS)

    def apply(self) -> tuple[AgencyToken, str]:
        if not self.label:
            raise NotPossible(
                "label_required", _("Give the token a label, e.g. the system's name.")
            )
        if not 1 <= self.days <= settings.HEDEF_API_TOKEN_DAYS:
            raise NotPossible(
                "token_days",
                _("A token is valid for 1 to %(most)d days."),
                {"most": settings.HEDEF_API_TOKEN_DAYS},
            )
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = AgencyToken.objects.create(
            agency=self.agency,
            label=self.label,
            prefix=token[:12],
            token_hash=token_digest(token),
            created_by=self.actor.person,
            expires_at=timezone.now() + datetime.timedelta(days=self.days),
        )
        audit_record(
            actor=self.actor,
            action="token.issue",
            obj=record,
            after={
                "agency": self.agency.code,
                "label": self.label,
                "prefix": record.prefix,
                "expires_at": record.expires_at.isoformat(),
            },
        )
        return record, token


class TokenRevoke(Action):
    def __init__(self, token: AgencyToken, *, actor: Actor) -> None:
        super().__init__(actor=actor)
        self.token = token

    def check(self) -> None:
        require(can_manage_tokens(self.user), ONLY_ADMINS)

    def apply(self) -> AgencyToken:
        if self.token.revoked_at is None:
            self.token.revoked_at = timezone.now()
            self.token.save(update_fields=["revoked_at"])
            audit_record(
                actor=self.actor,
                action="token.revoke",
                obj=self.token,
                after={"agency": self.token.agency.code, "prefix": self.token.prefix},
            )
        return self.token


def token_authenticate(raw: str) -> AgencyToken | None:
    """The active token whose hash matches ``raw``, marking it used; else ``None``.

    A token past its expiry raises :class:`TokenExpired`, so that its system is told
    why it is refused rather than that it is unknown.
    """
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        AgencyToken.objects.select_related("agency")
        .filter(token_hash=token_digest(raw), revoked_at=None)
        .first()
    )
    if token is not None:
        if token.expired:
            raise TokenExpired(token)
        AgencyToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token
