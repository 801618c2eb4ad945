"""``hedef opendata``: the open-data files of a published cycle, as the portal serves them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hedef.cli.common import _django, _fail, console

opendata_app = typer.Typer(help="Open data of the published cycles.", no_args_is_help=True)


@opendata_app.command("export")
def opendata_export(
    cycle: Annotated[
        str,
        typer.Argument(
            help="The published cycle's key, as in the portal's /open-data/<key>/ addresses "
            "(or 'latest')."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory to write the files into.")
    ],
) -> None:
    """Write every open-data file of a published cycle into a directory, byte for byte."""
    _django()
    from hedef.publishing.models import Snapshot
    from hedef.publishing.open_data import export_snapshot

    if cycle == "latest":
        snapshot = Snapshot.objects.filter(is_current=True).first()
    else:
        snapshot = Snapshot.objects.filter(key=cycle).first()
    if snapshot is None:
        known = ", ".join(Snapshot.objects.values_list("key", flat=True)) or "none"
        raise _fail(f"no published cycle {cycle!r} (published: {known})")
    try:
        written = export_snapshot(snapshot, output)
    except OSError as error:
        raise _fail(f"{output}: cannot write the files ({error})") from None
    total = sum(path.stat().st_size for path in written)
    console.print(f"{len(written)} files of “{snapshot.label}” ({total:,} bytes) in {output}")
