"""Who makes a change, and through which door: a person on the web, an Excel upload,
an agency's system through the API, a command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hedef.core.client_address import client_address


class Channel(models.TextChoices):
    """Where a change came from."""

    WEB = "web", _("web")
    EXCEL = "excel", _("Excel upload")
    API = "api", _("API")
    CLI = "cli", _("command line")
    SYSTEM = "system", _("system")


@dataclass(frozen=True)
class Actor:
    """The principal (a user or a token) and where the change comes from."""

    user: Any
    channel: str = Channel.WEB
    source: str = ""  # the client address, the uploaded file's name, the token label

    @classmethod
    def from_request(
        cls, request: HttpRequest, channel: str = Channel.WEB, source: str = ""
    ) -> Actor:
        address = client_address(request)
        return cls(request.user, channel, f"{source} ({address})" if source else address)

    @classmethod
    def unattended(cls, via: str = "") -> Actor:
        """No person: a command (``via`` "cli") or the system (the demo, a test, a job)."""
        return cls(None, Channel.CLI if via == "cli" else Channel.SYSTEM, via)

    @property
    def name(self) -> str:
        return str(getattr(self.user, "username", "")) or self.source

    @property
    def user_id(self) -> int | None:
        pk = getattr(self.user, "pk", None)
        return int(pk) if pk is not None else None

    @property
    def person(self) -> Any:
        """The User behind the change, for foreign keys; ``None`` for tokens and the system."""
        return self.user if self.user_id is not None else None
