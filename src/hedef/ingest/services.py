"""Writes of ingestion: read a document into a draft, correct it, accept or discard it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.domain.ingest.documents import document_sha256, read_document
from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.ingest.review import apply_edits
from hedef.domain.ingest.sniff import decode_text, detect_format
from hedef.domain.plans import interchange
from hedef.ingest.models import ReviewDraft
from hedef.plans.models import PlanVersion
from hedef.plans.services import ImportOutcome, plan_import


class DraftConflict(Exception):
    """The draft was changed by someone else since this reviewer opened it."""


class DraftClosed(Exception):
    """The draft was already accepted or discarded."""


@dataclass(frozen=True)
class IngestOutcome:
    parsed: ParsedPlan | None
    draft: ReviewDraft | None
    already_loaded: PlanVersion | None

    @property
    def message(self) -> str:
        if self.already_loaded is not None:
            return _(
                "This document is already loaded as version %(number)s of “%(title)s”; "
                "nothing changed."
            ) % {"number": self.already_loaded.number, "title": self.already_loaded.title}
        assert self.draft is not None
        return _("%(file)s was read; review it before it becomes a plan.") % {
            "file": self.draft.file_name
        }


def document_ingest(
    *, data: bytes, file_name: str, actor: Actor | None = None, via: str = "web"
) -> IngestOutcome:
    """Read a document into a review draft, unless this very file is already loaded.

    Raises IngestionError (from the parser) for anything that is not a readable plan.
    """
    actor = actor or Actor.unattended(via)
    digest = document_sha256(data)
    loaded = PlanVersion.objects.filter(source_sha256=digest).order_by("-number").first()
    if loaded is not None:
        return IngestOutcome(parsed=None, draft=None, already_loaded=loaded)
    parsed = read_document(data, file_name)
    with transaction.atomic():
        return _draft_create(parsed, data, digest, file_name, actor, via)


def _draft_create(
    parsed: ParsedPlan, data: bytes, digest: str, file_name: str, actor: Actor, via: str
) -> IngestOutcome:
    source_text = ""
    if parsed.source_lines and detect_format(data, file_name) == "text":
        # A PDF's or DOCX's source lines are table rows, not lines of the file's bytes.
        source_text = decode_text(data, file_name)
    draft = ReviewDraft.objects.create(
        file_name=file_name,
        sha256=digest,
        document_format=file_name.rsplit(".", 1)[-1].lower()[:10] if "." in file_name else "",
        plan=interchange.plan_to_dict(parsed.strategy),
        flags=[{"measure": f.measure, "field": f.field, "reason": f.reason} for f in parsed.flags],
        source_lines={number: list(span) for number, span in parsed.source_lines.items()},
        source_text=source_text,
        unknown_acronyms=list(parsed.unknown_acronyms),
        uploaded_by=actor.person,
        via=via,
    )
    audit_record(
        actor=actor,
        action="draft.ingest",
        obj=draft,
        after={"file_name": file_name, "sha256": digest, "via": via, "status": draft.status},
    )
    return IngestOutcome(parsed=parsed, draft=draft, already_loaded=None)


def draft_correct(
    *,
    draft: ReviewDraft,
    edits: dict[str, str],
    edit_version: int,
    actor: Actor | None = None,
) -> ReviewDraft:
    """Apply a reviewer's corrections; refused when someone else saved in between."""
    with transaction.atomic():
        current = _locked(draft, edit_version)
        current.plan, _strategy = apply_edits(current.plan, edits)
        current.edit_version += 1
        current.save(update_fields=["plan", "edit_version"])
        audit_record(
            actor=actor or Actor.unattended(),
            action="draft.correct",
            obj=current,
            before={"edit_version": edit_version},
            after={"edit_version": current.edit_version, "edits": dict(sorted(edits.items()))},
        )
    return current


def draft_accept(
    *, draft: ReviewDraft, edit_version: int, actor: Actor | None = None
) -> ImportOutcome:
    """Make the reviewed plan a plan version (a new one when the strategy exists).

    Recorded as ``draft.accept`` (the draft's state before and after, the version it
    became), beside the import's own ``plan.import`` entry.
    """
    actor = actor or Actor.unattended("ingest")
    with transaction.atomic():
        current = _locked(draft, edit_version)
        outcome = plan_import(
            plan=interchange.plan_from_dict(current.plan), actor=actor, via="ingest"
        )
        before = {"status": current.status, "edit_version": current.edit_version}
        current.status = ReviewDraft.Status.ACCEPTED
        current.accepted_version = outcome.version
        current.decided_by = actor.person
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "accepted_version", "decided_by", "decided_at"])
        audit_record(
            actor=actor,
            action="draft.accept",
            obj=current,
            before=before,
            after={
                "status": current.status,
                "strategy": outcome.strategy.code,
                "version": outcome.version.number,
                "unchanged": outcome.unchanged,
            },
        )
    return outcome


def draft_discard(*, draft: ReviewDraft, actor: Actor) -> None:
    with transaction.atomic():
        current = ReviewDraft.objects.select_for_update().get(pk=draft.pk)
        _ensure_open(current)
        before = {"status": current.status}
        current.status = ReviewDraft.Status.DISCARDED
        current.decided_by = actor.person
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "decided_by", "decided_at"])
        audit_record(
            actor=actor,
            action="draft.discard",
            obj=current,
            before=before,
            after={"status": current.status},
        )


def _locked(draft: ReviewDraft, edit_version: int) -> ReviewDraft:
    """The draft, locked for this transaction, as the reviewer last saw it."""
    current = ReviewDraft.objects.select_for_update().get(pk=draft.pk)
    _ensure_open(current)
    if current.edit_version != edit_version:
        raise DraftConflict(
            _("Someone else saved corrections to this document meanwhile; reload to see them.")
        )
    return current


def _ensure_open(draft: ReviewDraft) -> None:
    if draft.status != ReviewDraft.Status.PENDING:
        raise DraftClosed(
            _("This document was already %(status)s.")
            % {"status": draft.get_status_display().lower()}
        )
