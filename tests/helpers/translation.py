"""Running the pure core's code with its messages in their source language."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from hedef.domain.core import i18n


@contextlib.contextmanager
def untranslated() -> Iterator[None]:
    """Messages in their source language, whatever translator the Django shell installed."""
    saved = i18n._translate
    i18n._translate = str
    try:
        yield
    finally:
        i18n._translate = saved
