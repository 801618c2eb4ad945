"""Compile a check set, with SQLGlot, into the few queries that audit it, in any dialect.

The shape is the one that is fast on tens of millions of rows: every row-level check of
a dataset fused into one aggregate pass (``count(*) FILTER (WHERE <fails>)`` per check),
one ``GROUP BY … HAVING count(*) > 1`` per uniqueness key and one anti-join
(``NOT EXISTS``) per foreign key. The queries are built as SQLGlot expressions and
written out in the dialect of the engine (DuckDB, Spark, Trino, PostgreSQL); only
functions SQLGlot translates between those dialects are used, and predicates in
declarations (``rule``, ``required_if``) are refused when they call anything else.

Predicates are written in DuckDB's SQL (the embedded engine's, and the most lenient to
read); a failing row is one where the check's condition is *true*: a ``NULL`` outcome
(a missing value) is left to the completeness checks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError, SqlglotError

from hedef.domain.dataquality.checks import Check, CheckSet, Dataset
from hedef.domain.dataquality.errors import InvalidCheckSet

__all__ = [
    "DIALECTS",
    "FIN_REGEX",
    "VOEN_WEIGHTS",
    "AuditPlan",
    "Query",
    "compile_check_set",
    "fail_condition",
    "failing_rows_query",
    "predicate_columns",
    "validate_predicate",
]

DIALECTS = ("duckdb", "spark", "trino", "postgres")
SOURCE_DIALECT = "duckdb"
#: The personal identifier (FİN): seven digits and capital Latin letters, I and O left out.
FIN_REGEX = "^[0-9A-HJ-NP-Z]{7}$"
#: The VÖEN: ten digits, the ninth the weighted mod-11 check digit, the tenth 1 or 2.
VOEN_REGEX = "^[0-9]{8}[0-9][12]$"
VOEN_WEIGHTS = (4, 1, 8, 6, 2, 7, 5, 3)
#: Functions SQLGlot knows but does not translate (Spark fails on ``regexp_full_match``).
_UNPORTABLE = (exp.Anonymous, exp.RegexpFullMatch)


@dataclass(frozen=True)
class Query:
    """One query of an audit: its phase, the checks its result columns answer, its SQL tree.

    ``rows`` queries return ``total`` then one failing count per check; ``unique`` and
    ``foreign_key`` queries return the failing count of their one check.
    """

    phase: str
    dataset: str
    checks: tuple[str, ...]
    expression: exp.Expr

    def sql(self, dialect: str, *, pretty: bool = False) -> str:
        return render(self.expression, dialect, pretty=pretty)


@dataclass(frozen=True)
class AuditPlan:
    """The queries of a check set: row passes first, then uniqueness, then foreign keys."""

    check_set: CheckSet
    queries: tuple[Query, ...]

    def phase(self, name: str) -> list[Query]:
        return [query for query in self.queries if query.phase == name]

    def sql(self, dialect: str, *, pretty: bool = True) -> str:
        """Every query, each under a comment naming what it answers, ``;``-separated."""
        parts = []
        for query in self.queries:
            parts.append(
                f"-- {query.phase} {query.dataset}: {', '.join(query.checks)}\n"
                f"{query.sql(dialect, pretty=pretty)};"
            )
        return "\n\n".join(parts) + "\n"


def render(expression: exp.Expr, dialect: str, *, pretty: bool = False) -> str:
    if dialect not in DIALECTS:
        raise InvalidCheckSet(
            f"dialect {dialect!r} is not one of {', '.join(DIALECTS)}", dialect=dialect
        )
    return expression.sql(
        dialect=dialect, identify=True, pretty=pretty, unsupported_level=ErrorLevel.RAISE
    )


def compile_check_set(check_set: CheckSet) -> AuditPlan:
    """The audit of ``check_set``: one fused pass per dataset, one query per key and FK."""
    queries: list[Query] = []
    for dataset in _checked_datasets(check_set):
        row_checks = [c for c in check_set.checks if c.dataset == dataset.name and c.is_row_level]
        projections: list[exp.Expr] = [exp.alias_(exp.Count(this=exp.Star()), "total")]
        for check in row_checks:
            condition = fail_condition(check, dataset)
            counted = exp.Filter(
                this=exp.Count(this=exp.Star()), expression=exp.Where(this=condition)
            )
            projections.append(exp.alias_(counted, check.name))
        select = exp.select(*projections).from_(_table(dataset))
        queries.append(Query("rows", dataset.name, tuple(c.name for c in row_checks), select))
    for check in check_set.checks:
        if check.kind == "unique":
            dataset = check_set.datasets[check.dataset]
            queries.append(
                Query("unique", dataset.name, (check.name,), _duplicates(check, dataset))
            )
    for check in check_set.checks:
        if check.kind == "foreign_key":
            queries.append(
                Query("foreign_key", check.dataset, (check.name,), _orphans(check, check_set))
            )
    return AuditPlan(check_set=check_set, queries=tuple(queries))


def _checked_datasets(check_set: CheckSet) -> list[Dataset]:
    names: list[str] = []
    for check in check_set.checks:
        if check.dataset not in names:
            names.append(check.dataset)
    return [check_set.datasets[name] for name in names]


def _table(dataset: Dataset, alias: str | None = None) -> exp.Expr:
    table = exp.to_table(dataset.sql_name)
    return table.as_(alias) if alias else table


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table)


def _literal(value: object) -> exp.Expr:
    if value == "today":
        return exp.CurrentDate()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, datetime.date):
        return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.Type.DATE)
    if isinstance(value, int | float):
        return exp.Literal.number(value)
    return exp.Literal.string(str(value))


def _matches(column: exp.Expr, regex: str) -> exp.Expr:
    return exp.RegexpLike(this=column, expression=exp.Literal.string(regex))


def _whole(regex: str) -> str:
    """``regex`` anchored so that it must match the whole value, as declared checks mean it."""
    return f"^(?:{regex})$"


def fail_condition(check: Check, dataset: Dataset) -> exp.Expr:
    """The condition true on exactly the rows of ``dataset`` that fail the row-level ``check``."""
    if check.kind in {"unique", "foreign_key"}:
        raise InvalidCheckSet(f"check {check.name!r} is not a row-level check")
    column = _col(check.column) if check.columns else None
    if check.kind == "not_null":
        assert column is not None
        return column.is_(exp.null())
    if check.kind == "not_empty":
        assert column is not None
        return exp.or_(
            column.is_(exp.null()),
            exp.EQ(this=exp.Trim(this=column.copy()), expression=exp.Literal.string("")),
        )
    if check.kind == "required_if":
        assert column is not None and check.predicate is not None
        missing: exp.Expr = column.is_(exp.null())
        if dataset.columns[check.column] == "string":
            blank = exp.EQ(this=exp.Trim(this=column.copy()), expression=exp.Literal.string(""))
            missing = exp.or_(missing, blank)
        return exp.and_(exp.paren(_predicate(check.predicate)), exp.paren(missing))
    if check.kind == "pattern":
        assert column is not None and check.regex is not None
        return exp.not_(_matches(column, _whole(check.regex)))
    if check.kind == "fin":
        assert column is not None
        return exp.not_(_matches(column, FIN_REGEX))
    if check.kind == "in_set":
        assert column is not None
        return exp.not_(column.isin(*(_literal(value) for value in check.values)))
    if check.kind in {"range", "length"}:
        assert column is not None
        measured: exp.Expr = exp.Length(this=column) if check.kind == "length" else column
        outside: list[exp.Expr] = []
        if check.minimum is not None:
            outside.append(exp.LT(this=measured.copy(), expression=_literal(check.minimum)))
        if check.maximum is not None:
            outside.append(exp.GT(this=measured.copy(), expression=_literal(check.maximum)))
        return exp.or_(*outside) if len(outside) > 1 else outside[0]
    if check.kind == "voen":
        assert column is not None
        return exp.and_(exp.not_(column.copy().is_(exp.null())), exp.not_(_voen_valid(column)))
    if check.kind == "rule":
        assert check.predicate is not None
        return exp.not_(exp.paren(_predicate(check.predicate)))
    raise InvalidCheckSet(f"check {check.name!r}: unknown kind {check.kind!r}")


def _digit(column: exp.Expr, position: int) -> exp.Expr:
    piece = exp.Substring(
        this=column.copy(), start=exp.Literal.number(position), length=exp.Literal.number(1)
    )
    return exp.cast(piece, exp.DataType.Type.INT)


def _voen_valid(column: exp.Expr) -> exp.Expr:
    """True when the VÖEN's ninth digit is the weighted sum of the first eight, mod 11.

    The digits are only cast inside ``CASE`` once the shape is known to be ten digits, so
    engines that fail on a bad cast (Spark in ANSI mode, Trino, PostgreSQL) never see one.
    """
    weighted: exp.Expr = exp.Mul(
        this=exp.Literal.number(VOEN_WEIGHTS[0]), expression=_digit(column, 1)
    )
    for position, weight in enumerate(VOEN_WEIGHTS[1:], start=2):
        weighted = exp.Add(
            this=weighted,
            expression=exp.Mul(
                this=exp.Literal.number(weight), expression=_digit(column, position)
            ),
        )
    checksum = exp.EQ(
        this=exp.Mod(this=exp.paren(weighted), expression=exp.Literal.number(11)),
        expression=_digit(column, 9),
    )
    return exp.Case(
        ifs=[exp.If(this=_matches(column.copy(), VOEN_REGEX), true=checksum)],
        default=exp.false(),
    )


def _duplicates(check: Check, dataset: Dataset) -> exp.Expr:
    """Rows sharing their key with another row: ``GROUP BY key HAVING count(*) > 1``."""
    keys = [_col(name) for name in check.columns]
    present = exp.and_(*(key.copy().is_(exp.null()).not_() for key in keys))
    groups = (
        exp.select(*(key.copy() for key in keys), exp.alias_(exp.Count(this=exp.Star()), "n"))
        .from_(_table(dataset))
        .where(present)
        .group_by(*(key.copy() for key in keys))
        .having(exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1)))
    )
    failed = exp.Coalesce(this=exp.Sum(this=_col("n")), expressions=[exp.Literal.number(0)])
    return exp.select(exp.alias_(failed, "failed")).from_(groups.subquery("duplicates"))


def _orphan_condition(check: Check, check_set: CheckSet) -> exp.Expr:
    parent = check_set.datasets[str(check.references)]
    pairs = zip(check.referenced_columns, check.columns, strict=True)
    joined = exp.and_(*(exp.EQ(this=_col(p, "p"), expression=_col(c, "c")) for p, c in pairs))
    lookup = exp.select(exp.Literal.number(1)).from_(_table(parent, "p")).where(joined)
    present = exp.and_(*(_col(c, "c").is_(exp.null()).not_() for c in check.columns))
    return exp.and_(present, exp.not_(exp.Exists(this=lookup)))


def _orphans(check: Check, check_set: CheckSet) -> exp.Expr:
    """Rows whose reference finds nothing: one anti-join (``NOT EXISTS``)."""
    child = check_set.datasets[check.dataset]
    return (
        exp.select(exp.alias_(exp.Count(this=exp.Star()), "failed"))
        .from_(_table(child, "c"))
        .where(_orphan_condition(check, check_set))
    )


def failing_rows_query(check_set: CheckSet, check: Check) -> exp.Expr:
    """Every row failing ``check``, whole (keys included), without a cap, in key order."""
    dataset = check_set.datasets[check.dataset]
    order = [_col(name, "c") for name in (dataset.key or check.columns)]
    if check.kind == "unique":
        keys = [_col(name) for name in check.columns]
        present = exp.and_(*(key.copy().is_(exp.null()).not_() for key in keys))
        groups = (
            exp.select(*(key.copy() for key in keys))
            .from_(_table(dataset))
            .where(present)
            .group_by(*(key.copy() for key in keys))
            .having(exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1)))
        )
        joined = exp.and_(
            *(exp.EQ(this=_col(name, "c"), expression=_col(name, "d")) for name in check.columns)
        )
        order = [_col(name, "c") for name in check.columns] + [
            o for o in order if o.name not in check.columns
        ]
        return (
            exp.select(exp.Column(this=exp.Star(), table=exp.to_identifier("c")))
            .from_(_table(dataset, "c"))
            .join(groups.subquery("d"), on=joined)
            .order_by(*order)
        )
    if check.kind == "foreign_key":
        condition = _orphan_condition(check, check_set)
    else:
        condition = _qualify(fail_condition(check, dataset), "c")
    return (
        exp.select(exp.Column(this=exp.Star(), table=exp.to_identifier("c")))
        .from_(_table(dataset, "c"))
        .where(condition)
        .order_by(*order)
    )


def _qualify(condition: exp.Expr, alias: str) -> exp.Expr:
    qualified = condition.copy()
    for column in qualified.find_all(exp.Column):
        if not column.table:
            column.set("table", exp.to_identifier(alias))
    return qualified


def _predicate(text: str) -> exp.Expr:
    try:
        return sqlglot.parse_one(text, read=SOURCE_DIALECT)
    except (ParseError, SqlglotError) as error:
        raise InvalidCheckSet(f"the predicate {text!r} is not SQL ({error})") from None


def predicate_columns(text: str) -> set[str]:
    """The column names a predicate reads."""
    return {column.name for column in _predicate(text).find_all(exp.Column)}


def validate_predicate(text: str, dataset: Dataset, where: str) -> None:
    """Refuse a predicate naming unknown columns or calling functions that do not translate."""
    try:
        tree = sqlglot.parse_one(text, read=SOURCE_DIALECT)
    except (ParseError, SqlglotError) as error:
        first = str(error).splitlines()[0]
        raise InvalidCheckSet(f"{where}: the predicate {text!r} is not SQL ({first})") from None
    if isinstance(tree, exp.Query) or tree.find(exp.Select, exp.Subquery):
        raise InvalidCheckSet(f"{where}: a predicate reads one row; it has no subqueries")
    if tree.find(exp.AggFunc):
        raise InvalidCheckSet(f"{where}: a predicate reads one row; it has no aggregates")
    for node in tree.find_all(*_UNPORTABLE):
        name = node.name if isinstance(node, exp.Anonymous) else node.sql_name().lower()
        raise InvalidCheckSet(
            f"{where}: the function {name}() does not translate between SQL dialects; "
            "write the predicate with portable functions",
            function=name,
        )
    for column in tree.find_all(exp.Column):
        if column.name not in dataset.columns:
            raise InvalidCheckSet(
                f"{where}: the predicate names column {column.name!r}, which is not in "
                f"dataset {dataset.name!r} (columns: {', '.join(dataset.columns)})",
                column=column.name,
            )
    for dialect in DIALECTS:
        try:
            render(tree, dialect)
        except SqlglotError as error:
            raise InvalidCheckSet(
                f"{where}: the predicate {text!r} cannot be written for {dialect} ({error})"
            ) from None


def quote_all(names: Iterable[str], dialect: str) -> list[str]:
    """Column names quoted for ``dialect`` (for engines that build their own reads)."""
    return [render(exp.to_identifier(name, quoted=True), dialect) for name in names]
