"""Saving and submitting a report: the agency's writes."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.core.actions import Action
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.domain.monitoring.submissions import (
    EDITABLE_STATES,
    FieldIssue,
    SubmissionContent,
    SubmissionState,
    Verb,
    audit_action,
    check_changes_allowed,
    check_complete,
    check_content,
    target_field,
)
from hedef.monitoring.actions.base import advance, locked_submission, touch
from hedef.monitoring.content import (
    changed_keys,
    content_columns,
    content_snapshot,
    review_field,
    submission_content,
)
from hedef.monitoring.errors import SubmissionConflict, SubmissionInvalid, SubmissionLocked
from hedef.monitoring.models import Submission, TargetValue
from hedef.monitoring.permissions import can_edit_submission


def only_reporter_message(submission: Submission) -> str:
    return _("Only a focal person of %(agency)s may write this report.") % {
        "agency": submission.agency.acronym or submission.agency.name
    }


class SubmissionSave(Action):
    """Save a report's content as the agency's draft (or corrections of a returned one).

    Args:
        version: the report version the change starts from; a different current
            version means someone else saved in between and the save is refused.
    """

    verb = Verb.SAVE

    def __init__(
        self, submission: Submission, *, actor: Actor, content: SubmissionContent, version: int
    ) -> None:
        super().__init__(actor=actor)
        self.submission = submission
        self.content = content
        self.version = version

    def check(self) -> None:
        require(
            can_edit_submission(self.user, self.submission), only_reporter_message(self.submission)
        )

    def apply(self) -> Submission:
        submission = locked_submission(self.submission)
        state = self._next_state(submission)
        if submission.version != self.version:
            raise SubmissionConflict(self.version, submission.version)
        content = self._scoped(submission)
        issues = self._issues(submission, content)
        if issues:
            raise SubmissionInvalid(issues)
        before = content_snapshot(submission_content(submission))
        after = content_snapshot(content)
        changed = changed_keys(before, after)
        if submission.state == SubmissionState.RETURNED:
            check_changes_allowed({review_field(k) for k in changed}, submission.returned_fields)
        if not changed and self.verb is Verb.SAVE:
            return submission
        old = {"state": submission.state, "version": submission.version}
        for name, value in content_columns(content).items():
            setattr(submission, name, value)
        self._store_targets(submission, content)
        touch(submission, self.actor)
        submission.state = state.value
        if self.verb is Verb.SUBMIT:
            submission.submitted_at = timezone.now()
            submission.returned_fields = []
        submission.save()
        audit_record(
            actor=self.actor,
            action=audit_action(self.verb),
            obj=submission,
            before={**{k: before.get(k) for k in sorted(changed)}, **old},
            after={
                **{k: after.get(k) for k in sorted(changed)},
                "state": submission.state,
                "version": submission.version,
            },
        )
        return submission

    def _next_state(self, submission: Submission) -> SubmissionState:
        if submission.cycle.is_open and submission.state not in EDITABLE_STATES:
            raise SubmissionLocked(
                "report_locked",
                _(
                    "This report was submitted and is locked until the reviewer returns it; "
                    "nothing was saved."
                ),
            )
        return advance(submission, self.verb)

    def _scoped(self, submission: Submission) -> SubmissionContent:
        """Keep only what this kind of report holds: an indicator value, or measure fields."""
        if submission.is_indicator:
            return SubmissionContent(
                indicator_value=self.content.indicator_value, narrative=self.content.narrative
            )
        return dataclasses.replace(self.content, indicator_value=None)

    def _issues(self, submission: Submission, content: SubmissionContent) -> list[FieldIssue]:
        measure = submission.measure
        start = measure.period_start if measure is not None else None
        if self.verb is Verb.SUBMIT:
            issues = check_complete(
                content,
                is_indicator=submission.is_indicator,
                measure_start=start,
                cycle_start=submission.cycle.period_start,
            )
        else:
            issues = check_content(
                content, measure_start=start, cycle_start=submission.cycle.period_start
            )
        known = set(measure.targets.values_list("pk", flat=True)) if measure is not None else set()
        issues.extend(
            FieldIssue(
                target_field(target),
                "unknown_target",
                _("The measure has no numeric target %(id)s.") % {"id": target},
            )
            for target in content.target_values
            if target not in known
        )
        return issues

    def _store_targets(self, submission: Submission, content: SubmissionContent) -> None:
        values: dict[int, Any] = {t: v for t, v in content.target_values.items() if v is not None}
        submission.values.exclude(target_id__in=values).delete()
        for target, value in values.items():
            TargetValue.objects.update_or_create(
                submission=submission, target_id=target, defaults={"value": value}
            )


class SubmissionSubmit(SubmissionSave):
    """Save and submit a report in one step; it is then locked until returned or accepted."""

    verb = Verb.SUBMIT
