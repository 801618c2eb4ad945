"""The base of every write: one change by one actor, checked, then applied in one transaction.

Web views, the API, Excel uploads and commands all run the same action, so the
permission check, the audit entry and the transaction are the same whichever door
a change comes through. A subclass's ``check()`` raises
:class:`hedef.core.errors.ActionNotAllowed` when the actor may not act;
``apply()`` changes, records the audit entry and returns the result.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from hedef.core.actors import Actor


class Action:
    """One change by one actor. Subclasses define ``check()`` and ``apply()``."""

    def __init__(self, *, actor: Actor) -> None:
        self.actor = actor

    @property
    def user(self) -> Any:
        return self.actor.user

    def check(self) -> None:
        """Raise :class:`ActionNotAllowed` unless the actor may take this action."""
        raise NotImplementedError

    def apply(self) -> Any:
        """Make the change and record it; runs inside the action's transaction."""
        raise NotImplementedError

    def execute(self) -> Any:
        self.check()
        with transaction.atomic():
            return self.apply()
