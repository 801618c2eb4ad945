"""What every ``hedef`` command shares: the consoles, Django set-up, errors, a spinner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

console = Console()
err = Console(stderr=True)


def _django() -> None:
    """Set Django up for a command that needs it; the one place naming the settings default."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedef.settings.development")
    import django

    django.setup()


def _fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` as an error; the exit with ``code`` is for the caller to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def _working(description: str) -> Iterator[None]:
    """A spinner with the elapsed time on standard error while long work runs."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        progress.add_task(description, total=None)
        yield


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
