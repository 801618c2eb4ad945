"""A synthetic population registry and a vehicle registry referring to it, with planted errors.

Everything is computed by DuckDB from the row number and the seed (no Python per
row), so ten million rows take seconds and the same seed always gives the same
files. Errors are planted on fixed residues of the row number (row ``i`` with
``i % 1000 == 10``, ``20``, …), one check per residue, so that each planted error
fails exactly one check and every check's failing count is known exactly; the
counts are written to ``planted.json`` beside the data and the checks that find
them to ``checks.yaml``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hedef.domain.dataquality.compiler import VOEN_WEIGHTS
from hedef.domain.dataquality.errors import DataQualityError

__all__ = ["GENERATED_FORMATS", "Generated", "generate_registries", "planted_counts"]

GENERATED_FORMATS = ("parquet", "csv")
MIN_ROWS = 1000
_CYCLE = 1000
#: FİN letters: digits and capital Latin letters without I and O.
_FIN_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_FIN_SPACE = len(_FIN_ALPHABET) ** 7
_PLATES = 100 * 26 * 26 * 1000
#: Clean rows only: vehicle owners are drawn from these residues of the population.
_CLEAN_FROM = 150

# Planted residue of each population check; "×2" marks duplicates (both rows fail).
_POPULATION_PLANTS = {
    "fin_present": (10,),
    "fin_format": (20,),
    "fin_unique": (30,),
    "surname_present": (40,),
    "given_name_length": (50,),
    "gender_valid": (60,),
    "region_valid": (70,),
    "birth_date_plausible": (80, 90),
    "document_number_format": (100,),
    "document_issued_after_birth": (110,),
    "document_expiry_required": (120,),
    "document_expiry_after_issue": (130,),
    "voen_checksum": (140,),
}
_VEHICLE_PLANTS = {
    "owner_present": (10,),
    "owner_registered": (20,),
    "vin_unique": (30,),
    "plate_format": (40,),
    "plate_registration_unique": (50,),
    "model_year_range": (60,),
}
_DUPLICATES = {"fin_unique", "vin_unique", "plate_registration_unique"}

_SURNAMES = [
    "Məmmədov",
    "Əliyev",
    "Həsənov",
    "Hüseynov",
    "Quliyev",
    "İsmayılov",
    "Abbasov",
    "Rəhimov",
    "Kərimov",
    "Nəsirov",
    "Babayev",
    "Cəfərov",
    "Orucov",
    "Səfərov",
]
_MEN = ["Elvin", "Rəşad", "Tural", "Orxan", "Kamran", "Nicat", "Ramil", "Fuad", "Anar", "Ülvi"]
_WOMEN = ["Aysel", "Günay", "Leyla", "Nərgiz", "Səbinə", "Lalə", "Aynur", "Könül", "Şəbnəm"]
REGIONS = ["BAK", "GNC", "SUM", "LNK", "MNG", "SHK", "QUB", "NAX", "SHE", "YEV"]
_MAKES = ["LADA", "TOYOTA", "HYUNDAI", "MERCEDES", "KIA", "CHEVROLET", "NISSAN", "BMW"]


@dataclass(frozen=True)
class Generated:
    """What :func:`generate_registries` wrote: the folder, row counts and planted counts."""

    folder: Path
    population_rows: int
    vehicle_rows: int
    planted: Mapping[str, int]


def _occurrences(residue: int, rows: int) -> int:
    return rows // _CYCLE + (1 if residue < rows % _CYCLE else 0)


def planted_counts(population_rows: int, vehicle_rows: int) -> dict[str, int]:
    """The exact failing count every generated check must find."""
    counts: dict[str, int] = {}
    for plants, rows in ((_POPULATION_PLANTS, population_rows), (_VEHICLE_PLANTS, vehicle_rows)):
        for name, residues in plants.items():
            found = sum(_occurrences(residue, rows) for residue in residues)
            counts[name] = found * 2 if name in _DUPLICATES else found
    return counts


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + "]"


def _pick(values: list[str], salt: int, index: str = "i") -> str:
    return f"{_sql_list(values)}[(rnd({index}, {salt}) % {len(values)}) + 1]"


def _fin(index: str) -> str:
    digits = [
        f"substr('{_FIN_ALPHABET}', CAST((fin_x({index}) // {34**power}) % 34 AS INTEGER) + 1, 1)"
        for power in range(6, -1, -1)
    ]
    return " || ".join(digits)


def _population_sql(rows: int, seed: int) -> str:
    plant = {name: residues[0] for name, residues in _POPULATION_PLANTS.items()}
    early, future = _POPULATION_PLANTS["birth_date_plausible"]
    weighted = " + ".join(f"{w} * d{k}" for k, w in enumerate(VOEN_WEIGHTS, start=1))
    digits = ", ".join(
        f"CAST((v8 // {10 ** (7 - k)}) % 10 AS INTEGER) AS d{k + 1}" for k in range(8)
    )
    return f"""
