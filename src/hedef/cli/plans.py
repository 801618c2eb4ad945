"""``hedef export`` and ``hedef import``: strategies in and out as plan files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hedef.cli.common import _django, _fail, console, err


def export_plan(
    strategy: Annotated[str, typer.Argument(help="Strategy code, e.g. digital-economy-2026-2029.")],
    fmt: Annotated[str, typer.Option("--format", help="json or xlsx.")] = "json",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path("-"),
    version: Annotated[int | None, typer.Option(help="Version number; current by default.")] = None,
) -> None:
    """Export a strategy in the interchange format (JSON or Excel)."""
    _django()
    from hedef.domain.plans.files import FORMATS, write_plan_file
    from hedef.plans.models import PlanVersion, Strategy
    from hedef.plans.selectors import strategy_version, version_to_plan

    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    try:
        record = Strategy.objects.get(code=strategy, current_version__isnull=False)
        plan = version_to_plan(strategy_version(record, version))
    except Strategy.DoesNotExist:
        known = ", ".join(Strategy.objects.values_list("code", flat=True)) or "none loaded"
        raise _fail(f"no strategy {strategy!r} (known: {known})") from None
    except PlanVersion.DoesNotExist:
        raise _fail(f"strategy {strategy!r} has no version {version}") from None
    content = write_plan_file(plan, fmt)
    if str(output) == "-":
        if fmt == "xlsx":
            raise _fail("an Excel workbook needs -o FILE", 2)
        sys.stdout.write(content.decode("utf-8"))
        return
    output.write_bytes(content)
    err.print(f"wrote {output} ({len(content):,} bytes)", highlight=False)


def import_plan(
    file: Annotated[Path, typer.Argument(help="A plan file: interchange JSON or Excel workbook.")],
) -> None:
    """Load a plan file; the same content changes nothing, new content becomes a new version."""
    _django()
    from hedef.domain.plans.files import PlanFileError, read_plan_file
    from hedef.plans.services import plan_import

    if not file.is_file():
        raise _fail(f"{file}: no such file")
    try:
        plan = read_plan_file(file.read_bytes(), file.name)
    except PlanFileError as error:
        raise _fail(str(error)) from None
    outcome = plan_import(plan=plan, via="cli")
    console.print(outcome.message, highlight=False)
