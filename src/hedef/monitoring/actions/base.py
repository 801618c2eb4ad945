"""What every action shares: the actor, the permission check, one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hedef.domain.monitoring.submissions import InvalidTransition, ReportState, Verb, next_state
from hedef.monitoring.actors import Actor
from hedef.monitoring.choices import ReportState as StateChoices
from hedef.monitoring.errors import CycleClosed, NotPossible
from hedef.monitoring.models import Submission

STEP_LABELS = {
    Verb.SAVE: gettext_lazy("changed"),
    Verb.SUBMIT: gettext_lazy("submitted"),
    Verb.ACCEPT: gettext_lazy("accepted"),
    Verb.RETURN: gettext_lazy("returned"),
    Verb.PUBLISH: gettext_lazy("published"),
}


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


def locked_submission(submission: Submission) -> Submission:
    """The report re-read under a row lock, so concurrent changes queue up."""
    return Submission.objects.select_for_update().select_related("cycle").get(pk=submission.pk)


def advance(submission: Submission, verb: Verb) -> ReportState:
    """The state ``verb`` takes the report to, refusing steps the workflow has not."""
    if not submission.cycle.is_open:
        raise CycleClosed(
            "cycle_closed",
            _("The cycle “%(cycle)s” was published; its reports no longer change."),
            {"cycle": submission.cycle.label},
        )
    try:
        return next_state(ReportState(submission.state), verb)
    except InvalidTransition as error:
        raise NotPossible(
            error.code,
            _("This report is “%(state)s”: it cannot be %(step)s now."),
            {
                "state": StateChoices(submission.state).label,
                "step": STEP_LABELS[verb],
            },
        ) from error


def touch(submission: Submission, actor: Actor) -> None:
    """Mark a saved change: one more version, when, by whom and through which channel."""
    submission.version += 1
    submission.updated_at = timezone.now()
    submission.updated_by = actor.name
    submission.updated_via = actor.channel
