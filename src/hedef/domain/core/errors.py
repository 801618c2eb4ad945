"""The base of every error the pure core raises on purpose.

Each error carries a stable ``code`` (for programs, tests and the API) and the
``params`` of its message; ``str(error)`` is the message, translated when the web
shell has installed a translator (see :mod:`hedef.domain.core.i18n`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["DomainError"]


class DomainError(Exception):
    """A rule of the domain refused an input or a change."""

    def __init__(self, code: str, message: str, params: Mapping[str, Any] | None = None) -> None:
        self.code = code
        self.params: dict[str, Any] = dict(params or {})
        self.message = message % self.params if self.params else message
        super().__init__(self.message)
