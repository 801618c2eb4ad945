"""``hedef dq``: data-quality audits of registry extracts, run on DuckDB or Spark."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hedef.cli.common import _fail, _working, console, err

dq_app = typer.Typer(help="Data-quality audits of state registries.", no_args_is_help=True)


@dq_app.command("run")
def dq_run(
    checks: Annotated[Path, typer.Argument(help="Check set (YAML).")],
    data: Annotated[
        Path | None, typer.Option(help="Folder of the extracts (default: the check set's).")
    ] = None,
    engine: Annotated[str, typer.Option(help="duckdb (default) or spark.")] = "duckdb",
    master: Annotated[str, typer.Option(help="Spark master URL (local[N], yarn, k8s://…).")] = (
        "local[2]"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Run every check of CHECKS on the data; a summary table (or JSON) at the end."""
    from hedef.domain.dataquality.checks import load_check_set
    from hedef.domain.dataquality.engines import (
        ENGINES,
        DuckDBEngine,
        SparkEngine,
        run_audit,
        spark_session,
    )
    from hedef.domain.dataquality.errors import DataQualityError

    if engine not in ENGINES:
        raise _fail(f"--engine {engine!r} is not one of {', '.join(ENGINES)}", 2)
    try:
        check_set = load_check_set(checks)
        folder = data if data is not None else checks.parent
        if not folder.is_dir():
            raise _fail(f"--data {folder}: no such folder", 2)
        runner: DuckDBEngine | SparkEngine
        if engine == "spark":
            with _working(f"Starting Spark on {master}"):
                runner = SparkEngine(
                    check_set, folder, master=master, session=spark_session(master)
                )
        else:
            runner = DuckDBEngine(check_set, folder)
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("checking sources", total=None)

            def report(description: str, done: int, total: int) -> None:
                progress.update(task, description=description, completed=done, total=total)

            try:
                result = run_audit(check_set, runner, progress=report)
            finally:
                runner.close()
    except DataQualityError as error:
        raise _fail(str(error)) from None
    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(
        title=f"{check_set.registry or checks.name} v{check_set.version} "
        f"({result.engine}, {result.seconds:.2f} s)"
    )
    for column in ("check", "dataset", "dimension", "failed", "total", "ratio", "result"):
        table.add_column(column)
    for check in result.checks:
        table.add_row(
            check.name,
            check.dataset,
            check.dimension,
            str(check.failed),
            str(check.total),
            f"{check.ratio:.4%}",
            "pass" if check.passed else f"FAIL ({check.severity})",
        )
    console.print(table)


@dq_app.command("sql")
def dq_sql(
    checks: Annotated[Path, typer.Argument(help="Check set (YAML).")],
    dialect: Annotated[str, typer.Option(help="duckdb, spark, trino or postgres.")] = "duckdb",
) -> None:
    """Print the compiled SQL of CHECKS in DIALECT."""
    from hedef.domain.dataquality.checks import load_check_set
    from hedef.domain.dataquality.compiler import DIALECTS, compile_check_set
    from hedef.domain.dataquality.errors import DataQualityError

    if dialect not in DIALECTS:
        raise _fail(f"--dialect {dialect!r} is not one of {', '.join(DIALECTS)}", 2)
    try:
        sys.stdout.write(compile_check_set(load_check_set(checks)).sql(dialect))
    except DataQualityError as error:
        raise _fail(str(error)) from None


@dq_app.command("generate")
def dq_generate(
    rows: Annotated[int, typer.Option(help="Population rows (vehicles: 30 % of them).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write into.")],
    seed: Annotated[int, typer.Option(help="Seed: the same seed writes the same data.")] = 1,
    fmt: Annotated[str, typer.Option("--format", help="parquet (default) or csv.")] = "parquet",
) -> None:
    """Write synthetic registries with planted errors, checks.yaml and planted.json."""
    from hedef.domain.dataquality.errors import DataQualityError
    from hedef.domain.dataquality.generator import generate_registries

    if output.exists() and not output.is_dir():
        raise _fail(f"-o {output}: is a file; give a folder", 2)
    try:
        with _working(f"Generating {rows:,} population rows"):
            generated = generate_registries(output, rows=rows, seed=seed, fmt=fmt)
    except DataQualityError as error:
        raise _fail(str(error), 2) from None
    console.print(
        f"{generated.population_rows:,} people, {generated.vehicle_rows:,} vehicles "
        f"written to {output} (checks.yaml, planted.json beside them)"
    )
