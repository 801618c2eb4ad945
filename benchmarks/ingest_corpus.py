"""Per-field scores, time and memory of ingestion on every corpus document and sample.

Usage (from the repository root)::

    PYTHONPATH=src:. python benchmarks/ingest_corpus.py [--command] [--only STEM] [--flags]

The corpus is ``tests/corpus`` (``python -m tests.corpus.build`` rebuilds it): each
sample strategy in layouts of the same family, as DOCX, PDF and flattened text,
with its gold annotation; the two samples themselves (plain text) come last.

For each document it prints one table row: the per-field scores by the rules of
the gold README (numbers, lead, co-executors, period exact; title and each result
stage token F1; headline targets exact; the document's title, period and
approving act exact), the wall time of :func:`read_document` and the peak of
Python allocations during it (tracemalloc). With ``--command`` it also runs the
whole command, ``hedef ingest FILE --dry-run --json``, in a fresh process and
prints its wall time and peak resident size. With ``--flags`` it prints the
precision and recall of the low-confidence flags against the fields read wrong.
The goals: numbers, lead, co-executors, period >= 0.99; titles >= 0.97; each
stage >= 0.90; headline targets, document title and period exact; text and
DOCX under 1 s whole-command, PDF under 2 s for 100 pages, under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from hedef.domain.ingest.documents import read_document
from hedef.domain.ingest.gold import to_gold
from hedef.domain.ingest.scoring import flag_agreement, meets_goals, score

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.corpus.build import CORPUS_GOLD_DIR, corpus_files  # noqa: E402
from tests.fixtures import SAMPLES, gold_path, sample_document  # noqa: E402

COLUMNS = (
    ("number", "num"), ("lead", "lead"), ("co_executors", "co"), ("period", "per"),
    ("title", "title"), ("initial", "init"), ("interim", "intr"), ("final", "final"),
)  # fmt: skip


def cases(only: str | None) -> list[tuple[Path, Path]]:
    found = [(path, CORPUS_GOLD_DIR / f"{document.stem}.json") for document, path in corpus_files()]
    found += [(sample_document(stem), gold_path(stem)) for stem in SAMPLES]
    return [case for case in found if only is None or case[0].stem == only]


def _pdf_pages(data: bytes) -> int | None:
    if not data.startswith(b"%PDF"):
        return None
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def whole_command(path: Path) -> tuple[float, float]:
    """Wall time (s) and peak resident size (MB) of ``hedef ingest PATH --dry-run --json``."""
    environment = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "hedef.cli", "ingest", str(path), "--dry-run", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"hedef ingest {path} failed")
    return elapsed, usage.ru_maxrss / 1024


def measure(path: Path, gold_file: Path) -> dict[str, Any]:
    data = path.read_bytes()
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    tracemalloc.start()
    started = time.perf_counter()
    parsed = read_document(data, path.name)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    predicted = to_gold(parsed)
    scores = score(predicted, gold)
    return {
        "name": path.name,
        "scores": scores,
        "flags": flag_agreement(parsed.flags, predicted, gold),
        "seconds": elapsed,
        "peak_mb": peak / (1024 * 1024),
        "pages": _pdf_pages(data),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="only the document of this file stem")
    parser.add_argument("--command", action="store_true", help="also time the whole command")
    parser.add_argument("--flags", action="store_true", help="flag precision and recall")
    parser.add_argument("--details", action="store_true", help="the measures read wrong")
    options = parser.parse_args()
    found = cases(options.only)
    if not found:
        print("ingest corpus benchmark: no document found; build tests/corpus", file=sys.stderr)
        return 1
    head = " ".join(f"{short:>5}" for _, short in COLUMNS)
    print(
        f"{'document':<26} {head} {'targ':>5} {'dtitl':>5} {'dper':>5} {'act':>5} "
        f"{'goal':>4} {'s':>6} {'MB':>6}" + ("  command s, MB" if options.command else "")
    )
    totals = {"flagged_wrong": 0, "flagged": 0, "wrong": 0}
    failing = 0
    for path, gold_file in found:
        result = measure(path, gold_file)
        scores = result["scores"]
        fields = " ".join(f"{scores['fields'][name]:>5.3f}" for name, _ in COLUMNS)
        document = scores["document_fields"]
        ok = meets_goals(scores)
        failing += not ok
        line = (
            f"{result['name']:<26} {fields} {scores['headline_targets']:>5.3f} "
            f"{document['title']:>5.0f} {document['period']:>5.0f} {document['act']:>5.0f} "
            f"{'yes' if ok else 'NO':>4} {result['seconds']:>6.3f} {result['peak_mb']:>6.1f}"
        )
        if options.command:
            seconds, megabytes = whole_command(path)
            line += f"  {seconds:6.2f} {megabytes:6.0f}"
        if result["pages"]:
            line += f"  ({result['pages']} pages)"
        print(line)
        flags = result["flags"]
        for key in totals:
            totals[key] += flags[key]
        if options.details:
            for number, values in scores["per_measure"].items():
                wrong = [name for name, value in values.items() if value < 1.0]
                if wrong:
                    print(f"    {number}: {', '.join(wrong)}")
    print(f"{len(found) - failing} of {len(found)} documents at goal")
    if options.flags:
        precision = totals["flagged_wrong"] / max(totals["flagged"], 1)
        recall = totals["flagged_wrong"] / max(totals["wrong"], 1)
        print(
            f"flags: {totals['flagged']} measure fields flagged, {totals['wrong']} read wrong, "
            f"{totals['flagged_wrong']} both; precision {precision:.3f}, recall {recall:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
