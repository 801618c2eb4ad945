"""A hash chain over audit entries: editing, deleting or reordering one shows.

Each entry's hash is SHA-256 over the previous entry's hash and the canonical JSON
of the entry (keys sorted, no insignificant space, UTF-8). Changing an entry's
content breaks its own hash; removing or moving an entry breaks the link of the
entry that follows it. Hashes recorded elsewhere (a published cycle keeps the head
of the chain at that moment) anchor the chain, so that cutting off its tail shows too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hedef.domain.core.i18n import gettext as _

__all__ = [
    "GENESIS",
    "ChainEntry",
    "ChainProblem",
    "ProblemKind",
    "canonical_json",
    "entry_hash",
    "verify_chain",
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


def entry_hash(prev_hash: str, payload: Mapping[str, Any]) -> str:
    """The hash of an entry whose content is ``payload`` and that follows ``prev_hash``."""
    text = f"{prev_hash}\n{canonical_json(payload)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


@dataclass(frozen=True)
class ChainProblem:
    """Something wrong at one place in the log; ``entry_ids`` are the entries to look at."""

    kind: ProblemKind
    entry_ids: tuple[int, ...]
    message: str


def verify_chain(
    entries: Iterable[ChainEntry], anchors: Mapping[int, str] | None = None
) -> list[ChainProblem]:
    """Find every edited, missing or reordered entry in a log read in id order.

    Args:
        entries: the log in ascending id order.
        anchors: entry id -> hash recorded outside the log (a published cycle's head).

    Returns:
        The problems in log order; an empty list means the log is intact.
    """
    log = list(entries)
    owner = {entry.hash: entry.id for entry in log}
    problems: list[ChainProblem] = []
    previous: ChainEntry | None = None
    for entry in log:
        if entry_hash(entry.prev_hash, entry.payload) != entry.hash:
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
