"""``hedef demo`` and ``hedef serve``: the web app, with or without the demo set-up.

``hedef serve`` is the production server: gunicorn, on the production settings unless
``DJANGO_SETTINGS_MODULE`` says otherwise. ``hedef demo`` and ``hedef serve --dev`` use
Django's development server on the development settings instead: one process for one
person's browser, tracebacks on the page, and it runs where gunicorn does not (Windows).
"""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.table import Table

from hedef.cli.common import _django, _fail, console


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


def serve(
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
    bind: Annotated[
        str | None,
        typer.Option(
            envvar="HEDEF_BIND",
            help="Where gunicorn listens, HOST:PORT or unix:PATH (instead of --host and --port).",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            envvar="HEDEF_WORKERS", min=1, help="gunicorn worker processes [default: 2 × CPUs + 1]."
        ),
    ] = None,
    timeout: Annotated[
        int,
        typer.Option(
            envvar="HEDEF_TIMEOUT",
            min=1,
            help="Seconds a request may take before its worker is restarted.",
        ),
    ] = 120,
    dev: Annotated[
        bool,
        typer.Option(
            "--dev",
            help="Django's development server on the development settings, as `hedef demo` serves.",
        ),
    ] = False,
) -> None:
    """Serve the web app on an existing database (no demo set-up): gunicorn, production settings."""
    if dev:
        _django()
        from django.core.management import call_command

        console.print(f"Hədəf (development) is running at http://{host}:{port}/", highlight=False)
        call_command("runserver", f"{host}:{port}", use_reloader=False, verbosity=0)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedef.settings.production")
    from django.core.exceptions import ImproperlyConfigured

    try:
        _django()  # here rather than in each worker: a missing key stops the start
    except ImproperlyConfigured as error:
        raise _fail(
            f"{error} (production settings; `hedef serve --dev` for development)", 2
        ) from None
    from hedef.cli.server import Gunicorn

    options = {
        "bind": [bind or f"{host}:{port}"],
        "workers": workers or 2 * (os.cpu_count() or 1) + 1,
        "timeout": timeout,
        "proc_name": "hedef",
    }
    console.print(f"Hədəf is listening on {options['bind'][0]}", highlight=False)
    Gunicorn(options).run()
