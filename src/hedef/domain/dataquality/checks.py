"""Check declarations: datasets with their schema and the checks that audit them, as data.

A check set is read from YAML (:func:`load_check_set`) or from a mapping
(:func:`parse_check_set`) and validated whole before anything runs: every message
names the check (or dataset) and the field at fault. The declaration format::

    registry: population-registry      # the registry the datasets belong to
    version: 3                         # the check set's version, kept with each run
    datasets:
      population:
        path: population.parquet       # an extract beside the data folder, or
        # table: registry.population   # a table where the SQL runs (PostgreSQL, Trino)
        key: [fin]
        columns: {fin: string, birth_date: date}
    checks:
      - name: fin_present
        dataset: population
        not_null: fin                  # the kind, with its arguments
        dimension: completeness        # optional: each kind has a default
        severity: error                # error (default) or warning
        threshold: 0                   # the failing ratio allowed (default 0)

Kinds and their arguments: ``not_null: COLUMN``, ``not_empty: COLUMN``,
``required_if: {column, when}``, ``pattern: {column, regex}`` (the whole value must
match), ``in_set: {column, values}``, ``range: {column, min, max}`` (numbers, ISO
dates or ``today``), ``length: {column, min, max}``, ``voen: COLUMN`` (tax number,
weighted mod-11), ``fin: COLUMN`` (personal identifier format), ``unique: COLUMN``
or ``[COLUMNS]``, ``foreign_key: {columns, references, to}``, ``rule: PREDICATE``
(any SQL predicate over one row, that must hold).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hedef.domain.dataquality.errors import InvalidCheckSet

__all__ = [
    "COLUMN_TYPES",
    "DIMENSIONS",
    "KINDS",
    "Check",
    "CheckSet",
    "Dataset",
    "load_check_set",
    "parse_check_set",
]

DIMENSIONS = (
    "completeness",
    "validity",
    "uniqueness",
    "integrity",
    "plausibility",
    "consistency",
)
SEVERITIES = ("error", "warning")
COLUMN_TYPES = ("string", "integer", "number", "date", "timestamp", "boolean")
FORMATS = ("parquet", "csv")

#: Each kind's dimension when the declaration names none.
KINDS: dict[str, str] = {
    "not_null": "completeness",
    "not_empty": "completeness",
    "required_if": "completeness",
    "pattern": "validity",
    "in_set": "validity",
    "range": "validity",
    "length": "validity",
    "voen": "validity",
    "fin": "validity",
    "unique": "uniqueness",
    "foreign_key": "integrity",
    "rule": "consistency",
}
#: Kinds computed in the one fused aggregate pass over their dataset.
ROW_KINDS = frozenset(KINDS) - {"unique", "foreign_key"}
_STRING_KINDS = frozenset({"not_empty", "pattern", "length", "voen", "fin"})
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Bound = int | float | datetime.date | str  # ``str`` only for "today"


@dataclass(frozen=True)
class Dataset:
    """One extract or table of a registry, with its declared schema."""

    name: str
    columns: Mapping[str, str]
    key: tuple[str, ...] = ()
    path: str | None = None
    table: str | None = None
    format: str = "parquet"
    registry: str = ""

    @property
    def sql_name(self) -> str:
        """The name the compiled SQL reads it by: its table, else the dataset's own name."""
        return self.table or self.name


@dataclass(frozen=True)
class Check:
    """One declared check: a kind with its arguments, a dimension, severity and threshold."""

    name: str
    dataset: str
    kind: str
    dimension: str
    severity: str = "error"
    threshold: float = 0.0
    columns: tuple[str, ...] = ()
    regex: str | None = None
    values: tuple[Any, ...] = ()
    minimum: Bound | None = None
    maximum: Bound | None = None
    predicate: str | None = None
    references: str | None = None
    referenced_columns: tuple[str, ...] = ()
    description: str = ""

    @property
    def column(self) -> str:
        return self.columns[0]

    @property
    def is_row_level(self) -> bool:
        return self.kind in ROW_KINDS


