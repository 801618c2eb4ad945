"""Benchmark rendering the full 50-measure monitoring report to PDF, DOCX and HTML.

The input is the Digital Economy Strategy 2026–2029 from its gold annotation in
``tests/fixtures/gold`` (50 measures, 9 directions, 7 headline indicators), with one
invented annual cycle evaluated by the evaluation core (the test fixture
``tests/domain/reports/sample_report.py``), the full methodology in the annex
and a readiness rating with 1,000 Monte Carlo draws.

Each format is rendered in a fresh process, so that its "first" time includes
everything a command-line run pays for: starting vl-convert's JavaScript engine,
drawing the 11 charts, loading the fonts. The "again" time is a second render
in the same process, with the charts already drawn (as when the web shell
renders several formats of one report). Memory is the process's peak resident
set size after both renders, which counts WeasyPrint's and vl-convert's native
memory too, and the Python heap's peak as tracemalloc sees it in a third,
untimed render (tracing slows WeasyPrint several times over).

Run from the repository root::

    PYTHONPATH=src python benchmarks/report_benchmark.py

With ``--database`` it times instead what an operator waits for: ``hedef
report`` run as a command, from the demo database, for the strategy with the
most measures (the Digital Economy Strategy, 50) and the demo's latest cycle,
each format in a fresh process, several times. The demo database is set up in
a temporary folder first, unless ``--data-dir`` names one that has it::

    PYTHONPATH=src python benchmarks/report_benchmark.py --database [--data-dir var] [--runs 3]

"Whole command" is the wall-clock time of the process (interpreter start,
imports, Django set-up, evaluation, rendering, writing); "in command" is the
time the command itself reports, from Django's set-up to the file written.

Goal: the PDF in under 10 s.

When its input is missing (the gold file, or a strategy and a cycle in the
database) it says so on stderr and exits with a non-zero status, as it does when
a render fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO)]

FORMATS = ("pdf", "docx", "html")
GOLD = REPO / "tests/fixtures/gold/002_342d9e6260cb9729.json"


def _child(arguments: list[str], what: str, env: dict[str, str]) -> str:
    """Run a child process and return its stdout; if it fails, show its stderr and exit."""
    child = subprocess.run(arguments, capture_output=True, text=True, env=env)
    if child.returncode != 0:
        sys.stderr.write(child.stderr)
        print(f"report benchmark: {what} failed (exit status {child.returncode})", file=sys.stderr)
        sys.exit(child.returncode)
    return child.stdout


def measure(fmt: str, language: str) -> dict[str, float | int]:
    """Render one format twice in this process; times in seconds, memory in MiB."""
    started = time.perf_counter()
    from hedef.domain.core import i18n
    from hedef.domain.reports import assemble, render_docx, render_html, render_pdf
    from tests.domain.reports.sample_report import sample_report

    imported = time.perf_counter()
    i18n.install(str)  # source-language labels: no Django here
    data = sample_report(language=language)
    report = assemble(data)
    prepared = time.perf_counter()
    render = {"pdf": render_pdf, "docx": render_docx, "html": render_html}[fmt]
    output = render(report)
    first = time.perf_counter()
    render(report)
    again = time.perf_counter()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB on Linux
    # tracemalloc slows WeasyPrint several times over: trace a third, untimed render.
    tracemalloc.start()
    render(report)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(output.encode("utf-8") if isinstance(output, str) else output)
    return {
        "import_s": imported - started,
        "data_and_assemble_s": prepared - imported,
        "first_s": first - prepared,
        "again_s": again - first,
        "bytes": size,
        "peak_rss_mib": peak_rss,
        "traced_peak_mib": traced_peak / 2**20,
        "measures": data.key_figures.measures,
        "charts": len(report.charts()),
    }


_LARGEST = """
import django
django.setup()
from django.db.models import Count
from hedef.monitoring.models import ReportingCycle
from hedef.plans.models import Strategy
strategy = (
    Strategy.objects.filter(current_version__isnull=False)
    .annotate(measures=Count("current_version__measures"))
    .order_by("-measures")
    .first()
)
cycle = ReportingCycle.objects.order_by("-period_end").first()
if strategy is None or cycle is None:
    raise SystemExit("the database holds no strategy with a current version, or no cycle")