WITH base AS (
  SELECT range AS i, range % {_CYCLE} AS r FROM range({rows})
), voen_digits AS (
  SELECT *, {digits} FROM (SELECT *, rnd(i, 50) % 100000000 AS v8 FROM base)
), voen_sum AS (
  SELECT *, ({weighted}) % 11 AS s FROM voen_digits
), voen_fixed AS (
  -- A sum of 10 has no check digit: bump the eighth digit (weight 3), which moves it off 10.
  SELECT *,
    CASE WHEN s = 10 THEN v8 - d8 + (d8 + 1) % 10 ELSE v8 END AS v8_ok,
    CASE WHEN s = 10 THEN (s - 3 * d8 + 3 * ((d8 + 1) % 10) + 33) % 11 ELSE s END AS check_digit
  FROM voen_sum
), people AS (
  SELECT *,
    rnd(i, 1) % 2 = 0 AS man,
    CASE WHEN r = {early} THEN DATE '1890-01-01' + CAST(rnd(i, 2) % 3000 AS INTEGER)
         WHEN r = {future} THEN DATE '2100-01-01' + CAST(rnd(i, 2) % 1000 AS INTEGER)
         ELSE DATE '1925-01-01' + CAST(rnd(i, 2) % 34000 AS INTEGER) END AS birth
  FROM voen_fixed
), documents AS (
  SELECT *,
    CASE WHEN r = {plant["document_issued_after_birth"]}
         THEN birth - CAST(1 + rnd(i, 3) % 100 AS INTEGER)
         ELSE birth + CAST(5844 + rnd(i, 3) % 3000 AS INTEGER) END AS issued
  FROM people
)
SELECT
  CASE WHEN r = {plant["fin_present"]} THEN NULL
       WHEN r = {plant["fin_format"]} THEN {_fin("i")} || 'O'
       WHEN r = {plant["fin_unique"]} THEN {_fin("i - 1")}
       ELSE {_fin("i")} END AS fin,
  CASE WHEN r = {plant["surname_present"]} THEN ''
       ELSE {_pick(_SURNAMES, 4)} || CASE WHEN man THEN '' ELSE 'a' END END AS surname,
  CASE WHEN r = {plant["given_name_length"]} THEN 'A'
       WHEN man THEN {_pick(_MEN, 5)} ELSE {_pick(_WOMEN, 5)} END AS given_name,
  {_pick(_MEN, 6)} || CASE WHEN man THEN ' oğlu' ELSE ' qızı' END AS patronymic,
  birth AS birth_date,
  CASE WHEN r = {plant["gender_valid"]} THEN 'X' WHEN man THEN 'M' ELSE 'F' END AS gender,
  CASE WHEN r = {plant["region_valid"]} THEN 'ZZZ' ELSE {_pick(REGIONS, 7)} END AS region,
  CASE WHEN r = {plant["document_number_format"]}
       THEN 'AA' || lpad(CAST(rnd(i, 8) % 100000 AS VARCHAR), 5, '0')
       ELSE 'AA' || lpad(CAST((i * 7919 + {seed}) % 10000000 AS VARCHAR), 7, '0')
       END AS document_number,
  issued AS document_issued,
  CASE WHEN r = {plant["document_expiry_required"]} THEN NULL
       WHEN r = {plant["document_expiry_after_issue"]}
       THEN issued - CAST(1 + rnd(i, 9) % 100 AS INTEGER)
       ELSE issued + 3652 END AS document_expires,
  CASE WHEN r = {plant["voen_checksum"]}
       THEN lpad(CAST(v8_ok AS VARCHAR), 8, '0') || CAST((check_digit + 1) % 10 AS VARCHAR) || '2'
       WHEN i % 7 = 3
       THEN lpad(CAST(v8_ok AS VARCHAR), 8, '0') || CAST(check_digit AS VARCHAR) || '2'
       ELSE NULL END AS voen