@dataclass(frozen=True)
class CheckSet:
    """A registry's datasets and the checks over them, in declaration order."""

    registry: str
    version: int
    datasets: Mapping[str, Dataset]
    checks: tuple[Check, ...]
    source: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)

    def check(self, name: str) -> Check:
        for check in self.checks:
            if check.name == name:
                return check
        known = ", ".join(c.name for c in self.checks)
        raise InvalidCheckSet(
            f"no check named {name!r} (the checks are: {known})", check=name, known=known
        )

    def audited_datasets(self) -> list[Dataset]:
        """Every dataset a check reads, the referenced ones of foreign keys included."""
        names: list[str] = []
        for check in self.checks:
            for name in (check.dataset, check.references):
                if name and name not in names:
                    names.append(name)
        return [self.datasets[name] for name in names]

    def audited_columns(self, dataset: str) -> list[str]:
        """The columns of ``dataset`` any check reads, in schema order."""
        from hedef.domain.dataquality.compiler import predicate_columns

        used: set[str] = set()
        for check in self.checks:
            if check.dataset == dataset:
                used.update(check.columns)
                for text in (check.predicate,):
                    if text:
                        used.update(predicate_columns(text))
            if check.references == dataset:
                used.update(check.referenced_columns)
        return [name for name in self.datasets[dataset].columns if name in used]


