"""Time and memory of text ingestion on the sample documents, and their gold scores.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/ingest_benchmark.py [--scores] [--runs N]
        [--documents DIR] [--gold DIR]

The samples are the demo's documents (``src/hedef/sample_data/documents``), their
gold annotations those of the tests (``tests/fixtures/gold``); ``--documents`` and
``--gold`` name other folders (``*.txt`` documents, gold files of the same stem).
Without a document to read, or a gold file to score one against, it says so and
exits with status 1.

For each sample it prints the wall time of :func:`parse_text` (the first run, then
best and median of ``--runs`` runs), the peak of Python allocations during one run (tracemalloc) and
the process's peak resident size (ru_maxrss). With ``--scores`` it also scores
each parse against the sample's gold annotation. The goal is under 2 s and under
300 MB for the 95 KB sample.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from hedef.domain.ingest import parse_text
from hedef.domain.ingest.gold import to_gold
from hedef.domain.ingest.scoring import format_scores, score

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = REPO / "src/hedef/sample_data/documents"
GOLD = REPO / "tests/fixtures/gold"


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS


def benchmark(path: Path, runs: int) -> str:
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_text(text, file_name=path.name, sha256=digest)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    parse_text(text, file_name=path.name, sha256=digest)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (
        f"{path.name}: {len(text.encode()) / 1024:.0f} KB, first run {times[0]:.3f} s, "
        f"best {min(times):.3f} s, median {statistics.median(times):.3f} s over {runs} runs; "
        f"tracemalloc peak {peak / (1024 * 1024):.1f} MB; ru_maxrss {_max_rss_mb():.0f} MB"
    )


def scores(path: Path, gold_path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    parsed = parse_text(text, file_name=path.name, sha256=hashlib.sha256(text.encode()).hexdigest())
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return format_scores(score(to_gold(parsed), gold))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scores", action="store_true", help="also score against the gold files")
    parser.add_argument("--documents", type=Path, default=DOCUMENTS, help="folder of *.txt files")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of the gold files")
    options = parser.parse_args()
    paths = sorted(options.documents.glob("*.txt"))
    if not paths:
        print(f"ingest benchmark: no *.txt document in {options.documents}", file=sys.stderr)
        return 1
    gold_paths = {path: options.gold / f"{path.stem}.json" for path in paths}
    missing = [str(gold) for gold in gold_paths.values() if not gold.is_file()]
    if options.scores and missing:
        print(f"ingest benchmark: no gold file {', '.join(missing)}", file=sys.stderr)
        return 1
    for path in paths:
        print(benchmark(path, options.runs))
        if options.scores:
            print(scores(path, gold_paths[path]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
