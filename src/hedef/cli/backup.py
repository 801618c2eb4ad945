"""``hedef backup`` and ``hedef restore``: the database and media files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hedef.cli.common import _django, _fail, _unwritable, _working, console, err


def backup(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="The archive to write (.tar.gz).", show_default=False),
    ],
) -> None:
    """Write a consistent copy of the database and the media files, with a manifest."""
    if problem := _unwritable(output):
        raise _fail(problem)
    _django()
    from hedef.core.backup import BackupError
    from hedef.core.backup import backup as make_backup

    try:
        with _working("backing up"):
            summary = make_backup(output)
    except (BackupError, OSError) as error:
        raise _fail(str(error)) from None
    head = summary.audit_head
    console.print(
        f"wrote {summary.path}: {summary.vendor} database, {summary.media_files} media files, "
        f"audit head entry {head['entry']} {head['hash']}",
        highlight=False,
    )


def restore(
    archive: Annotated[Path, typer.Argument(help="A backup written by `hedef backup`.")],
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace a database and media folder that are not empty."),
    ] = False,
) -> None:
    """Restore a backup into an empty database and data directory (else --force)."""
    _django()
    from hedef.core.backup import BackupError
    from hedef.core.backup import restore as run_restore

    try:
        with _working("restoring"):
            summary = run_restore(archive, force=force)
    except (BackupError, OSError) as error:
        raise _fail(str(error)) from None
    head = summary.audit_head
    console.print(
        f"restored {summary.vendor} database and {summary.media_files} media files"
        f"{' (then migrated)' if summary.migrated else ''}; audit head entry "
        f"{head.get('entry')} {head.get('hash')}",
        highlight=False,
    )
    if not summary.key_matches:
        err.print(
            "warning: HEDEF_AUDIT_KEY is not the key this backup's audit chain was written "
            "with; `hedef audit verify` will report every entry until the right key is set.",
            highlight=False,
        )
