"""A co-executing agency's contribution to the lead agency's report."""

from __future__ import annotations

from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.core.actions import Action
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.domain.monitoring.submissions import (
    CONTRIBUTION_MAX_LENGTH,
    EDITABLE_STATES,
    check_text,
)
from hedef.monitoring.actions.base import locked_submission
from hedef.monitoring.errors import NotPossible, SubmissionConflict, SubmissionLocked
from hedef.monitoring.models import Contribution, Submission
from hedef.monitoring.permissions import can_contribute
from hedef.monitoring.selectors import contributors


class ContributionSave(Action):
    """Write (or rewrite) the actor's agency's contribution while the report is open.

    Args:
        version: the contribution version the change starts from (0 for a new one).
    """

    def __init__(self, submission: Submission, *, actor: Actor, text: str, version: int) -> None:
        super().__init__(actor=actor)
        self.submission = submission
        self.text = text.strip()
        self.version = version

    def check(self) -> None:
        require(
            can_contribute(self.user, [a.pk for a in contributors(self.submission)]),
            _("Only focal persons of the measure's other executors write contributions."),
        )

    def apply(self) -> Contribution:
        submission = locked_submission(self.submission)
        if not submission.cycle.is_open or submission.state not in EDITABLE_STATES:
            raise SubmissionLocked(
                "report_locked",
                _("The lead agency has submitted this report; contributions are closed."),
            )
        if not self.text:
            raise NotPossible("contribution_empty", _("The contribution is empty."))
        check_text(_("Contribution"), self.text, CONTRIBUTION_MAX_LENGTH)
        agency_id = self.user.agency_id
        contribution = Contribution.objects.filter(
            submission=submission, agency_id=agency_id
        ).first()
        current = contribution.version if contribution else 0
        if current != self.version:
            raise SubmissionConflict(self.version, current)
        before = {"text": contribution.text, "version": current} if contribution else {}
        if contribution is None:
            contribution = Contribution(submission=submission, agency_id=agency_id, version=0)
        contribution.text = self.text
        contribution.version = current + 1
        contribution.updated_by = self.actor.name
        contribution.save()
        audit_record(
            actor=self.actor,
            action="contribution.save",
            obj=contribution,
            before=before,
            after={"submission": submission.pk, "text": self.text, "version": contribution.version},
        )
        return contribution
