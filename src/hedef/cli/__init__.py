"""The ``hedef`` command: every operator task, one subcommand each.

Each command lives in the module named for what it does; they are all registered
here, on one app and in the order ``hedef --help`` lists them. The command names,
options and exit codes are a contract (``hedef.cli:main`` is the installed entry
point, and operators' scripts call the commands).
"""

from __future__ import annotations

import typer

from hedef.cli import (
    agencies,
    audit,
    backup,
    dataquality,
    demo,
    indices,
    ingest,
    manage,
    opendata,
    plans,
    reminders,
    reports,
)

__all__ = ["app", "main"]

app = typer.Typer(
    name="hedef",
    help="Hədəf: monitoring and evaluation of national digital-development strategies.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

app.command()(demo.demo)
app.command("export")(plans.export_plan)
app.command("import")(plans.import_plan)
app.command("report")(reports.report)
app.command()(ingest.ingest)
app.command()(reminders.remind)
app.command("manage", context_settings=manage.CONTEXT)(manage.manage)
app.command()(demo.serve)
app.add_typer(indices.index_app, name="index")
app.add_typer(agencies.agencies_app, name="agencies")
app.add_typer(audit.audit_app, name="audit")
app.add_typer(opendata.opendata_app, name="opendata")
app.add_typer(dataquality.dq_app, name="dq")
app.command("backup")(backup.backup)
app.command("restore")(backup.restore)


def main() -> None:
    """Run the ``hedef`` command (the installed entry point)."""
    app()
