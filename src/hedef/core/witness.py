"""Sending the audit chain's head to the witness: an append-only file and an e-mail.

The witness is whatever the database cannot rewrite: a file on another volume or
host (made append-only with ``chattr +a``, or on write-once storage) named by
``HEDEF_AUDIT_WITNESS_FILE``, and a mailbox named by ``HEDEF_AUDIT_WITNESS_EMAIL``.
"""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from hedef.core.audit import audit_head
from hedef.domain.core.audit_witness import WitnessMark, witness_line

log = logging.getLogger(__name__)


def witness_configured() -> bool:
    return bool(settings.HEDEF_AUDIT_WITNESS_FILE or settings.HEDEF_AUDIT_WITNESS_EMAIL)


def witness_mark(entry_id: int, entry_hash: str, *, cycle: str | None = None) -> WitnessMark:
    """A mark for entry ``entry_id`` stamped with the current time (UTC, milliseconds)."""
    now = datetime.datetime.now(datetime.UTC)
    return WitnessMark(
        at=now.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        entry=entry_id,
        hash=entry_hash,
        cycle=cycle,
    )


def witness_send(mark: WitnessMark) -> None:
    """Append ``mark`` to the witness file (synced to disk) and e-mail it, as configured."""
    line = witness_line(mark)
    path = settings.HEDEF_AUDIT_WITNESS_FILE
    if path:
        descriptor = os.open(Path(path), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(descriptor, (line + "\n").encode("utf-8"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    address = settings.HEDEF_AUDIT_WITNESS_EMAIL
    if address:
        what = f"cycle {mark.cycle}" if mark.cycle else "checkpoint"
        send_mail(
            subject=f"Hədəf audit head: entry {mark.entry} ({what})",
            message=(
                "The head of the Hədəf audit chain. Keep this message: "
                "`hedef audit verify --witness FILE` checks a file of such lines.\n\n"
                f"{line}\n"
            ),
            from_email=None,
            recipient_list=[address],
        )


def witness_on_commit(entry_id: int, entry_hash: str, *, cycle: str | None = None) -> None:
    """Send the mark once the transaction writing ``entry_id`` commits, never before.

    A head sent before a rollback would name an entry that never existed. A witness
    that cannot be written is logged as an error; ``hedef audit checkpoint`` sends
    the head again.
    """
    if not witness_configured():
        return

    def send() -> None:
        witness_send(witness_mark(entry_id, entry_hash, cycle=cycle))

    transaction.on_commit(send, robust=True)


def witness_checkpoint() -> WitnessMark | None:
    """Send the chain's current head to the witness; ``None`` for an empty log."""
    head_id, head_hash = audit_head()
    if head_id is None:
        return None
    mark = witness_mark(head_id, head_hash)
    witness_send(mark)
    return mark