FROM documents
ORDER BY i
"""


def _vehicles_sql(rows: int, population_rows: int, seed: int) -> str:
    plant = {name: residues[0] for name, residues in _VEHICLE_PLANTS.items()}
    blocks = population_rows // _CYCLE
    clean = _CYCLE - _CLEAN_FROM

    def plate(index: str, letters: str) -> str:
        k = f"(({index}) * 7919 + {seed * 13}) % {_PLATES}"
        return (
            f"lpad(CAST(({k}) // 676000 AS VARCHAR), 2, '0') || '-' || "
            f"{letters}(chr(CAST(65 + (({k}) // 1000 % 676) // 26 AS INTEGER)) || "
            f"chr(CAST(65 + (({k}) // 1000 % 676) % 26 AS INTEGER))) || '-' || "
            f"lpad(CAST(({k}) % 1000 AS VARCHAR), 3, '0')"
        )

    def vin(index: str) -> str:
        serial = f"(({index}) * 1000003 + {seed}) % 100000000000000"
        return f"'XW8' || lpad(CAST({serial} AS VARCHAR), 14, '0')"

    def registered(index: str) -> str:
        return f"DATE '2000-01-01' + CAST(rnd({index}, 21) % 9000 AS INTEGER)"

    owner_index = f"(rnd(j, 22) % {blocks}) * {_CYCLE} + {_CLEAN_FROM} + rnd(j, 23) % {clean}"
    return f"""
WITH base AS (SELECT range AS j, range % {_CYCLE} AS r FROM range({rows}))
SELECT
  CASE WHEN r = {plant["vin_unique"]} THEN {vin("j - 1")} ELSE {vin("j")} END AS vin,
  CASE WHEN r = {plant["plate_format"]} THEN {plate("j", "lower")}
       WHEN r = {plant["plate_registration_unique"]} THEN {plate("j - 1", "")}
       ELSE {plate("j", "")} END AS plate,
  CASE WHEN r = {plant["owner_present"]} THEN NULL
       WHEN r = {plant["owner_registered"]} THEN {_fin(f"{population_rows} + j")}
       ELSE {_fin(owner_index)} END AS owner_fin,
  {_pick(_MAKES, 24, "j")} AS make,
  CASE WHEN r = {plant["model_year_range"]} THEN 1800
       ELSE 1990 + rnd(j, 25) % 35 END AS model_year,
  CASE WHEN r = {plant["plate_registration_unique"]} THEN {registered("j - 1")}
       ELSE {registered("j")} END AS registered
