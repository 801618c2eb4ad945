"""The reviewer's side: accepting, returning (whole or field by field), review threads."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hedef.accounts.permissions import require
from hedef.core.actions import Action
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.domain.monitoring.submissions import (
    COMMENT_MAX_LENGTH,
    SubmissionField,
    Verb,
    audit_action,
    check_text,
    target_field,
)
from hedef.monitoring.actions.base import advance, locked_submission, touch
from hedef.monitoring.errors import NotPossible
from hedef.monitoring.models import FieldComment, Submission
from hedef.monitoring.permissions import can_comment, can_review

ONLY_REVIEWERS = gettext_lazy("Only the operator's reviewers may accept or return reports.")


def report_fields(submission: Submission) -> list[str]:
    """The field keys of this report a reviewer can return and comment on."""
    if submission.is_indicator:
        return [SubmissionField.INDICATOR_VALUE.value, SubmissionField.NARRATIVE.value, "evidence"]
    keys = [f.value for f in SubmissionField if f not in {SubmissionField.INDICATOR_VALUE}]
    assert submission.measure is not None
    keys.extend(target_field(pk) for pk in submission.measure.targets.values_list("pk", flat=True))
    return keys


def _check_field(submission: Submission, field: str) -> None:
    if field and field not in report_fields(submission):
        raise NotPossible(
            "unknown_field", _("The report has no field “%(field)s”."), {"field": field}
        )


def _comment(submission: Submission, actor: Actor, field: str, text: str) -> FieldComment:
    return FieldComment.objects.create(
        submission=submission,
        field=field,
        author=actor.person,
        author_name=actor.name,
        text=text.strip(),
    )


class SubmissionAccept(Action):
    def __init__(self, submission: Submission, *, actor: Actor, comment: str = "") -> None:
        super().__init__(actor=actor)
        self.submission = submission
        self.comment = comment

    def check(self) -> None:
        require(can_review(self.user), ONLY_REVIEWERS)

    def apply(self) -> Submission:
        submission = locked_submission(self.submission)
        state = advance(submission, Verb.ACCEPT)
        before = {"state": submission.state, "version": submission.version}
        touch(submission, self.actor)
        submission.state = state.value
        submission.returned_fields = []
        submission.reviewed_at = timezone.now()
        submission.reviewed_by = self.actor.person
        submission.save()
        if self.comment.strip():
            _comment(submission, self.actor, "", self.comment)
        audit_record(
            actor=self.actor,
            action=audit_action(Verb.ACCEPT),
            obj=submission,
            before=before,
            after={"state": state.value, "version": submission.version, "comment": self.comment},
        )
        return submission


class SubmissionReturn(Action):
    """Return a report for correction with comments.

    Args:
        comments: field key -> comment. Comments on fields reopen only those fields;
            a comment under the key ``""`` alone returns the whole report.
    """

    def __init__(
        self, submission: Submission, *, actor: Actor, comments: Mapping[str, str]
    ) -> None:
        super().__init__(actor=actor)
        self.submission = submission
        self.comments = {k: v.strip() for k, v in comments.items() if v and v.strip()}

    def check(self) -> None:
        require(can_review(self.user), ONLY_REVIEWERS)

    def apply(self) -> Submission:
        submission = locked_submission(self.submission)
        state = advance(submission, Verb.RETURN)
        if not self.comments:
            raise NotPossible(
                "comment_required",
                _("Say what to correct: write a comment on the report or on a field."),
            )
        for field, text in self.comments.items():
            _check_field(submission, field)
            check_text(_("Comment"), text, COMMENT_MAX_LENGTH)
        before = {"state": submission.state, "version": submission.version}
        touch(submission, self.actor)
        submission.state = state.value
        submission.returned_fields = sorted(k for k in self.comments if k)
        submission.reviewed_at = timezone.now()
        submission.reviewed_by = self.actor.person
        submission.save()
        for field, text in self.comments.items():
            _comment(submission, self.actor, field, text)
        audit_record(
            actor=self.actor,
            action=audit_action(Verb.RETURN),
            obj=submission,
            before=before,
            after={
                "state": state.value,
                "version": submission.version,
                "returned_fields": submission.returned_fields,
                "comments": self.comments,
            },
        )
        return submission


class CommentAdd(Action):
    """Add a comment to a review thread (one thread per field, ``""`` for the report)."""

    def __init__(self, submission: Submission, *, actor: Actor, field: str, text: str) -> None:
        super().__init__(actor=actor)
        self.submission = submission
        self.field = field
        self.text = text

    def check(self) -> None:
        require(
            can_comment(self.user, self.submission),
            _("Only the reviewers and the reporting agency take part in review threads."),
        )

    def apply(self) -> FieldComment:
        if not self.text.strip():
            raise NotPossible("comment_required", _("The comment is empty."))
        _check_field(self.submission, self.field)
        check_text(_("Comment"), self.text.strip(), COMMENT_MAX_LENGTH)
        comment = _comment(self.submission, self.actor, self.field, self.text)
        audit_record(
            actor=self.actor,
            action="comment.add",
            obj=comment,
            after={"submission": self.submission.pk, "field": self.field, "text": comment.text},
        )
        return comment
