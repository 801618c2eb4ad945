"""The ``hedef`` command: every operator task, one subcommand each."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(
    name="hedef",
    help="Hədəf: monitoring and evaluation of national digital-development strategies.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console()
err = Console(stderr=True)


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedef.settings.development")
    import django

    django.setup()


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
    serve: Annotated[bool, typer.Option(help="Start the web server after set-up.")] = True,
    reset_passwords: Annotated[
        bool, typer.Option(help="Give the demo accounts new passwords and print them.")
    ] = False,
) -> None:
    """Set up the demo (idempotent): database, sample plans, an account per role; then serve."""
    os.environ["HEDEF_DEMO"] = "1"
    _django()
    from django.conf import settings
    from django.core.management import call_command

    from hedef.demo import demo_setup

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    console.print(f"Database: {settings.DATABASES['default']['NAME']}", highlight=False)
    call_command("migrate", interactive=False, verbosity=0)
    report = demo_setup(reset_passwords=reset_passwords, progress=console)
    table = Table(title="Demo accounts (demo data only)")
    for column in ("user name", "role", "agency", "password"):
        table.add_column(column)
    for account in report.accounts:
        table.add_row(account.username, account.role, account.agency, account.password)
    console.print(table)
    if any(a.password.startswith("(") for a in report.accounts):
        console.print(
            "Passwords are printed only when an account is created; "
            "run `hedef demo --reset-passwords` for new ones.",
            highlight=False,
        )
    if not serve:
        return
    url = f"http://{host}:{port}/"
    console.print(f"\nHədəf demo is running at [bold]{url}[/]  (Ctrl+C stops it)", highlight=False)
    call_command("runserver", f"{host}:{port}", use_reloader=False, verbosity=0)


@app.command("export")
def export_plan(
    strategy: Annotated[str, typer.Argument(help="Strategy code, e.g. digital-economy-2026-2029.")],
    fmt: Annotated[str, typer.Option("--format", help="json or xlsx.")] = "json",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path("-"),
    version: Annotated[int | None, typer.Option(help="Version number; current by default.")] = None,
) -> None:
    """Export a strategy in the interchange format (JSON or Excel)."""
    _django()
    from hedef.domain.plan_files import FORMATS, write_plan_file
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


@app.command("import")
def import_plan(
    file: Annotated[Path, typer.Argument(help="A plan file: interchange JSON or Excel workbook.")],
) -> None:
    """Load a plan file; the same content changes nothing, new content becomes a new version."""
    _django()
    from hedef.domain.plan_files import PlanFileError, read_plan_file
    from hedef.plans.services import plan_import

    if not file.is_file():
        raise _fail(f"{file}: no such file")
    try:
        plan = read_plan_file(file.read_bytes(), file.name)
    except PlanFileError as error:
        raise _fail(str(error)) from None
    outcome = plan_import(plan=plan, via="cli")
    console.print(outcome.message, highlight=False)


@app.command("report")
def report(
    strategies: Annotated[
        list[str],
        typer.Argument(
            help="Strategy code; several codes, or `all` (every strategy of the cycle), "
            "make one consolidated report.",
            metavar="STRATEGY...",
            show_default=False,
        ),
    ],
    cycle: Annotated[
        str | None,
        typer.Option(
            help="Reporting cycle: its id, its label, or the label's slug (2026-i-yarimil).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="pdf, docx or html.")] = "pdf",
    lang: Annotated[str, typer.Option("--lang", help="Language of the report: az or en.")] = "az",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="File to write; default: hedef-STRATEGY-CYCLE-LANG.FORMAT here.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the monitoring report of one or more strategies for a reporting cycle.

    The figures are the strategy dashboard's as of the cycle's last day, so the
    report and the dashboard show the same numbers. Several strategies, or
    `all`, give one consolidated report.

    \b
    Examples:
      hedef report CODE --cycle 2026-i-yarimil -o report.pdf
      hedef report all --cycle 3 --format docx --lang en -o consolidated.docx
      hedef report CODE-A CODE-B --cycle "2026, I yarımil" --format html
    """
    import time

    _django()
    from hedef.domain.reports import ReportError
    from hedef.evaluation.report_files import (
        ReportRequestError,
        check_format,
        report_cycle,
        report_file,
        report_strategies,
    )
    from hedef.monitoring.models import ReportingCycle

    started = time.perf_counter()
    fmt, lang = fmt.lower(), lang.lower()
    try:
        check_format(fmt, lang)
        if output is not None and (problem := _unwritable(output)):
            raise _fail(problem)
        if cycle is None:
            known = [f"{c.pk}: {c.label}" for c in ReportingCycle.objects.order_by("-period_end")]
            raise _fail(f"--cycle is required (known: {'; '.join(known) or 'none opened'})")
        chosen = report_cycle(cycle)
        covered = report_strategies(strategies, cycle=chosen)
    except ReportRequestError as error:
        raise _fail(error.message) from None
    what = ", ".join(s.code for s in covered)
    with _working(f"evaluating and writing the {fmt.upper()} report: {what}, {chosen.label}"):
        try:
            result = report_file(strategies=covered, cycle=chosen, fmt=fmt, language=lang)
        except ReportError as error:
            raise _fail(str(error)) from None
    target = output if output is not None else Path(result.name)
    try:
        target.write_bytes(result.content)
    except OSError as error:
        raise _fail(f"{target}: {error.strerror or error}") from None
    elapsed = time.perf_counter() - started
    err.print(f"wrote {target} ({len(result.content):,} bytes, {elapsed:.1f} s)", highlight=False)


