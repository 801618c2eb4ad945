"""The engines that run a compiled audit where the data is, and the audit loop itself.

:class:`DuckDBEngine` (the default) reads Parquet and CSV extracts in-process;
:class:`SparkEngine` runs the same queries transpiled to Spark SQL on a cluster given by
its master URL (``local[N]`` on one machine). Both check every source against its
declared schema (the file or path exists, every declared column is there with a
compatible type) before the first audit query runs.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from hedef.domain.dataquality.checks import CheckSet, Dataset
from hedef.domain.dataquality.compiler import (
    AuditPlan,
    compile_check_set,
    failing_rows_query,
    render,
)
from hedef.domain.dataquality.errors import EngineUnavailable, SourceMismatch
from hedef.domain.dataquality.results import AuditResult, CheckResult

__all__ = [
    "ENGINES",
    "DuckDBEngine",
    "Engine",
    "SparkEngine",
    "export_failing_rows",
    "run_audit",
]

ENGINES = ("duckdb", "spark")
_SPARK_TYPES = {
    "string": "string",
    "integer": "bigint",
    "number": "double",
    "date": "date",
    "timestamp": "timestamp",
    "boolean": "boolean",
}
_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "boolean": "BOOLEAN",
}
#: What each declared type accepts of the engine's own types (first word, upper case).
_ACCEPTS = {
    "string": {"VARCHAR", "STRING", "TEXT", "CHAR"},
    "integer": {
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
        "UBIGINT",
        "INT",
        "LONG",
        "SHORT",
        "BYTE",
    },
    "number": {
        "DOUBLE",
        "FLOAT",
        "REAL",
        "DECIMAL",
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "INT",
        "LONG",
        "SHORT",
        "BYTE",
    },
    "date": {"DATE"},
    "timestamp": {"TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ"},
    "boolean": {"BOOLEAN"},
}

Progress = Callable[[str, int, int], None]


class Engine(Protocol):
    name: str
    dialect: str

    def prepare(self) -> None: ...

    def execute(self, sql: str) -> list[tuple[Any, ...]]: ...

    def close(self) -> None: ...


def _source(dataset: Dataset, data_dir: Path) -> str:
    assert dataset.path is not None
    if "://" in dataset.path:
        return dataset.path
    path = Path(dataset.path)
    return str(path if path.is_absolute() else data_dir / path)


def _local_file(dataset: Dataset, data_dir: Path) -> str:
    location = _source(dataset, data_dir)
    if (
        "://" not in location
        and not any(ch in location for ch in "*?[")
        and not (Path(location).exists())
    ):
        raise SourceMismatch(
            f"dataset {dataset.name!r}: {location}: no such file", dataset=dataset.name
        )
    return location


def _check_schema(dataset: Dataset, actual: dict[str, str], where: str) -> None:
    """Every declared column present in ``actual`` (name → engine type) with a fitting type."""
    for column, declared in dataset.columns.items():
        if column not in actual:
            raise SourceMismatch(
                f"dataset {dataset.name!r} ({where}): column {column!r} is missing "
                f"(the data has: {', '.join(actual)})",
                dataset=dataset.name,
                column=column,
            )
        found = actual[column].upper().split("(")[0].strip()
        if found not in _ACCEPTS[declared]:
            raise SourceMismatch(
                f"dataset {dataset.name!r} ({where}): column {column!r} is declared "
                f"{declared} but holds {actual[column]}",
                dataset=dataset.name,
                column=column,
            )


class DuckDBEngine:
    """DuckDB, in-process, reading each extract where it lies (one view per dataset)."""

    name = "duckdb"
    dialect = "duckdb"

    def __init__(
        self,
        check_set: CheckSet,
        data_dir: Path,
        *,
        memory_limit: str | None = None,
        threads: int | None = None,
    ) -> None:
        import duckdb

        self.check_set = check_set
        self.data_dir = data_dir
        config: dict[str, Any] = {}
        if memory_limit:
            config["memory_limit"] = memory_limit
        if threads:
            config["threads"] = threads
        self.connection = duckdb.connect(":memory:", config=config)

    def _reader(self, dataset: Dataset) -> str:
        location = _local_file(dataset, self.data_dir).replace("'", "''")
        if dataset.format == "csv":
            header = self.connection.execute(
                f"DESCRIBE SELECT * FROM read_csv('{location}', header = true, all_varchar = true)"
            ).fetchall()
            present = {row[0] for row in header}
            missing = [column for column in dataset.columns if column not in present]
            if missing:
                raise SourceMismatch(
                    f"dataset {dataset.name!r} ({location}): column {missing[0]!r} is missing "
                    f"(the file has: {', '.join(row[0] for row in header)})",
                    dataset=dataset.name,
                    column=missing[0],
                )
            types = ", ".join(
                f"'{column}': '{_DUCKDB_TYPES[kind]}'" for column, kind in dataset.columns.items()
            )
            return f"read_csv('{location}', header = true, types = {{{types}}})"
        return f"read_parquet('{location}')"

    def prepare(self) -> None:
        import duckdb

        for dataset in self.check_set.audited_datasets():
            if dataset.table:
                raise SourceMismatch(
                    f"dataset {dataset.name!r}: the table {dataset.table} is read where it is "
                    "(hedef dq sql --dialect postgres or trino); DuckDB reads extracts (path:)",
                    dataset=dataset.name,
                )
            try:
                reader = self._reader(dataset)
                self.connection.execute(
                    f'CREATE OR REPLACE VIEW "{dataset.name}" AS SELECT * FROM {reader}'
                )
                described = self.connection.execute(f'DESCRIBE "{dataset.name}"').fetchall()
            except duckdb.Error as error:
                raise SourceMismatch(
                    f"dataset {dataset.name!r}: {_source(dataset, self.data_dir)} cannot be read "
                    f"({str(error).splitlines()[0]})",
                    dataset=dataset.name,
                ) from None
            _check_schema(
                dataset, {row[0]: str(row[1]) for row in described}, _source(dataset, self.data_dir)
            )

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql).fetchall()

    def export(self, sql: str, path: Path) -> int:
        """Write the rows of ``sql`` to ``path`` (CSV or Parquet by its suffix); their count."""
        target = str(path).replace("'", "''")
        options = "FORMAT parquet" if path.suffix.lower() == ".parquet" else "FORMAT csv, HEADER"
        self.connection.execute(f"COPY ({sql}) TO '{target}' ({options})")
        rows = self.connection.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        return int(rows[0]) if rows else 0

    def close(self) -> None:
        self.connection.close()


def java_available() -> bool:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return True
    return shutil.which("java") is not None


def spark_session(master: str = "local[2]") -> Any:
    """A Spark session on ``master``, or :class:`EngineUnavailable` saying what is missing."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineUnavailable(
            "the Spark engine needs pyspark (pip install pyspark)", engine="spark"
        ) from None
    if not java_available():
        raise EngineUnavailable(
            "the Spark engine needs Java 17 (on Debian: apt-get install "
            "openjdk-17-jre-headless), and none was found on PATH or in JAVA_HOME",
            engine="spark",
        )
    builder = (
        SparkSession.builder.master(master)
        .appName("hedef-dq")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.memory", "1g")
    )
    return builder.getOrCreate()


