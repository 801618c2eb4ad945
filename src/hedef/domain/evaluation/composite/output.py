"""Plain JSON of an index result, and the one-call entry point of the command line.

``hedef index compute INDEX_FILE DATA_FILE --json`` is ``main(index_file,
data_file)`` printed as JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hedef.domain.evaluation.composite.engine import IndexResult, compute_index
from hedef.domain.evaluation.composite.loading import load_index_definition
from hedef.domain.evaluation.composite.table import read_table
from hedef.domain.evaluation.errors import InvalidIndexDefinition

__all__ = ["main", "result_to_json"]


def result_to_json(result: IndexResult) -> dict[str, Any]:
    """The result as JSON-ready plain data (lists, dicts, numbers, strings, ``None``)."""
    return {
        "index": result.index,
        "title": result.title,
        "edition": result.edition,
        "settings": dict(result.settings),
        "weights": dict(result.weights),
        "excluded": list(result.excluded),
        "uncertainty": {
            "draws": result.draws,
            "seed": result.seed,
            "alternatives": {key: list(value) for key, value in result.alternatives.items()},
            "variance_shares": dict(result.variance_shares),
            "mean_rank_shift": result.mean_rank_shift,
            "rank_shift_by_alternative": {
                name: dict(shifts) for name, shifts in result.rank_shift_by_alternative.items()
            },
        },
        "rows": [
            {
                "unit": row.unit,
                "score": row.score,
                "unrounded_score": row.unrounded_score,
                "rank": row.rank,
                "group": row.group,
                "group_label": row.group_label,
                "rank_interval": (
                    None
                    if row.rank_median is None
                    else {"p5": row.rank_p5, "median": row.rank_median, "p95": row.rank_p95}
                ),
            }
            for row in result.rows
        ],
    }


def main(
    index_file: str | Path,
    data_file: str | Path,
    *,
    edition: str | None = None,
    draws: int | None = None,
    seed: int | None = None,
) -> dict[str, Any]:
    """Load an index definition and a data table, compute the index, return its JSON.

    Raises:
        InvalidIndexDefinition: for a bad definition, or one without a column mapping.
        UnreadableTable: for a table that cannot be read through the mapping.
    """
    definition = load_index_definition(index_file)
    if definition.columns is None:
        raise InvalidIndexDefinition(
            "names no column mapping; add 'columns: <file>.yaml'", location=str(index_file)
        )
    table = read_table(data_file, definition.columns, edition=edition)
    return result_to_json(compute_index(definition, table, draws=draws, seed=seed))
