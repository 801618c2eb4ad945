"""Translation hook for the pure core.

Messages written in the domain modules are marked with :func:`gettext` (so that
``makemessages`` collects them into the project's catalogues) but this package may
not import Django. The web shell installs Django's translator at start-up with
:func:`install`; without it, messages stay in English.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["gettext", "install"]

_translate: Callable[[str], str] = str


def install(translate: Callable[[str], str]) -> None:
    """Route every domain message through ``translate`` from now on."""
    global _translate
    _translate = translate


def gettext(message: str) -> str:
    return _translate(message)
