"""Composite indices by the OECD/JRC Handbook on Constructing Composite Indicators.

An index is a YAML definition (indicators, directions, one choice per step,
rounding, ranking, groups, Monte Carlo settings) plus a column mapping for its
data tables. Nothing here knows any particular index: the EGDI and the agencies'
digital-readiness rating are two files in ``hedef/indices``.

Typical use::

    definition = load_index_definition(builtin_index_path("egdi"))
    table = read_table("EGOV_DATA_2022.csv", definition.columns)
    result = compute_index(definition, table, draws=1000, seed=7)
    result_to_json(result)
"""

from hedef.domain.evaluation.composite.definition import (
    ColumnMapping,
    GroupSpec,
    IndexDefinition,
    IndicatorSpec,
)
from hedef.domain.evaluation.composite.engine import IndexResult, IndexRow, compute_index
from hedef.domain.evaluation.composite.loading import (
    builtin_index_path,
    load_column_mapping,
    load_index_definition,
    parse_index_definition,
)
from hedef.domain.evaluation.composite.output import main, result_to_json
from hedef.domain.evaluation.composite.table import IndexTable, read_table, table_from_rows

__all__ = [
    "ColumnMapping",
    "GroupSpec",
    "IndexDefinition",
    "IndexResult",
    "IndexRow",
    "IndexTable",
    "IndicatorSpec",
    "builtin_index_path",
    "compute_index",
    "load_column_mapping",
    "load_index_definition",
    "main",
    "parse_index_definition",
    "read_table",
    "result_to_json",
    "table_from_rows",
]
