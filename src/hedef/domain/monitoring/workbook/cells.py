"""Reading what people type into spreadsheet cells: text, numbers, dates, list choices.

Spreadsheet programs hand back a cell as text, a number, a date or nothing, depending
on how it was typed and formatted; these parsers accept each reasonable form and
refuse the rest with a :class:`CellError` whose message quotes the value.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from hedef.domain.core.errors import DomainError
from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.text import az_casefold

__all__ = [
    "CellError",
    "normal",
    "parse_choice",
    "parse_date",
    "parse_number",
    "parse_percent",
    "text",
]

# Excel stores dates as days since 30 December 1899; these bound 2000 to 2119.
_SERIAL_MIN, _SERIAL_MAX = 36526, 80000
_DATE_PATTERNS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")


class CellError(DomainError):
    """A cell whose content cannot be read as the column asks."""


def normal(value: Any) -> str:
    """A cell's value as trimmed text (whole floats without ``.0``, dates in ISO form)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value).strip()


def text(value: Any) -> str:
    """A text cell's value exactly as written (no trimming), a number or date as :func:`normal`.

    A narrative that starts with ``=``, a tab or a line break is the agency's text; the
    cell keeps every character, so a workbook uploaded unchanged reads as unchanged.
    """
    return value if isinstance(value, str) else normal(value)


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_choice(raw: Any, labels: Mapping[str, str]) -> str | None:
    """The code whose label (or the code itself) ``raw`` is, ignoring Azerbaijani case.

    Raises:
        CellError: code ``not_in_list``, listing the labels.
    """
    text = normal(raw)
    if not text:
        return None
    folded = az_casefold(text)
    for code, label in labels.items():
        if folded in {az_casefold(label), code}:
            return code
    raise CellError(
        "not_in_list",
        _("“%(value)s” is not in the list: %(choices)s."),
        {"value": text, "choices": ", ".join(labels.values())},
    )


def parse_number(raw: Any) -> float | None:
    """A number typed as a number or as text (decimal comma, spaces and a ``%`` allowed).

    Raises:
        CellError: code ``not_a_number``.
    """
    if _blank(raw):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").rstrip("%").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellError("not_a_number", _("“%(value)s” is not a number."), {"value": raw}) from None


def parse_percent(raw: Any) -> float | None:
    """A percentage from 0 to 100.

    Raises:
        CellError: code ``not_a_number`` or ``percent_range``.
    """
    value = parse_number(raw)
    if value is not None and not 0 <= value <= 100:
        raise CellError(
            "percent_range",
            _("The percentage must be between 0 and 100, not %(value)s."),
            {"value": normal(value)},
        )
    return value


def parse_date(raw: Any) -> datetime.date | None:
    """A date cell, an Excel serial number, or text as DD.MM.YYYY (or ISO YYYY-MM-DD).

    Raises:
        CellError: code ``not_a_date``.
    """
    if _blank(raw):
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if _SERIAL_MIN <= raw <= _SERIAL_MAX:
            return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(raw))
    for pattern in _DATE_PATTERNS:
        try:
            return datetime.datetime.strptime(str(raw).strip(), pattern).date()
        except ValueError:
            continue
    raise CellError(
        "not_a_date", _("“%(value)s” is not a date; write it as DD.MM.YYYY."), {"value": raw}
    )