def load_check_set(path: Path) -> CheckSet:
    """Read and validate the check set in the YAML file ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidCheckSet(f"{path}: no such file", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidCheckSet(f"{path}: cannot be read ({error})", file=str(path)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise InvalidCheckSet(
            f"{path}{where}: not valid YAML ({getattr(error, 'problem', error)})",
            file=str(path),
        ) from None
    return parse_check_set(data, source=str(path))


def parse_check_set(data: object, *, source: str = "check set") -> CheckSet:
    """Validate the declaration ``data`` (parsed YAML) into a :class:`CheckSet`."""
    if not isinstance(data, Mapping):
        raise InvalidCheckSet(f"{source}: expected a mapping with datasets and checks")
    unknown = set(data) - {"registry", "version", "datasets", "checks", "description"}
    if unknown:
        raise InvalidCheckSet(f"{source}: unknown field {sorted(unknown)[0]!r}", source=source)
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidCheckSet(f"{source}: version must be a positive whole number")
    registry = data.get("registry", "")
    if not isinstance(registry, str):
        raise InvalidCheckSet(f"{source}: registry must be a name")
    raw_datasets = data.get("datasets")
    if not isinstance(raw_datasets, Mapping) or not raw_datasets:
        raise InvalidCheckSet(f"{source}: datasets must map each dataset's name to its schema")
    datasets = {
        str(name): _dataset(str(name), spec, registry, source)
        for name, spec in raw_datasets.items()
    }
    raw_checks = data.get("checks")
    if not isinstance(raw_checks, Sequence) or isinstance(raw_checks, str) or not raw_checks:
        raise InvalidCheckSet(f"{source}: checks must be a list of checks")
    checks: list[Check] = []
    for position, spec in enumerate(raw_checks, start=1):
        check = _check(position, spec, datasets, source)
        if any(existing.name == check.name for existing in checks):
            raise InvalidCheckSet(
                f"{source}: check {check.name!r}: the name is used twice", check=check.name
            )
        checks.append(check)
    return CheckSet(
        registry=registry,
        version=version,
        datasets=datasets,
        checks=tuple(checks),
        source=source,
        raw=dict(data),
    )


def _dataset(name: str, spec: object, registry: str, source: str) -> Dataset:
    where = f"{source}: dataset {name!r}"
    if not _NAME.match(name):
        raise InvalidCheckSet(f"{where}: a name is lower-case letters, digits and _")
    if not isinstance(spec, Mapping):
        raise InvalidCheckSet(f"{where}: expected a mapping with path or table, and columns")
    unknown = set(spec) - {"path", "table", "format", "key", "columns", "registry"}
    if unknown:
        raise InvalidCheckSet(f"{where}: unknown field {sorted(unknown)[0]!r}", dataset=name)
    path, table = spec.get("path"), spec.get("table")
    if (path is None) == (table is None):
        raise InvalidCheckSet(f"{where}: give exactly one of path and table", dataset=name)
    if path is not None and not isinstance(path, str):
        raise InvalidCheckSet(f"{where}: path must be a file name", dataset=name)
    if table is not None and not (
        isinstance(table, str) and all(_COLUMN.match(part) for part in table.split("."))
    ):
        raise InvalidCheckSet(f"{where}: table must be a [schema.]name", dataset=name)
    fmt = spec.get("format") or (Path(path).suffix.lstrip(".").lower() if path else "parquet")
    if fmt not in FORMATS:
        raise InvalidCheckSet(
            f"{where}: format {fmt!r} is not one of {', '.join(FORMATS)}", dataset=name
        )
    columns = spec.get("columns")
    if not isinstance(columns, Mapping) or not columns:
        raise InvalidCheckSet(f"{where}: columns must map each column to its type", dataset=name)
    for column, kind in columns.items():
        if not isinstance(column, str) or not _COLUMN.match(column):
            raise InvalidCheckSet(f"{where}: column {column!r} is not a plain name")
        if kind not in COLUMN_TYPES:
            raise InvalidCheckSet(
                f"{where}: column {column!r} has type {kind!r}, not one of "
                f"{', '.join(COLUMN_TYPES)}",
                dataset=name,
                column=column,
            )
    key = _names(spec.get("key", ()), f"{where}: key")
    for column in key:
        if column not in columns:
            raise InvalidCheckSet(f"{where}: key column {column!r} is not among its columns")
    return Dataset(
        name=name,
        columns={str(k): str(v) for k, v in columns.items()},
        key=key,
        path=path,
        table=table,
        format=fmt,
        registry=str(spec.get("registry") or registry),
    )


def _names(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise InvalidCheckSet(f"{where}: expected a column name or a list of them")


_COMMON = {"name", "dataset", "dimension", "severity", "threshold", "description"}


def _check(position: int, spec: object, datasets: Mapping[str, Dataset], source: str) -> Check:
    if not isinstance(spec, Mapping):
        raise InvalidCheckSet(f"{source}: check {position}: expected a mapping")
    name = spec.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise InvalidCheckSet(
            f"{source}: check {position}: name must be lower-case letters, digits and _"
        )
    where = f"{source}: check {name!r}"
    kinds = [key for key in spec if key in KINDS]
    unknown = set(spec) - _COMMON - set(KINDS)
    if unknown:
        raise InvalidCheckSet(
            f"{where}: unknown field {sorted(unknown)[0]!r} (kinds: {', '.join(KINDS)})",
            check=name,
        )
    if len(kinds) != 1:
        raise InvalidCheckSet(
            f"{where}: give exactly one kind of {', '.join(KINDS)}", check=name, kinds=kinds
        )
    kind = kinds[0]
    dataset_name = spec.get("dataset")
    if dataset_name not in datasets:
        raise InvalidCheckSet(
            f"{where}: dataset {dataset_name!r} is not declared (datasets: {', '.join(datasets)})",
            check=name,
            dataset=dataset_name,
        )
    dataset = datasets[str(dataset_name)]
    dimension = spec.get("dimension", KINDS[kind])
    if dimension not in DIMENSIONS:
        raise InvalidCheckSet(
            f"{where}: dimension {dimension!r} is not one of {', '.join(DIMENSIONS)}", check=name
        )
    severity = spec.get("severity", "error")
    if severity not in SEVERITIES:
        raise InvalidCheckSet(f"{where}: severity must be error or warning", check=name)
    threshold = spec.get("threshold", 0)
    if (
        not isinstance(threshold, int | float)
        or isinstance(threshold, bool)
        or not 0 <= threshold <= 1
    ):
        raise InvalidCheckSet(f"{where}: threshold must be a ratio from 0 to 1", check=name)
    fields: dict[str, Any] = _kind_fields(kind, spec[kind], where, dataset, datasets)
    check = Check(
        name=name,
        dataset=dataset.name,
        kind=kind,
        dimension=str(dimension),
        severity=str(severity),
        threshold=float(threshold),
        description=str(spec.get("description", "")),
        **fields,
    )
    for column in check.columns:
        _column_of(dataset, column, where)
    if kind in _STRING_KINDS and dataset.columns[check.column] != "string":
        raise InvalidCheckSet(
            f"{where}: column {check.column!r} is {dataset.columns[check.column]}; "
            f"{kind} reads text",
            check=name,
            column=check.column,
        )
    return check


def _column_of(dataset: Dataset, column: str, where: str) -> str:
    if column not in dataset.columns:
        raise InvalidCheckSet(
            f"{where}: column {column!r} is not in dataset {dataset.name!r} "
            f"(columns: {', '.join(dataset.columns)})",
            column=column,
            dataset=dataset.name,
        )
    return dataset.columns[column]


def _argument(args: object, key: str, where: str, kind: str) -> Any:
    if not isinstance(args, Mapping) or key not in args:
        raise InvalidCheckSet(f"{where}: {kind} needs {key}")
    return args[key]


def _kind_fields(
    kind: str, args: object, where: str, dataset: Dataset, datasets: Mapping[str, Dataset]
) -> dict[str, Any]:
    from hedef.domain.dataquality.compiler import validate_predicate

    if kind in {"not_null", "not_empty", "voen", "fin"}:
        if not isinstance(args, str):
            raise InvalidCheckSet(f"{where}: {kind} takes one column name")
        return {"columns": (args,)}
    if kind == "unique":
        return {"columns": _names(args, f"{where}: unique")}
    if kind == "rule":
        if not isinstance(args, str) or not args.strip():
            raise InvalidCheckSet(f"{where}: rule takes an SQL predicate")
        validate_predicate(args, dataset, where)
        return {"predicate": args}
    if isinstance(args, Mapping):
        allowed = {
            "required_if": {"column", "when"},
            "pattern": {"column", "regex"},
            "in_set": {"column", "values"},
            "range": {"column", "min", "max"},
            "length": {"column", "min", "max"},
            "foreign_key": {"columns", "references", "to"},
        }[kind]
        extra = set(args) - allowed
        if extra:
            raise InvalidCheckSet(f"{where}: {kind} has no field {sorted(extra)[0]!r}")
    if kind == "foreign_key":
        columns = _names(_argument(args, "columns", where, kind), f"{where}: columns")
        assert isinstance(args, Mapping)
        references = args.get("references")
        if references not in datasets:
            raise InvalidCheckSet(
                f"{where}: references {references!r}, which is not a declared dataset "
                f"(datasets: {', '.join(datasets)})",
                dataset=references,
            )
        parent = datasets[str(references)]
        to = _names(args.get("to", parent.key), f"{where}: to")
        if len(to) != len(columns):
            raise InvalidCheckSet(
                f"{where}: {len(columns)} columns refer to {len(to)} columns of "
                f"{parent.name!r} (give to: with as many)"
            )
        for column in to:
            _column_of(parent, column, where)
        return {"columns": columns, "references": parent.name, "referenced_columns": to}
    column = _argument(args, "column", where, kind)
    if not isinstance(column, str):
        raise InvalidCheckSet(f"{where}: column must be a column name")
    column_type = _column_of(dataset, column, where)
    assert isinstance(args, Mapping)
    if kind == "required_if":
        when = _argument(args, "when", where, kind)
        if not isinstance(when, str):
            raise InvalidCheckSet(f"{where}: when must be an SQL predicate")
        validate_predicate(when, dataset, where)
        return {"columns": (column,), "predicate": when}
    if kind == "pattern":
        regex = _argument(args, "regex", where, kind)
        if not isinstance(regex, str):
            raise InvalidCheckSet(f"{where}: regex must be text")
        try:
            re.compile(regex)
        except re.error as error:
            raise InvalidCheckSet(
                f"{where}: the regular expression {regex!r} does not compile ({error})",
                regex=regex,
            ) from None
        return {"columns": (column,), "regex": regex}
    if kind == "in_set":
        values = _argument(args, "values", where, kind)
        if not isinstance(values, Sequence) or isinstance(values, str) or not values:
            raise InvalidCheckSet(f"{where}: values must be a list")
        return {
            "columns": (column,),
            "values": tuple(_typed(value, column_type, where, "values") for value in values),
        }
    # range and length
    minimum, maximum = args.get("min"), args.get("max")
    if minimum is None and maximum is None:
        raise InvalidCheckSet(f"{where}: {kind} needs min, max or both")
    bound_type = "integer" if kind == "length" else column_type
    if kind == "range" and column_type not in {"integer", "number", "date", "timestamp"}:
        raise InvalidCheckSet(f"{where}: range needs a numeric or date column, not {column!r}")
    low = None if minimum is None else _typed(minimum, bound_type, where, "min")
    high = None if maximum is None else _typed(maximum, bound_type, where, "max")
    return {"columns": (column,), "minimum": low, "maximum": high}


def _typed(value: object, column_type: str, where: str, field_name: str) -> Any:
    """``value`` as the column's type would hold it, or an error naming the field."""
    if column_type in {"integer", "number"}:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidCheckSet(f"{where}: {field_name} {value!r} is not a number")
        if column_type == "integer" and not float(value).is_integer():
            raise InvalidCheckSet(f"{where}: {field_name} {value!r} is not a whole number")
        return value
    if column_type in {"date", "timestamp"}:
        if value == "today":
            return "today"
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise InvalidCheckSet(
                f"{where}: {field_name} {value!r} is not a date (YYYY-MM-DD or today)"
            ) from None
    if column_type == "boolean":
        if not isinstance(value, bool):
            raise InvalidCheckSet(f"{where}: {field_name} {value!r} is not true or false")
        return value
    if not isinstance(value, str | int):
        raise InvalidCheckSet(f"{where}: {field_name} {value!r} is not text")
    return str(value)