FROM base
ORDER BY j
"""


def check_declarations(suffix: str) -> dict[str, Any]:
    """The ``checks.yaml`` that finds every planted error (19 checks, every kind)."""
    population = {
        "path": f"population.{suffix}",
        "key": ["fin"],
        "columns": {
            "fin": "string",
            "surname": "string",
            "given_name": "string",
            "patronymic": "string",
            "birth_date": "date",
            "gender": "string",
            "region": "string",
            "document_number": "string",
            "document_issued": "date",
            "document_expires": "date",
            "voen": "string",
        },
    }
    vehicles = {
        "path": f"vehicles.{suffix}",
        "key": ["vin"],
        "columns": {
            "vin": "string",
            "plate": "string",
            "owner_fin": "string",
            "make": "string",
            "model_year": "integer",
            "registered": "date",
        },
    }
    p, v = "population", "vehicles"
    checks: list[dict[str, Any]] = [
        {"name": "fin_present", "dataset": p, "not_null": "fin"},
        {"name": "fin_format", "dataset": p, "fin": "fin"},
        {"name": "fin_unique", "dataset": p, "unique": "fin"},
        {"name": "surname_present", "dataset": p, "not_empty": "surname"},
        {
            "name": "given_name_length",
            "dataset": p,
            "threshold": 0.01,
            "length": {"column": "given_name", "min": 2, "max": 40},
        },
        {
            "name": "gender_valid",
            "dataset": p,
            "in_set": {"column": "gender", "values": ["M", "F"]},
        },
        {
            "name": "region_valid",
            "dataset": p,
            "severity": "warning",
            "threshold": 0.005,
            "in_set": {"column": "region", "values": REGIONS},
        },
        {
            "name": "birth_date_plausible",
            "dataset": p,
            "dimension": "plausibility",
            "range": {"column": "birth_date", "min": "1900-01-01", "max": "today"},
        },
        {
            "name": "document_number_format",
            "dataset": p,
            "pattern": {"column": "document_number", "regex": "AA[0-9]{7}"},
        },
        {
            "name": "document_issued_after_birth",
            "dataset": p,
            "dimension": "plausibility",
            "rule": "document_issued > birth_date",
        },
        {
            "name": "document_expiry_required",
            "dataset": p,
            "required_if": {"column": "document_expires", "when": "document_number IS NOT NULL"},
        },
        {
            "name": "document_expiry_after_issue",
            "dataset": p,
            "rule": "document_expires > document_issued",
        },
        {"name": "voen_checksum", "dataset": p, "voen": "voen"},
        {"name": "owner_present", "dataset": v, "not_null": "owner_fin"},
        {
            "name": "owner_registered",
            "dataset": v,
            "foreign_key": {"columns": ["owner_fin"], "references": p, "to": ["fin"]},
        },
        {"name": "vin_unique", "dataset": v, "unique": "vin"},
        {
            "name": "plate_format",
            "dataset": v,
            "pattern": {"column": "plate", "regex": "[0-9]{2}-[A-Z]{2}-[0-9]{3}"},
        },
        {"name": "plate_registration_unique", "dataset": v, "unique": ["plate", "registered"]},
        {
            "name": "model_year_range",
            "dataset": v,
            "severity": "warning",
            "range": {"column": "model_year", "min": 1950, "max": 2030},
        },
    ]
    return {
        "registry": "population-registry",
        "version": 1,
        "description": "Synthetic population and vehicle registries (generated, not real people)",
        "datasets": {p: population, v: vehicles},
        "checks": checks,
    }


def generate_registries(
    folder: Path,
    *,
    rows: int,
    seed: int = 1,
    fmt: str = "parquet",
    vehicle_rows: int | None = None,
    threads: int | None = None,
) -> Generated:
    """Write ``population``, ``vehicles``, ``checks.yaml`` and ``planted.json`` into ``folder``."""
    import duckdb

    if rows < MIN_ROWS:
        raise DataQualityError(f"--rows must be at least {MIN_ROWS} (got {rows})", rows=rows)
    if fmt not in GENERATED_FORMATS:
        raise DataQualityError(f"format {fmt!r} is not one of parquet, csv", format=fmt)
    vehicles = vehicle_rows if vehicle_rows is not None else max(1, rows * 3 // 10)
    folder.mkdir(parents=True, exist_ok=True)
    config: dict[str, Any] = {"threads": threads} if threads else {}
    connection = duckdb.connect(":memory:", config=config)
    try:
        connection.execute("SET enable_progress_bar = false")
        mix = f"(i * 2654435761 + s * 97531 + {seed % 1000003} * 1000003) % 2147483647"
        connection.execute(f"CREATE MACRO rnd(i, s) AS (({mix}) * ({mix})) % 2147483647")
        offset = (seed * 7919) % _FIN_SPACE
        connection.execute(f"CREATE MACRO fin_x(idx) AS (idx * 1000003 + {offset}) % {_FIN_SPACE}")
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
        for name, sql in (
            ("population", _population_sql(rows, seed)),
            ("vehicles", _vehicles_sql(vehicles, rows, seed)),
        ):
            target = str(folder / f"{name}.{fmt}").replace("'", "''")
            connection.execute(f"COPY ({sql}) TO '{target}' ({options})")
    finally:
        connection.close()
    planted = planted_counts(rows, vehicles)
    declarations = check_declarations(fmt)
    (folder / "checks.yaml").write_text(
        yaml.safe_dump(declarations, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (folder / "planted.json").write_text(json.dumps(planted, indent=2) + "\n", encoding="utf-8")
    return Generated(folder=folder, population_rows=rows, vehicle_rows=vehicles, planted=planted)
