"""``hedef agencies``: the agency registry loaded from YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hedef.cli.common import _django, console

agencies_app = typer.Typer(help="The agency registry.", no_args_is_help=True)


@agencies_app.command("load")
def agencies_load(
    file: Annotated[
        Path | None, typer.Argument(help="Registry YAML; the shipped registry by default.")
    ] = None,
) -> None:
    """Create or update registry agencies from a YAML file."""
    _django()
    from hedef.agencies.services import agency_registry_load

    result = agency_registry_load(path=file)
    console.print(f"agencies: {result.created} created, {result.updated} updated")
