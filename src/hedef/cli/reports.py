"""``hedef report``: the monitoring report of strategies for a cycle, as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hedef.cli.common import _django, _fail, _unwritable, _working, err


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
    from hedef.monitoring.models import ReportingCycle
    from hedef.reports.files import (
        ReportRequestError,
        check_format,
        report_cycle,
        report_file,
        report_strategies,
    )

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
