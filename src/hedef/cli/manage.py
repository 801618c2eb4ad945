"""``hedef manage``: Django's management commands under the ``hedef`` name."""

from __future__ import annotations

import typer

from hedef.cli.common import _django

# Everything after ``hedef manage`` goes to Django unparsed, options included.
CONTEXT = {"allow_extra_args": True, "ignore_unknown_options": True}


def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, createsuperuser, ...)."""
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hedef manage", *ctx.args])
