"""The data-quality core: declarations, compiled SQL in every dialect, planted counts on DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from stdnum.az import voen as stdnum_voen

from hedef.domain.dataquality.checks import KINDS, load_check_set, parse_check_set
from hedef.domain.dataquality.compiler import (
    DIALECTS,
    compile_check_set,
    fail_condition,
    failing_rows_query,
    render,
)
from hedef.domain.dataquality.engines import DuckDBEngine, export_failing_rows, run_audit
from hedef.domain.dataquality.errors import InvalidCheckSet, SourceMismatch
from hedef.domain.dataquality.generator import check_declarations, generate_registries


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("registry")
    return generate_registries(folder, rows=5000, seed=7)


def test_generated_checks_cover_every_kind():
    check_set = parse_check_set(check_declarations("parquet"))
    assert {check.kind for check in check_set.checks} == set(KINDS)
    assert len(check_set.checks) == 19


def test_duckdb_finds_exactly_the_planted_errors(generated):
    check_set = load_check_set(generated.folder / "checks.yaml")
    result = run_audit(check_set, DuckDBEngine(check_set, generated.folder))
    assert {c.name: c.failed for c in result.checks} == dict(generated.planted)
    assert result.check("fin_present").total == 5000
    assert result.check("owner_registered").total == 1500


def test_generation_is_deterministic_by_seed(tmp_path, generated):
    again = generate_registries(tmp_path, rows=5000, seed=7)
    query = "SELECT fin, voen, birth_date FROM read_parquet('{}') ORDER BY ALL"
    first = duckdb.sql(query.format(generated.folder / "population.parquet")).fetchall()
    second = duckdb.sql(query.format(again.folder / "population.parquet")).fetchall()
    assert first == second
    other = generate_registries(tmp_path / "other", rows=5000, seed=8)
    third = duckdb.sql(query.format(other.folder / "population.parquet")).fetchall()
    assert first != third


def test_voen_sql_agrees_with_python_stdnum(generated):
    """Every generated VÖEN the SQL accepts, python-stdnum accepts, and the other way round."""
    check_set = load_check_set(generated.folder / "checks.yaml")
    check = check_set.check("voen_checksum")
    condition = render(fail_condition(check, check_set.datasets["population"]), "duckdb")
    path = generated.folder / "population.parquet"
    rows = duckdb.sql(
        f"SELECT voen, ({condition}) AS fails FROM read_parquet('{path}') WHERE voen IS NOT NULL"
    ).fetchall()
    samples = [*rows, ("1401555071", False), ("1401555081", True), ("1400057424", True)]
    for value, fails in samples:
        assert stdnum_voen.is_valid(value) is not fails, value
    assert sum(fails for _, fails in rows) == generated.planted["voen_checksum"]


def test_failing_rows_are_exported_whole(generated, tmp_path):
    check_set = load_check_set(generated.folder / "checks.yaml")
    target = tmp_path / "duplicates.csv"
    count = export_failing_rows(check_set, "fin_unique", generated.folder, target)
    assert count == generated.planted["fin_unique"]
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("fin,surname")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_check_kind_compiles_in_every_dialect(dialect):
    check_set = parse_check_set(check_declarations("parquet"))
    plan = compile_check_set(check_set)
    text = plan.sql(dialect)
    assert text.count("COUNT(*) FILTER") == 15
    for check in check_set.checks:
        assert render(failing_rows_query(check_set, check), dialect)
    assert "REGEXP_FULL_MATCH" not in text.upper()


def test_trino_sql_is_as_expected():
    check_set = parse_check_set(check_declarations("parquet"))
    plan = compile_check_set(check_set)
    (unique,) = [q for q in plan.phase("unique") if q.checks == ("plate_registration_unique",)]
    assert unique.sql("trino") == (
        'SELECT COALESCE(SUM("n"), 0) AS "failed" FROM (SELECT "plate", "registered", '
        'COUNT(*) AS "n" FROM "vehicles" WHERE NOT "plate" IS NULL AND NOT "registered" IS NULL '
        'GROUP BY "plate", "registered" HAVING COUNT(*) > 1) AS "duplicates"'
    )
    (foreign,) = plan.phase("foreign_key")
    assert foreign.sql("trino") == (
        'SELECT COUNT(*) AS "failed" FROM "vehicles" AS "c" WHERE NOT "c"."owner_fin" IS NULL '
        'AND NOT EXISTS(SELECT 1 FROM "population" AS "p" WHERE "p"."fin" = "c"."owner_fin")'
    )
    rows = plan.phase("rows")[0].sql("trino")
    assert (
        'COUNT(*) FILTER(WHERE NOT REGEXP_LIKE("fin", \'^[0-9A-HJ-NP-Z]{7}$\')) AS "fin_format"'
        in rows
    )
    assert "COUNT(*) FILTER(WHERE NOT REGEXP_LIKE(\"document_number\", '^(?:AA[0-9]{7})$'))" in rows
    assert 'CAST(SUBSTR("voen", 9, 1) AS INTEGER)' in rows


def _declaration(**check):
    data = check_declarations("parquet")
    data["checks"] = [{"name": "probe", "dataset": "population", **check}]
    return data


@pytest.mark.parametrize(
    ("check", "message"),
    [
        ({"pattern": {"column": "fin", "regex": "[A-"}}, "check 'probe': the regular expression"),
        ({"not_null": "nickname"}, "check 'probe': column 'nickname' is not in dataset"),
        ({"dataset": "cars", "not_null": "fin"}, "check 'probe': dataset 'cars' is not declared"),
        ({"rule": "regexp_full_match(fin, 'A')"}, "regexp_full_match"),
        ({"rule": "mystery(fin) > 1"}, "the function mystery() does not translate"),
        ({"length": {"column": "birth_date", "min": 1}}, "column 'birth_date' is date"),
        ({"range": {"column": "birth_date", "min": "yesterday"}}, "min 'yesterday' is not a date"),
        ({"not_null": "fin", "threshold": 2}, "threshold must be a ratio"),
        ({"unique": "fin", "fin": "fin"}, "give exactly one kind"),
    ],
)
def test_bad_declarations_name_the_check_and_field(check, message):
    with pytest.raises(InvalidCheckSet, match=None) as caught:
        parse_check_set(_declaration(**check), source="checks.yaml")
    assert message in str(caught.value)


def test_missing_file_and_column_are_refused_before_running(generated, tmp_path):
    check_set = load_check_set(generated.folder / "checks.yaml")
    with pytest.raises(SourceMismatch, match=r"dataset 'population'.*no such file"):
        run_audit(check_set, DuckDBEngine(check_set, tmp_path))
    data = check_declarations("parquet")
    data["datasets"]["population"]["columns"]["nickname"] = "string"
    widened = parse_check_set(data)
    with pytest.raises(SourceMismatch, match="column 'nickname' is missing"):
        run_audit(widened, DuckDBEngine(widened, generated.folder))
    data = check_declarations("parquet")
    data["datasets"]["population"]["columns"]["region"] = "integer"
    data["checks"] = [c for c in data["checks"] if c["name"] != "region_valid"]
    retyped = parse_check_set(data)
    with pytest.raises(SourceMismatch, match="'region' is declared integer but holds VARCHAR"):
        run_audit(retyped, DuckDBEngine(retyped, generated.folder))


def test_csv_extracts_give_the_same_counts(tmp_path):
    generated = generate_registries(tmp_path, rows=2000, seed=2, fmt="csv")
    check_set = load_check_set(Path(generated.folder) / "checks.yaml")
    result = run_audit(check_set, DuckDBEngine(check_set, generated.folder))
    assert {c.name: c.failed for c in result.checks} == dict(generated.planted)
