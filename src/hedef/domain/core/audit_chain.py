"""A keyed hash chain over audit entries: editing, deleting or reordering one shows.

Each entry's hash is HMAC-SHA256, under a key kept outside the database, of the
previous entry's hash and the canonical JSON of the entry (keys sorted, no
insignificant space, UTF-8). Changing an entry's content breaks its own hash;
removing or moving an entry breaks the link of the entry that follows it; and
without the key nobody can recompute the hashes after an edit. The head record
carries a keyed seal, so that cutting off the tail and pointing the head at an
earlier entry shows too. Hashes recorded elsewhere (a published cycle keeps the
head at that moment, the witness keeps every head it was sent) anchor the chain
against someone who deletes the whole log or holds the key.

Entries written before the chain was keyed carry plain SHA-256 hashes; a log keeps
them "legacy" up to a boundary recorded in its sealed head, and since the first
keyed entry covers the last legacy hash, they cannot be rewritten unnoticed either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hedef.domain.core.i18n import gettext as _

__all__ = [
    "GENESIS",
    "ChainEntry",
    "ChainHead",
    "ChainProblem",
    "ProblemKind",
    "canonical_json",
    "entry_hash",
    "head_seal",
    "verify_chain",
    "verify_head",
]

GENESIS = "0" * 64  # the "previous hash" of the first entry


def canonical_json(payload: Mapping[str, Any]) -> str:
    """The one text form of ``payload`` that is hashed: sorted keys, compact, UTF-8.

    Raises:
        ValueError: ``payload`` holds a value JSON cannot carry (NaN, infinity).
    """
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def entry_hash(prev_hash: str, payload: Mapping[str, Any], key: bytes | None) -> str:
    """The hash of an entry whose content is ``payload`` and that follows ``prev_hash``.

    ``key`` is the chain's HMAC key; ``None`` gives the plain SHA-256 of the entries
    written before the chain was keyed.
    """
    text = f"{prev_hash}\n{canonical_json(payload)}".encode()
    if key is None:
        return hashlib.sha256(text).hexdigest()
    return hmac.new(key, text, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainHead:
    """The head record: the last entry, the last legacy (unkeyed) entry and the seal."""

    last_id: int | None
    last_hash: str
    legacy_through: int | None
    seal: str


def head_seal(key: bytes, last_id: int | None, last_hash: str, legacy_through: int | None) -> str:
    """The keyed seal over a head record's content; only the key holder can make one."""
    text = f"hedef.audit-head\n{last_id}\n{last_hash}\n{legacy_through}".encode()
    return hmac.new(key, text, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    """An entry as stored: its id (its place in the log), content and the two hashes."""

    id: int
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str


class ProblemKind(StrEnum):
    EDITED = "edited"
    MISSING = "missing"
    REORDERED = "reordered"
    ANCHOR = "anchor"
    HEAD = "head"
    WITNESS = "witness"


@dataclass(frozen=True)
class ChainProblem:
    """Something wrong at one place in the log; ``entry_ids`` are the entries to look at."""

    kind: ProblemKind
    entry_ids: tuple[int, ...]
    message: str


def verify_chain(
    entries: Iterable[ChainEntry],
    anchors: Mapping[int, str] | None = None,
    *,
    key: bytes,
    legacy_through: int | None = None,
) -> list[ChainProblem]:
    """Find every edited, missing or reordered entry in a log read in id order.

    Args:
        entries: the log in ascending id order.
        anchors: entry id -> hash recorded outside the log (a published cycle's head).
        key: the chain's HMAC key.
        legacy_through: the last entry written before the chain was keyed, if any;
            it and the entries before it are checked by plain SHA-256.

    Returns:
        The problems in log order; an empty list means the log is intact.
    """
    log = list(entries)
    owner = {entry.hash: entry.id for entry in log}
    problems: list[ChainProblem] = []
    previous: ChainEntry | None = None
    for entry in log:
        legacy = legacy_through is not None and entry.id <= legacy_through
        if entry_hash(entry.prev_hash, entry.payload, None if legacy else key) != entry.hash:
            problems.append(
                ChainProblem(
                    ProblemKind.EDITED,
                    (entry.id,),
                    _("Entry %(id)s was changed after it was written.") % {"id": entry.id},
                )
            )
        if entry.prev_hash != (previous.hash if previous else GENESIS):
            reported = {
                i for p in problems if p.kind is not ProblemKind.EDITED for i in p.entry_ids
            }
            problem = _link_problem(entry, previous, owner, reported)
            if problem is not None:
                problems.append(problem)
        previous = entry
    by_id = {entry.id: entry for entry in log}
    for entry_id, expected in sorted((anchors or {}).items()):
        anchored = by_id.get(entry_id)
        if anchored is None or anchored.hash != expected:
            problems.append(
                ChainProblem(
                    ProblemKind.ANCHOR,
                    (entry_id,),
                    _(
                        "Entry %(id)s, whose hash a published cycle recorded, is missing "
                        "or different."
                    )
                    % {"id": entry_id},
                )
            )
    return problems


def _link_problem(
    entry: ChainEntry,
    previous: ChainEntry | None,
    owner: Mapping[str, int],
    reported: set[int],
) -> ChainProblem | None:
    """Say why ``entry`` does not follow ``previous``, the entry before it in id order."""
    predecessor = owner.get(entry.prev_hash)
    if predecessor is None:
        return ChainProblem(
            ProblemKind.MISSING,
            (entry.id,),
            _("The entry before entry %(id)s was deleted or rewritten.") % {"id": entry.id},
        )
    if predecessor > entry.id:
        return ChainProblem(
            ProblemKind.REORDERED,
            (entry.id, predecessor),
            _("Entry %(id)s was moved: it comes before entry %(other)s, which it follows.")
            % {"id": entry.id, "other": predecessor},
        )
    # ``entry`` follows an earlier entry than ``previous``: ``previous`` does not belong
    # here (moved or inserted), unless a broken link already named one of the two.
    if previous is None or {previous.id, entry.id} & reported:
        return None
    return ChainProblem(
        ProblemKind.REORDERED,
        (previous.id,),
        _("Entry %(id)s does not belong where it is: entry %(next)s follows entry %(other)s.")
        % {"id": previous.id, "next": entry.id, "other": predecessor},
    )


def verify_head(
    head: ChainHead | None, last: ChainEntry | None, *, key: bytes
) -> list[ChainProblem]:
    """Check the head record against its seal and against the log's last entry.

    A missing head while entries exist, a seal that does not match (the head was
    rewritten, e.g. after cutting off the tail) and entries appended after the
    head all show; an entry the head names but the log lacks is an anchor problem
    that :func:`verify_chain` reports.
    """
    if head is None:
        if last is None:
            return []
        return [
            ChainProblem(
                ProblemKind.HEAD,
                (last.id,),
                _("The record of the chain's head is missing, though the log has entries."),
            )
        ]
    problems: list[ChainProblem] = []
    named = (head.last_id,) if head.last_id is not None else ()
    expected = head_seal(key, head.last_id, head.last_hash, head.legacy_through)
    if not hmac.compare_digest(expected, head.seal):
        problems.append(
            ChainProblem(
                ProblemKind.HEAD,
                named,
                _(
                    "The record of the chain's head was rewritten: its seal does not match "
                    "(the log may have been cut short, or the key is not the one it was "
                    "written with)."
                ),
            )
        )
    if last is not None and head.last_id is not None and last.id > head.last_id:
        problems.append(
            ChainProblem(
                ProblemKind.HEAD,
                (last.id,),
                _("Entries after entry %(id)s were added outside the application.")
                % {"id": head.last_id},
            )
        )
    return problems
