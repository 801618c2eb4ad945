"""A parsed plan in the shape of the gold annotations, for scoring and for review.

The shape is the one of ``shared/gold/README.md``: measures carry their results as
text per stage and ``numbers_in_results``, every number of the result cells in
order, where a cell merged across stages (the same text in neighbouring stages)
is counted once, as the annotators did.
"""

from __future__ import annotations

from typing import Any

from hedef.domain.ingest.model import ParsedPlan
from hedef.domain.plans.model import Measure, Stage
from hedef.domain.plans.targets import numbers_in

__all__ = ["to_gold"]


def to_gold(parsed: ParsedPlan) -> dict[str, Any]:
    """The parsed plan as a gold-shaped dictionary (JSON-ready)."""
    strategy = parsed.strategy
    notes: dict[str, list[str]] = {}
    for flag in parsed.flags:
        if flag.measure is not None:
            notes.setdefault(flag.measure, []).append(flag.reason)
    return {
        "document": strategy.source.file_name if strategy.source else "",
        "title": strategy.title,
        "period": [strategy.period_start, strategy.period_end],
        "act": (
            {"kind": strategy.act.kind, "number": strategy.act.number, "date": strategy.act.date}
            if strategy.act
            else None
        ),
        "agencies": [{"acronym": a.acronym, "name": a.name} for a in strategy.agencies],
        "goals": [{"number": n.number, "title": n.title} for n in strategy.goals],
        "directions": [{"number": n.number, "title": n.title} for n in strategy.directions],
        "target_indicators": [
            {
                "number": indicator.number,
                "name": indicator.name,
                "unit": indicator.unit,
                "targets": {str(year): _plain(value) for year, value in indicator.targets.items()},
            }
            for indicator in strategy.indicators
        ],
        "measures": [
            _measure(measure, notes.get(measure.number, [])) for measure in strategy.measures
        ],
    }


def _measure(measure: Measure, notes: list[str]) -> dict[str, Any]:
    period = measure.period
    return {
        "number": measure.number,
        "title": measure.title,
        "lead": list(measure.lead),
        "co_executors": list(measure.co_executors),
        "period": {"start": period.start, "end": period.end, "text": period.text},
        "results": {stage.value: measure.results.get(stage, "") for stage in Stage},
        "numbers_in_results": numbers_in_results(measure),
        "notes": " ".join(notes),
    }


def numbers_in_results(measure: Measure) -> list[int | float]:
    """Every number of the result cells in order; a cell repeated across stages counts once."""
    numbers: list[int | float] = []
    previous = None
    for stage in Stage:
        text = measure.results.get(stage, "")
        if text and text != previous:
            numbers.extend(_plain(value) for value in numbers_in(text))
        previous = text
    return numbers


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
