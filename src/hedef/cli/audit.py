"""``hedef audit``: checks of the tamper-evident audit log, and its witness."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hedef.cli.common import _django, _fail, console, err

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify(
    witness: Annotated[
        Path | None,
        typer.Option(
            "--witness",
            help="A witness file (a JSON head a line); every head in it must still be in the log.",
        ),
    ] = None,
) -> None:
    """Check the audit hash chain; exit 1 naming every edited, deleted or moved entry."""
    _django()
    from hedef.core.audit import audit_verify as verify
    from hedef.domain.core.audit_witness import WitnessUnreadable, parse_witness

    marks = []
    if witness is not None:
        try:
            text = witness.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise _fail(f"{witness}: cannot read the witness file ({error})") from None
        try:
            marks = parse_witness(text, source=str(witness))
        except WitnessUnreadable as error:
            raise _fail(error.message) from None
    result = verify(marks)
    if result.intact:
        notes = []
        if result.legacy:
            notes.append(f"{result.legacy} written before the chain was keyed")
        if witness is not None:
            notes.append(f"{result.witnessed} witnessed heads match")
        extra = f" ({'; '.join(notes)})" if notes else ""
        console.print(f"audit log intact: {result.entries} entries{extra}", highlight=False)
        return
    for problem in result.problems:
        ids = ", ".join(str(i) for i in problem.entry_ids)
        err.print(f"{problem.kind.value} [{ids}]: {problem.message}", highlight=False)
    ids = sorted({i for p in result.problems for i in p.entry_ids})
    where = f" at entries {', '.join(map(str, ids))}" if ids else ""
    raise _fail(f"audit log broken{where}")


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Send the chain's current head to the witness (file, e-mail); run it from cron.

    A publication sends its head by itself; a checkpoint between publications makes
    the entries written since the last one count as witnessed too.
    """
    _django()
    from hedef.core.witness import witness_checkpoint, witness_configured

    if not witness_configured():
        raise _fail("no witness configured: set HEDEF_AUDIT_WITNESS_FILE or _EMAIL")
    try:
        mark = witness_checkpoint()
    except OSError as error:
        raise _fail(f"cannot write the witness: {error}") from None
    if mark is None:
        console.print("the audit log is empty: nothing to witness", highlight=False)
        return
    console.print(f"witnessed entry {mark.entry}: {mark.hash}", highlight=False)
