"""``hedef index``: composite indices computed from a definition and a data table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from hedef.cli.common import _fail, console

index_app = typer.Typer(help="Composite indices (OECD/JRC method).", no_args_is_help=True)


@index_app.command("compute")
def index_compute(
    index_file: Annotated[Path, typer.Argument(help="Index definition (YAML).")],
    data_file: Annotated[Path, typer.Argument(help="Data table (CSV) read through the mapping.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    columns: Annotated[
        Path | None, typer.Option(help="Column mapping (YAML) instead of the definition's own.")
    ] = None,
    edition: Annotated[
        str | None, typer.Option(help="Edition to keep when the table holds several.")
    ] = None,
    draws: Annotated[int | None, typer.Option(help="Monte Carlo draws (0: none).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed of the draws.")] = None,
) -> None:
    """Compute a composite index: each unit's score, rank, group and rank interval."""
    import dataclasses
    import json

    from hedef.domain.evaluation.composite import (
        compute_index,
        load_column_mapping,
        load_index_definition,
        read_table,
        result_to_json,
    )
    from hedef.domain.evaluation.errors import EvaluationError

    try:
        definition = load_index_definition(index_file)
        if columns is not None:
            definition = dataclasses.replace(definition, columns=load_column_mapping(columns))
        if definition.columns is None:
            raise _fail(f"{index_file}: names no column mapping; pass --columns FILE", 2)
        table = read_table(data_file, definition.columns, edition=edition)
        result = result_to_json(compute_index(definition, table, draws=draws, seed=seed))
    except (EvaluationError, OSError) as error:
        raise _fail(str(error)) from None
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    table_out = Table(title=f"{result['title']} {result.get('edition') or ''}".strip())
    for column in ("rank", "unit", "score", "group", "rank 5–95 %"):
        table_out.add_column(column)
    for row in result["rows"]:
        interval = row.get("rank_interval") or {}
        table_out.add_row(
            str(row["rank"]),
            str(row["unit"]),
            f"{row['score']:.4f}" if row["score"] is not None else "—",
            str(row.get("group") or ""),
            f"{interval.get('p5', '')}–{interval.get('p95', '')}" if interval else "",
        )
    console.print(table_out)
