"""``hedef remind``: e-mail reminders of reports falling due."""

from __future__ import annotations

from typing import Annotated

import typer

from hedef.cli.common import _django, _fail, console


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