class SparkEngine:
    """Spark SQL through pyspark, each dataset a temporary view over its path."""

    name = "spark"
    dialect = "spark"

    def __init__(
        self,
        check_set: CheckSet,
        data_dir: Path,
        *,
        master: str = "local[2]",
        session: Any = None,
    ) -> None:
        self.check_set = check_set
        self.data_dir = data_dir
        self.master = master
        self.session = session
        self._owned = session is None

    def prepare(self) -> None:
        if self.session is None:
            self.session = spark_session(self.master)
        from pyspark.errors import PySparkException
        from pyspark.sql import functions

        for dataset in self.check_set.audited_datasets():
            if dataset.table:
                frame = self.session.table(dataset.table)
            else:
                location = _local_file(dataset, self.data_dir)
                try:
                    if dataset.format == "csv":
                        raw = self.session.read.csv(location, header=True)
                        present = set(raw.columns)
                        frame = (
                            raw.select(
                                *(
                                    functions.col(column).cast(_SPARK_TYPES[kind])
                                    if column in present
                                    else functions.col(column)
                                    for column, kind in dataset.columns.items()
                                )
                            )
                            if set(dataset.columns) <= present
                            else raw
                        )
                    else:
                        frame = self.session.read.parquet(location)
                except PySparkException as error:
                    raise SourceMismatch(
                        f"dataset {dataset.name!r}: {location} cannot be read "
                        f"({(str(error) or repr(error)).splitlines()[0]})",
                        dataset=dataset.name,
                    ) from None
            actual = {f.name: f.dataType.simpleString().upper() for f in frame.schema.fields}
            actual = {name: {"BIGINT": "BIGINT"}.get(kind, kind) for name, kind in actual.items()}
            _check_schema(dataset, actual, dataset.table or _source(dataset, self.data_dir))
            frame.createOrReplaceTempView(dataset.name)

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.session.sql(sql).collect()]

    def close(self) -> None:
        if self._owned and self.session is not None:
            self.session.stop()


