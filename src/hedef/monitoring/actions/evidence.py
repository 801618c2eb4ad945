"""Adding and removing evidence files of a report."""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.core.actions import Action
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.domain.monitoring.evidence import check_evidence, type_true_name
from hedef.domain.monitoring.submissions import (
    EDITABLE_STATES,
    SubmissionField,
    check_changes_allowed,
)
from hedef.monitoring.actions.base import locked_submission
from hedef.monitoring.actions.submissions import only_reporter_message
from hedef.monitoring.errors import CycleClosed, SubmissionLocked
from hedef.monitoring.models import Evidence, Submission
from hedef.monitoring.permissions import can_edit_submission


def _check_open(submission: Submission) -> None:
    if not submission.cycle.is_open:
        raise CycleClosed(
            "cycle_closed",
            _("The cycle “%(cycle)s” was published; its reports no longer change."),
            {"cycle": submission.cycle.label},
        )
    if submission.state not in EDITABLE_STATES:
        raise SubmissionLocked(
            "report_locked",
            _("This report was submitted and is locked until the reviewer returns it."),
        )
    check_changes_allowed({SubmissionField.EVIDENCE.value}, submission.returned_fields)


def _describe(evidence: Evidence) -> dict[str, Any]:
    return {
        "submission": evidence.submission_id,
        "name": evidence.name,
        "kind": evidence.kind,
        "size": evidence.size,
        "sha256": evidence.sha256,
    }


class EvidenceAdd(Action):
    """Store an evidence file, checked by its content and size, with the report."""

    def __init__(self, submission: Submission, *, actor: Actor, name: str, data: bytes) -> None:
        super().__init__(actor=actor)
        self.submission = submission
        self.name = PurePath(name.replace("\\", "/")).name[:255] or "evidence"
        self.data = data
        self.stored = ""

    def check(self) -> None:
        require(
            can_edit_submission(self.user, self.submission),
            only_reporter_message(self.submission),
        )

    def execute(self) -> Evidence:
        try:
            evidence: Evidence = super().execute()
        except BaseException:
            if self.stored:  # the row was rolled back: the file must not stay behind
                Evidence.file.field.storage.delete(self.stored)
            raise
        return evidence

    def apply(self) -> Evidence:
        submission = locked_submission(self.submission)
        _check_open(submission)
        checked = check_evidence(self.data, self.name, max_bytes=settings.HEDEF_MAX_EVIDENCE_BYTES)
        self.name = type_true_name(self.name, checked.kind)
        evidence = Evidence(
            submission=submission,
            name=self.name,
            kind=checked.kind.value,
            content_type=checked.content_type,
            size=len(self.data),
            sha256=hashlib.sha256(self.data).hexdigest(),
            uploaded_by=self.actor.name,
        )
        evidence.file.save(self.name, ContentFile(self.data), save=False)
        self.stored = evidence.file.name
        evidence.save()
        audit_record(
            actor=self.actor, action="evidence.add", obj=evidence, after=_describe(evidence)
        )
        return evidence


class EvidenceRemove(Action):
    def __init__(self, evidence: Evidence, *, actor: Actor) -> None:
        super().__init__(actor=actor)
        self.evidence = evidence

    def check(self) -> None:
        require(
            can_edit_submission(self.user, self.evidence.submission),
            only_reporter_message(self.evidence.submission),
        )

    def apply(self) -> None:
        _check_open(locked_submission(self.evidence.submission))
        path, storage = self.evidence.file.name, self.evidence.file.storage
        audit_record(
            actor=self.actor,
            action="evidence.remove",
            obj=self.evidence,
            before=_describe(self.evidence),
        )
        self.evidence.delete()
        transaction.on_commit(lambda: storage.delete(path))
