"""What every action on a submission shares: the row lock, the workflow step, the version."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hedef.core.actors import Actor
from hedef.domain.monitoring.submissions import InvalidTransition, SubmissionState, Verb, next_state
from hedef.monitoring.choices import SubmissionState as StateChoices
from hedef.monitoring.errors import CycleClosed, NotPossible
from hedef.monitoring.models import Submission

STEP_LABELS = {
    Verb.SAVE: gettext_lazy("changed"),
    Verb.SUBMIT: gettext_lazy("submitted"),
    Verb.ACCEPT: gettext_lazy("accepted"),
    Verb.RETURN: gettext_lazy("returned"),
    Verb.PUBLISH: gettext_lazy("published"),
}


def locked_submission(submission: Submission) -> Submission:
    """The report re-read under a row lock, so concurrent changes queue up."""
    return Submission.objects.select_for_update().select_related("cycle").get(pk=submission.pk)


def advance(submission: Submission, verb: Verb) -> SubmissionState:
    """The state ``verb`` takes the report to, refusing steps the workflow has not."""
    if not submission.cycle.is_open:
        raise CycleClosed(
            "cycle_closed",
            _("The cycle “%(cycle)s” was published; its reports no longer change."),
            {"cycle": submission.cycle.label},
        )
    try:
        return next_state(SubmissionState(submission.state), verb)
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
