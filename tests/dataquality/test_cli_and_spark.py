"""``hedef dq`` end to end, and the Spark engine's counts equal to DuckDB's and the planted ones."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hedef.cli import app
from hedef.domain.dataquality.checks import load_check_set
from hedef.domain.dataquality.engines import DuckDBEngine, SparkEngine, run_audit, spark_session
from hedef.domain.dataquality.generator import generate_registries

runner = CliRunner()


def test_generate_then_run_json_matches_planted(tmp_path):
    generated = runner.invoke(app, ["dq", "generate", "--rows", "3000", "-o", str(tmp_path)])
    assert generated.exit_code == 0, generated.output
    ran = runner.invoke(app, ["dq", "run", str(tmp_path / "checks.yaml"), "--json"])
    assert ran.exit_code == 0, ran.output
    checks = json.loads(ran.stdout)["checks"]
    planted = json.loads((tmp_path / "planted.json").read_text())
    assert {c["name"]: c["failed"] for c in checks} == planted
    assert set(checks[0]) >= {"name", "dimension", "failed", "total", "ratio", "passed"}


def test_sql_prints_every_dialect_and_refuses_others(tmp_path):
    generate_registries(tmp_path, rows=1000)
    for dialect in ("duckdb", "spark", "trino", "postgres"):
        printed = runner.invoke(
            app, ["dq", "sql", str(tmp_path / "checks.yaml"), "--dialect", dialect]
        )
        assert printed.exit_code == 0 and "COUNT(*) FILTER" in printed.stdout
    refused = runner.invoke(
        app, ["dq", "sql", str(tmp_path / "checks.yaml"), "--dialect", "oracle"]
    )
    assert refused.exit_code == 2 and "oracle" in refused.output


def test_run_refuses_a_missing_extract_naming_the_dataset(tmp_path):
    generate_registries(tmp_path, rows=1000)
    (tmp_path / "vehicles.parquet").unlink()
    ran = runner.invoke(app, ["dq", "run", str(tmp_path / "checks.yaml")])
    assert ran.exit_code == 1 and "dataset 'vehicles'" in ran.output


@pytest.fixture(scope="session")
def spark():
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_spark_counts_equal_duckdb_and_planted(tmp_path, spark, fmt):
    generated = generate_registries(tmp_path, rows=200_000, seed=5, fmt=fmt)
    check_set = load_check_set(tmp_path / "checks.yaml")
    duck = run_audit(check_set, DuckDBEngine(check_set, tmp_path))
    sparked = run_audit(check_set, SparkEngine(check_set, tmp_path, session=spark))
    assert {c.name: c.failed for c in sparked.checks} == {c.name: c.failed for c in duck.checks}
    assert {c.name: c.failed for c in sparked.checks} == dict(generated.planted)
