"""``hedef ingest``: a strategy document read into a plan, for review or accepted directly."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from hedef.cli.common import _django, _fail, _working, console, err


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
    from hedef.domain.ingest.sniff import ensure_acceptable_size

    if not file.is_file():
        raise _fail(f"{file}: no such file")
    try:
        # The size on disk decides before anything is read: a huge file is never loaded.
        ensure_acceptable_size(file.stat().st_size, file.name)
    except IngestionError as error:
        raise _fail(str(error)) from None
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
        result = draft_accept(draft=outcome.draft, edit_version=1)
        console.print(result.message, highlight=False)
    else:
        console.print(
            f"{outcome.message}\nReview it at {outcome.draft.get_absolute_url()}", highlight=False
        )
