"""Values no database keeps as sent, found before they reach one.

JSON as Python reads it admits ``NaN``, ``Infinity`` and numbers such as ``1e999``
(which become infinite), and strings with a NUL character or a lone surrogate
(``"\\u0000"``, ``"\\ud800"``). PostgreSQL refuses NUL in text, UTF-8 cannot encode a
lone surrogate, and a float that is not finite is no measurement. Each is refused
with the field it was sent in, so the sender can tell which one to fix.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from hedef.domain.core.errors import DomainError
from hedef.domain.core.i18n import gettext as _

__all__ = ["UnstorableInput", "ValueIssue", "check_storable", "unstorable_values"]

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class ValueIssue:
    """One value that cannot be stored: the field it came in, a stable code, a message."""

    field: str
    code: str
    message: str


class UnstorableInput(DomainError):
    """Input with at least one value that cannot be stored; ``issues`` names each field."""

    def __init__(self, issues: list[ValueIssue]) -> None:
        super().__init__(
            "unstorable_value",
            _("%(fields)s: a value that cannot be stored was sent."),
            {"fields": ", ".join(issue.field for issue in issues)},
        )
        self.issues = issues


def _text_issue(text: str) -> tuple[str, str] | None:
    if "\x00" in text:
        return "nul_character", _("Text may not contain the NUL character (U+0000).")
    if _SURROGATE.search(text):
        return "lone_surrogate", _("Text may not contain a lone surrogate (U+D800–U+DFFF).")
    return None


def _join(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def unstorable_values(value: object, field: str = "") -> list[ValueIssue]:
    """Every value inside ``value`` (decoded JSON, or a flat mapping) that cannot be stored.

    ``field`` is where ``value`` sits; nested fields are named ``a.b`` and list items ``a[0]``.
    A key that cannot be stored is reported under its own (cleaned) name.
    """
    found: list[ValueIssue] = []
    if isinstance(value, float) and not math.isfinite(value):
        found.append(
            ValueIssue(field, "not_finite", _("A number must be finite (not NaN or infinite)."))
        )
    elif isinstance(value, str):
        issue = _text_issue(value)
        if issue:
            found.append(ValueIssue(field, *issue))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            name = _join(field, str(key))
            issue = _text_issue(str(key))
            if issue:
                shown = _SURROGATE.sub("\ufffd", str(key)).replace("\x00", "\\0")
                found.append(ValueIssue(_join(field, shown), *issue))
                continue
            found.extend(unstorable_values(item, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found.extend(unstorable_values(item, _join(field, index)))
    return found


def check_storable(value: object, field: str = "") -> None:
    """Raise :class:`UnstorableInput` naming every value in ``value`` that cannot be stored."""
    issues = unstorable_values(value, field)
    if issues:
        raise UnstorableInput(issues)
