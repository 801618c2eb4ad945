"""Writes of publishing: switch the portal to a new snapshot, take and moderate feedback."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.publishing.models import Feedback, Snapshot

# Anti-spam without third-party services (see the feedback form).
FEEDBACK_MIN_FILL_SECONDS = 3
FEEDBACK_MAX_FORM_AGE = timedelta(hours=12)
FEEDBACK_PER_SENDER_PER_HOUR = 5
FEEDBACK_SIGNING_SALT = "hedef.feedback.form"


class FeedbackRefused(Exception):
    """A feedback submission held off as spam; ``code`` says which rule caught it."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def snapshot_publish(
    *, key: str, label: str, data: dict[str, Any], audit_head: str, user: Any
) -> Snapshot:
    """Store a snapshot and make it the portal's, in one step: readers see the old or the new."""
    with transaction.atomic():
        Snapshot.objects.select_for_update().filter(is_current=True).update(is_current=False)
        return Snapshot.objects.create(
            key=key,
            label=label,
            published_at=timezone.now(),
            published_by=user if getattr(user, "pk", None) else None,
            data=data,
            audit_head=audit_head,
            is_current=True,
        )


def feedback_form_token() -> str:
    """A signed timestamp put into the form when it is shown."""
    return signing.dumps(timezone.now().timestamp(), salt=FEEDBACK_SIGNING_SALT)


def sender_hash(address: str) -> str:
    """The sender's address, hashed with the site key: enough to rate-limit, nothing to show."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def feedback_submit(
    *,
    subject: str,
    strategy_code: str,
    number: str,
    text: str,
    name: str = "",
    email: str = "",
    sender: str,
    form_token: str,
    honeypot: str = "",
) -> Feedback:
    """Keep a visitor's comment for moderation, unless a spam rule holds it off."""
    if honeypot.strip():
        raise FeedbackRefused(_("The comment could not be accepted."), "honeypot")
    try:
        shown_at = signing.loads(
            form_token,
            salt=FEEDBACK_SIGNING_SALT,
            max_age=FEEDBACK_MAX_FORM_AGE.total_seconds(),
        )
    except signing.BadSignature as error:
        raise FeedbackRefused(
            _("The form has expired; reload the page and write again."), "form_expired"
        ) from error
    if timezone.now().timestamp() - float(shown_at) < FEEDBACK_MIN_FILL_SECONDS:
        raise FeedbackRefused(_("The comment was sent too quickly; please try again."), "too_fast")
    sender_key = sender_hash(sender)
    with transaction.atomic():
        recent = Feedback.objects.filter(
            sender_hash=sender_key, created_at__gte=timezone.now() - timedelta(hours=1)
        ).count()
        if recent >= FEEDBACK_PER_SENDER_PER_HOUR:
            raise FeedbackRefused(
                _("You have sent several comments in the last hour; please wait a little."),
                "rate_limited",
            )
        return Feedback.objects.create(
            subject=subject,
            strategy_code=strategy_code,
            number=number,
            text=text.strip(),
            name=name.strip(),
            email=email.strip(),
            sender_hash=sender_key,
        )


def feedback_moderate(
    *, feedback: Feedback, actor: Actor, publish: bool, answer: str = ""
) -> Feedback:
    """Publish or reject a visitor's comment, with an optional public answer (audited)."""
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        before = {"status": feedback.status, "answer": feedback.answer}
        feedback.status = Feedback.Status.PUBLISHED if publish else Feedback.Status.REJECTED
        feedback.answer = answer.strip()
        feedback.moderated_by = actor.person
        feedback.moderated_at = timezone.now()
        feedback.save(update_fields=["status", "answer", "moderated_by", "moderated_at"])
        audit_record(
            actor=actor,
            action="feedback.moderate",
            obj=feedback,
            before=before,
            after={"status": feedback.status, "answer": feedback.answer},
        )
    return feedback
