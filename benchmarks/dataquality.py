"""Data-quality audit benchmark: the whole audit against one DuckDB scan of its columns.

Generates the population registry (10 million rows by default) and the vehicle registry
(30 % of it) with planted errors, audits them with the 19 generated checks (every kind)
and prints the scan floor (one DuckDB pass reading every audited column), each phase
(fused row pass, uniqueness, foreign keys), the total, its ratio to the floor (goal: at
most 5x) and the peak resident memory (goal: under 1 GiB); the planted counts are
asserted. Run: ``.venv/bin/python benchmarks/dataquality.py [--rows N] [--format csv]
[--spark]`` (``--spark`` also times the Spark engine, local[2], on the same data).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

import duckdb

from hedef.domain.dataquality.checks import load_check_set
from hedef.domain.dataquality.engines import DuckDBEngine, SparkEngine, run_audit
from hedef.domain.dataquality.generator import generate_registries

THREADS = 2


def scan_floor(check_set, folder: Path, memory_limit: str) -> float:
    """Seconds of one DuckDB scan reading every audited column of every dataset."""
    engine = DuckDBEngine(check_set, folder, memory_limit=memory_limit, threads=THREADS)
    engine.prepare()
    started = time.perf_counter()
    for dataset in check_set.audited_datasets():
        columns = check_set.audited_columns(dataset.name)
        # hashing every value: min/max or count would be answered from Parquet statistics
        reads = ", ".join(f'bit_xor(hash("{c}"))' for c in columns)
        engine.execute(f'SELECT {reads} FROM "{dataset.name}"')
    seconds = time.perf_counter() - started
    engine.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--format", default="parquet", choices=["parquet", "csv"])
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--memory-limit", default="800MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hedef-dq-") as name:
        folder = Path(name)
        started = time.perf_counter()
        # Generated in a child process, so that the peak memory below is the audit's alone.
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            generated = pool.apply(
                generate_registries, (folder,), {"rows": args.rows, "seed": 1, "fmt": args.format}
            )
        print(
            f"generated {generated.population_rows:,} + {generated.vehicle_rows:,} rows "
            f"({args.format}) in {time.perf_counter() - started:.1f} s"
        )
        check_set = load_check_set(folder / "checks.yaml")
        floor = scan_floor(check_set, folder, args.memory_limit)
        engine = DuckDBEngine(check_set, folder, memory_limit=args.memory_limit, threads=THREADS)
        result = run_audit(check_set, engine)
        engine.close()
        found = {check.name: check.failed for check in result.checks}
        assert found == dict(generated.planted), (found, generated.planted)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"checks: {len(result.checks)}; planted counts found exactly")
        print(f"scan floor:        {floor:8.2f} s")
        for phase, seconds in result.phases.items():
            print(f"phase {phase:12s} {seconds:8.2f} s")
        print(f"total audit:       {result.seconds:8.2f} s")
        print(f"ratio to floor:    {result.seconds / floor:8.2f}x (goal <= 5x)")
        print(
            f"peak RSS:          {peak:8.0f} MiB (goal < 1024 MiB; DuckDB "
            f"memory_limit {args.memory_limit}, {THREADS} threads, duckdb {duckdb.__version__})"
        )
        if args.spark:
            spark_engine = SparkEngine(check_set, folder, master="local[2]")
            spark_engine.prepare()  # session start-up and schema reads, not timed below
            sparked = run_audit(check_set, spark_engine)
            spark_engine.close()
            assert {c.name: c.failed for c in sparked.checks} == found
            print(
                f"spark local[2]:    {sparked.seconds:8.2f} s "
                f"({sparked.seconds / result.seconds:.1f}x DuckDB's total)"
            )


if __name__ == "__main__":
    main()