def run_audit(
    check_set: CheckSet,
    engine: Engine,
    *,
    plan: AuditPlan | None = None,
    progress: Progress | None = None,
) -> AuditResult:
    """Run every check of ``check_set`` on ``engine``: sources checked first, then the queries.

    ``progress`` is called with a description, the queries done and the queries in all.
    """
    plan = plan or compile_check_set(check_set)
    started = time.perf_counter()
    engine.prepare()
    failed: dict[str, int] = {}
    totals: dict[str, int] = {}
    phases: dict[str, float] = {}
    done = 0
    for query in plan.queries:
        if progress:
            progress(f"{query.phase} {query.dataset}", done, len(plan.queries))
        begun = time.perf_counter()
        rows = engine.execute(query.sql(engine.dialect))
        phases[query.phase] = phases.get(query.phase, 0.0) + time.perf_counter() - begun
        row = rows[0]
        if query.phase == "rows":
            totals[query.dataset] = int(row[0])
            failed.update(
                {name: int(value or 0) for name, value in zip(query.checks, row[1:], strict=True)}
            )
        else:
            failed[query.checks[0]] = int(row[0] or 0)
        done += 1
    if progress:
        progress("done", done, len(plan.queries))
    results = tuple(
        CheckResult(
            name=check.name,
            dataset=check.dataset,
            kind=check.kind,
            dimension=check.dimension,
            severity=check.severity,
            threshold=check.threshold,
            failed=failed[check.name],
            total=totals[check.dataset],
        )
        for check in check_set.checks
    )
    return AuditResult(
        registry=check_set.registry,
        version=check_set.version,
        engine=engine.name,
        checks=results,
        seconds=time.perf_counter() - started,
        phases=phases,
        totals=totals,
    )


def export_failing_rows(check_set: CheckSet, check_name: str, data_dir: Path, path: Path) -> int:
    """Write every row failing ``check_name`` to ``path`` (CSV or Parquet); their count."""
    check = check_set.check(check_name)
    engine = DuckDBEngine(check_set, data_dir)
    try:
        engine.prepare()
        sql = render(failing_rows_query(check_set, check), "duckdb")
        return engine.export(sql, path)
    finally:
        engine.close()


def quarantine(
    check_set: CheckSet, dataset_name: str, data_dir: Path, folder: Path, *, suffix: str
) -> tuple[int, int]:
    """Write ``dataset_name``'s rows apart: those passing every row-level check, the others."""
    from sqlglot import exp

    from hedef.domain.dataquality.compiler import fail_condition

    dataset = check_set.datasets[dataset_name]
    conditions: Sequence[exp.Expr] = [
        exp.func("COALESCE", fail_condition(check, dataset), exp.false())
        for check in check_set.checks
        if check.dataset == dataset_name and check.is_row_level
    ]
    failing = exp.or_(*conditions) if conditions else exp.false()
    engine = DuckDBEngine(check_set, data_dir)
    try:
        engine.prepare()
        table = exp.to_table(dataset.name)
        valid = exp.select("*").from_(table).where(exp.not_(exp.paren(failing)))
        invalid = exp.select("*").from_(table.copy()).where(failing.copy())
        written = (
            engine.export(render(valid, "duckdb"), folder / f"{dataset_name}.valid{suffix}"),
            engine.export(render(invalid, "duckdb"), folder / f"{dataset_name}.invalid{suffix}"),
        )
        return written
    finally:
        engine.close()
