"""``hedef audit``: checks of the tamper-evident audit log."""

from __future__ import annotations

import typer

from hedef.cli.common import _django, _fail, console, err

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit hash chain; exit 1 naming every edited, deleted or moved entry."""
    _django()
    from hedef.core.audit import audit_verify as verify

    result = verify()
    if result.intact:
        console.print(f"audit log intact: {result.entries} entries", highlight=False)
        return
    for problem in result.problems:
        ids = ", ".join(str(i) for i in problem.entry_ids)
        err.print(f"{problem.kind.value} [{ids}]: {problem.message}", highlight=False)
    ids = sorted({i for p in result.problems for i in p.entry_ids})
    raise _fail(f"audit log broken at entries {', '.join(map(str, ids))}")
