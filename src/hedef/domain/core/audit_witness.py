"""The witness: heads of the audit chain kept where the database cannot reach them.

Each time a cycle is published (and each time ``hedef audit checkpoint`` runs) the
chain's head is written as one line of JSON to an append-only file and, when
configured, e-mailed. ``hedef audit verify --witness FILE`` then checks that every
witnessed entry is still in the log with the same hash: a log deleted whole,
cut short or rewritten with the key shows, however consistent the database is.

A line: ``{"at": "2026-07-01T09:00:00.000Z", "cycle": "2026-i-yarimil",
"entry": 412, "hash": "<64 hex digits>"}``; ``cycle`` is ``null`` for a checkpoint.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hedef.domain.core.audit_chain import ChainProblem, ProblemKind
from hedef.domain.core.errors import DomainError
from hedef.domain.core.i18n import gettext as _

__all__ = ["WitnessMark", "WitnessUnreadable", "check_witness", "parse_witness", "witness_line"]

_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class WitnessMark:
    """One witnessed head: entry ``entry`` had hash ``hash`` at ``at``."""

    at: str
    entry: int
    hash: str
    cycle: str | None = None


class WitnessUnreadable(DomainError):
    """A witness file line that is not a witnessed head."""


def witness_line(mark: WitnessMark) -> str:
    """The line (without its newline) that records ``mark``."""
    return json.dumps(
        {"at": mark.at, "cycle": mark.cycle, "entry": mark.entry, "hash": mark.hash},
        sort_keys=True,
        ensure_ascii=False,
    )


def parse_witness(text: str, *, source: str) -> list[WitnessMark]:
    """Every head in a witness file's ``text``; blank lines are skipped.

    Raises:
        WitnessUnreadable: a line is not JSON or lacks a valid ``entry`` or ``hash``;
            the message names ``source`` and the line.
    """
    marks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            record = None
        entry = record.get("entry") if isinstance(record, dict) else None
        digest = record.get("hash") if isinstance(record, dict) else None
        if (
            not isinstance(record, dict)
            or not isinstance(entry, int)
            or isinstance(entry, bool)
            or not isinstance(digest, str)
            or not _HEX64.fullmatch(digest)
        ):
            raise WitnessUnreadable(
                "witness_unreadable",
                _(
                    "%(source)s, line %(line)s: not a witnessed head (a JSON object with "
                    "an integer “entry” and a 64-digit hex “hash” is expected)."
                ),
                {"source": source, "line": number},
            )
        cycle = record.get("cycle")
        marks.append(
            WitnessMark(
                at=str(record.get("at", "")),
                entry=entry,
                hash=digest,
                cycle=cycle if isinstance(cycle, str) else None,
            )
        )
    return marks


def check_witness(hashes: Mapping[int, str], marks: Iterable[WitnessMark]) -> list[ChainProblem]:
    """A problem for every witnessed head the log (entry id -> hash) lacks or changed."""
    problems = []
    for mark in marks:
        found = hashes.get(mark.entry)
        if found == mark.hash:
            continue
        params = {"id": mark.entry, "at": mark.at or "?"}
        if found is None:
            message = _("Entry %(id)s, witnessed at %(at)s, is missing from the log.") % params
        else:
            message = (
                _("Entry %(id)s, witnessed at %(at)s, no longer has the hash the witness kept.")
                % params
            )
        problems.append(ChainProblem(ProblemKind.WITNESS, (mark.entry,), message))
    return problems