print(strategy.code, strategy.measures, cycle.pk, cycle.label, sep="\t")
"""


def from_database(data_dir: Path | None, language: str, runs: int) -> None:
    """Time ``hedef report`` on the demo database, each format ``runs`` times."""
    temporary = None
    if data_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="hedef-report-benchmark-")
        data_dir = Path(temporary.name)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "HEDEF_DATA_DIR": str(data_dir),
        "HEDEF_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "hedef.settings.development",
    }
    env.pop("DATABASE_URL", None)  # the demo's own SQLite database, never a shared one
    command = [sys.executable, "-m", "hedef.cli"]
    if not (data_dir / "hedef.sqlite3").exists():
        print(f"setting up the demo database in {data_dir} ...", flush=True)
        _child([*command, "demo", "--no-serve"], "setting up the demo", env)
    found = _child([sys.executable, "-c", _LARGEST], f"reading the database in {data_dir}", env)
    code, measures, cycle, label = found.strip().splitlines()[-1].split("\t")
    load = os.getloadavg()[0]
    print(
        f"hedef report from the demo database: {code} ({measures} measures), cycle {label}, "
        f"language {language}; {os.cpu_count()} CPUs, load {load:.1f}"
    )
    verdict = ""
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            walls, inside, peaks, size = [], [], [], 0
            for _run in range(runs):
                output = Path(folder) / f"report.{fmt}"
                arguments = [*command, "report", code, "--cycle", cycle, "--format", fmt]
                started = time.perf_counter()
                child = subprocess.Popen(
                    [*arguments, "--lang", language, "-o", str(output)],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                _pid, status, usage = os.wait4(child.pid, 0)
                walls.append(time.perf_counter() - started)
                stderr = child.stderr.read() if child.stderr else ""
                child.returncode = os.waitstatus_to_exitcode(status)
                if child.returncode != 0:
                    raise SystemExit(f"hedef report failed:\n{stderr}")
                reported = re.search(r"([\d.]+) s\)", " ".join(stderr.split()))
                inside.append(float(reported.group(1)) if reported else float("nan"))
                peaks.append(usage.ru_maxrss / 1024)
                size = output.stat().st_size
            print(
                f"{fmt:>4}: whole command median {statistics.median(walls):5.2f} s "
                f"(min {min(walls):5.2f}), in command median {statistics.median(inside):5.2f} s, "
                f"{size / 1024:6.0f} KiB, peak RSS {max(peaks):5.0f} MiB, {runs} runs"
            )
            if fmt == "pdf":
                verdict = "met" if statistics.median(walls) < 10 else "NOT met"
    print(f"goal PDF < 10 s (whole command, median): {verdict}")
    if temporary is not None:
        temporary.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="az", choices=("az", "en"))
    parser.add_argument("--only", choices=FORMATS, help="measure one format in this process")
    parser.add_argument(
        "--database", action="store_true", help="time `hedef report` on the demo database"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="with --database: a folder holding the demo database"
    )
    parser.add_argument("--runs", type=int, default=3, help="with --database: runs per format")
    args = parser.parse_args()
    if not args.database and not GOLD.is_file():
        sys.exit(f"report benchmark: no input: {GOLD} is missing")
    if args.database:
        from_database(args.data_dir, args.language, args.runs)
        return
    if args.only:
        print(json.dumps(measure(args.only, args.language)))
        return
    load = os.getloadavg()[0]
    print(f"report benchmark, language {args.language}, {os.cpu_count()} CPUs, load {load:.1f}")
    results = {}
    for fmt in FORMATS:
        stdout = _child(
            [sys.executable, __file__, "--only", fmt, "--language", args.language],
            f"rendering {fmt}",
            {**os.environ, "PYTHONPATH": str(REPO / "src")},
        )
        results[fmt] = json.loads(stdout.strip().splitlines()[-1])
    first = results["pdf"]
    print(
        f"input: {first['measures']} measures, {first['charts']} charts; "
        f"data + assembly {first['data_and_assemble_s']:.2f} s, imports {first['import_s']:.2f} s"
    )
    for fmt, result in results.items():
        print(
            f"{fmt:>4}: first {result['first_s']:5.2f} s, again {result['again_s']:5.2f} s, "
            f"{result['bytes'] / 1024:6.0f} KiB, peak RSS {result['peak_rss_mib']:5.0f} MiB, "
            f"Python heap peak {result['traced_peak_mib']:5.1f} MiB"
        )
    verdict = "met" if results["pdf"]["first_s"] < 10 else "NOT met"
    print(f"goal PDF < 10 s: {verdict}")


if __name__ == "__main__":
    main()