def _unwritable(path: Path) -> str | None:
    """Why a file cannot be written at ``path``, checked before long work; ``None`` if it can."""
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    if not folder.is_dir():
        return f"{path}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"{path}: not writable"
    return None


@contextmanager
def _working(description: str) -> Iterator[None]:
    """A spinner with the elapsed time on standard error while long work runs."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        progress.add_task(description, total=None)
        yield


def _summary(parsed, title: str) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("measures", str(len(parsed.strategy.measures)))
    table.add_row("headline indicators", str(len(parsed.strategy.indicators)))
    table.add_row("acronyms", str(len(parsed.strategy.agencies)))
    table.add_row("unknown acronyms", str(len(parsed.unknown_acronyms)))
    table.add_row("low-confidence fields", str(len(parsed.flags)))
    return table


@app.command()
def ingest(
    file: Annotated[Path, typer.Argument(help="Text, PDF, DOCX, or a plan file (JSON/XLSX/YAML).")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Read and report only; write nothing.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the plan in the gold shape (or the scores) as JSON."),
    ] = False,
    evaluate: Annotated[
        Path | None, typer.Option(help="Score the reading against a gold annotation file.")
    ] = None,
    accept: Annotated[
        bool, typer.Option("--accept", help="Accept without web review (operators' scripts).")
    ] = False,
) -> None:
    """Read a strategy document into a plan, for review on the web (or --accept directly)."""
    import json

    from hedef.domain.ingest.documents import read_document
    from hedef.domain.ingest.errors import IngestionError
    from hedef.domain.ingest.gold import to_gold
    from hedef.domain.ingest.scoring import format_scores, score

    if not file.is_file():
        raise _fail(f"{file}: no such file")
    data = file.read_bytes()
    if dry_run or evaluate is not None:
        with _working(f"reading {file.name}"):
            try:
                parsed = read_document(data, file.name)
            except IngestionError as error:
                raise _fail(str(error)) from None
        predicted = to_gold(parsed)
        if evaluate is not None:
            try:
                gold = json.loads(evaluate.read_text("utf-8"))
            except (OSError, ValueError) as error:
                raise _fail(f"{evaluate}: {error}") from None
            scores = score(predicted, gold)
            if as_json:
                sys.stdout.write(json.dumps(scores, ensure_ascii=False, indent=2) + "\n")
            else:
                console.print(format_scores(scores), highlight=False)
            return
        if as_json:
            sys.stdout.write(json.dumps(predicted, ensure_ascii=False, indent=2) + "\n")
            err.print(_summary(parsed, f"{file.name} (dry run)"))
        else:
            console.print(_summary(parsed, f"{file.name} (dry run, nothing written)"))
        return

    _django()
    from hedef.ingest.services import document_ingest, draft_accept

    with _working(f"reading {file.name}"):
        try:
            outcome = document_ingest(data=data, file_name=file.name, via="cli")
        except IngestionError as error:
            raise _fail(str(error)) from None
    if outcome.already_loaded is not None:
        console.print(outcome.message, highlight=False)
        return
    assert outcome.parsed is not None and outcome.draft is not None
    console.print(_summary(outcome.parsed, file.name))
    if accept:
        result = draft_accept(draft=outcome.draft, user=None, edit_version=1)
        console.print(result.message, highlight=False)
    else:
        console.print(
            f"{outcome.message}\nReview it at {outcome.draft.get_absolute_url()}", highlight=False
        )


index_app = typer.Typer(help="Composite indices (OECD/JRC method).", no_args_is_help=True)
app.add_typer(index_app, name="index")


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


agencies_app = typer.Typer(help="The agency registry.", no_args_is_help=True)
app.add_typer(agencies_app, name="agencies")


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


audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit hash chain; exit 1 naming every edited, deleted or moved entry."""
    _django()
    from hedef.monitoring.audit import audit_verify as verify

    result = verify()
    if result.intact:
        console.print(f"audit log intact: {result.entries} entries", highlight=False)
        return
    for problem in result.problems:
        ids = ", ".join(str(i) for i in problem.entry_ids)
        err.print(f"{problem.kind.value} [{ids}]: {problem.message}", highlight=False)
    ids = sorted({i for p in result.problems for i in p.entry_ids})
    raise _fail(f"audit log broken at entries {', '.join(map(str, ids))}")


