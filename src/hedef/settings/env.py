"""The environment, read once: the only module of the settings that looks at ``os.environ``.

``ENV`` is a copy of the environment taken when the settings are first imported; the
settings modules ask it for typed values:

- ``flag``: ``1``, ``true``, ``yes``, ``on`` are true and ``0``, ``false``, ``no``, ``off``
  false, in any case; unset or empty means the default; anything else stops start-up
  with ``ImproperlyConfigured`` naming the variable.
- ``items``: a comma-separated list; spaces around items and empty items are dropped;
  unset or empty means the default.
- ``integer``: a whole number; unset or empty means the default.
- ``text``: the value with surrounding spaces removed; unset or empty means the default.
  (``EMAIL_HOST_PASSWORD`` is taken as it is.)
- ``required``: like ``text``, but unset or empty stops start-up, naming the variable.
- ``networks``: a comma-separated list of IP addresses or networks (``10.0.0.0/8``);
  anything else stops start-up, naming the variable and the item.
- ``email``: Django's e-mail settings from ``HEDEF_EMAIL_URL`` or the ``EMAIL_*`` variables.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Email:
    """Django's ``EMAIL_*`` settings; the defaults are Django's own."""

    backend: str = "django.core.mail.backends.console.EmailBackend"
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False


class Env:
    """Typed reads of one snapshot of the environment."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._values = dict(environ)

    def __contains__(self, name: str) -> bool:
        return bool(self.text(name))

    def text(self, name: str, default: str = "", *, strip: bool = True) -> str:
        value = self._values.get(name, "")
        return (value.strip() if strip else value) or default

    def required(self, name: str, why: str) -> str:
        value = self.text(name)
        if not value:
            raise ImproperlyConfigured(f"{name} is not set: {why}")
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.text(name).lower()
        if not value:
            return default
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise ImproperlyConfigured(
            f"{name}={self.text(name)!r} is neither true (1, true, yes, on) "
            "nor false (0, false, no, off)"
        )

    def integer(self, name: str, default: int) -> int:
        value = self.text(name)
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name}={value!r} is not a whole number") from None

    def items(self, name: str, default: Iterable[str] = ()) -> list[str]:
        found = [item.strip() for item in self.text(name).split(",") if item.strip()]
        return found or list(default)

    def networks(self, name: str) -> list[str]:
        found = []
        for item in self.items(name):
            try:
                found.append(str(ipaddress.ip_network(item, strict=False)))
            except ValueError:
                raise ImproperlyConfigured(
                    f"{name}: {item!r} is neither an IP address nor a network (10.0.0.0/8)"
                ) from None
        return found

    def path(self, name: str, default: Path) -> Path:
        return Path(self.text(name) or default).resolve()

    def email(self) -> Email:
        """From ``HEDEF_EMAIL_URL`` (``smtp://``, ``smtps://``, ``console://``, ``locmem://``,
        ``dummy://``), else from ``EMAIL_HOST`` and its companions, else the console."""
        url = self.text("HEDEF_EMAIL_URL")
        if not url and "EMAIL_HOST" in self:
            return Email(
                backend="django.core.mail.backends.smtp.EmailBackend",
                host=self.text("EMAIL_HOST"),
                port=self.integer("EMAIL_PORT", 25),
                user=self.text("EMAIL_HOST_USER"),
                password=self.text("EMAIL_HOST_PASSWORD", strip=False),
                use_tls=self.flag("EMAIL_USE_TLS"),
                use_ssl=self.flag("EMAIL_USE_SSL"),
            )
        parts = urlsplit(url or "console://")
        if parts.scheme in {"smtp", "smtps"}:
            tls = parse_qs(parts.query).get("tls", ["0"])[0].lower()
            return Email(
                backend="django.core.mail.backends.smtp.EmailBackend",
                host=parts.hostname or "localhost",
                port=parts.port or (465 if parts.scheme == "smtps" else 25),
                user=unquote(parts.username or ""),
                password=unquote(parts.password or ""),
                use_ssl=parts.scheme == "smtps",
                use_tls=tls in TRUE,
            )
        if parts.scheme not in {"console", "locmem", "dummy"}:
            raise ImproperlyConfigured(
                f"HEDEF_EMAIL_URL: unknown scheme {parts.scheme!r} (smtp, smtps, console)"
            )
        return Email(backend=f"django.core.mail.backends.{parts.scheme}.EmailBackend")


ENV = Env(os.environ)