@app.command()
def remind(
    days: Annotated[
        int, typer.Option(help="Remind agencies of cycles due within this many days.", min=0)
    ] = 7,
    dry_run: Annotated[bool, typer.Option(help="List the reminders without sending.")] = False,
    today: Annotated[
        str | None, typer.Option(help="Pretend today is this date (YYYY-MM-DD).")
    ] = None,
) -> None:
    """E-mail focal persons whose reports are due soon (run daily from cron)."""
    _django()
    import datetime

    from hedef.monitoring.reminders import reminder_send, reminders_due
    from hedef.monitoring.selectors import today as baku_today

    try:
        day = datetime.date.fromisoformat(today) if today else baku_today()
    except ValueError:
        raise _fail(f"--today must be a date like 2026-07-01, not {today!r}", 2) from None
    sent = 0
    for reminder in reminders_due(today=day, days=days):
        label = f"{reminder.cycle.label} · {reminder.agency.code}: {reminder.pending} pending"
        if reminder.already_sent:
            console.print(f"{label} — already reminded", highlight=False)
        elif not reminder.recipients:
            console.print(f"{label} — no focal person with an e-mail address", highlight=False)
        elif dry_run:
            console.print(
                f"{label} — would e-mail {', '.join(reminder.recipients)}", highlight=False
            )
        elif reminder_send(reminder, today=day, days=days):
            sent += 1
            console.print(f"{label} — e-mailed {', '.join(reminder.recipients)}", highlight=False)
    console.print(f"reminders sent: {sent}", highlight=False)


@app.command(
    "manage",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, createsuperuser, ...)."""
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hedef manage", *ctx.args])


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """Serve the web app on an existing database (no demo set-up)."""
    _django()
    from django.core.management import call_command

    console.print(f"Hədəf is running at http://{host}:{port}/", highlight=False)
    call_command("runserver", f"{host}:{port}", use_reloader=False, verbosity=0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
