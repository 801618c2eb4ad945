"""Scoring a parsed plan against its gold annotation, by the rules of the gold README.

Measures are compared by number. Structure (number, lead, co-executors, period)
counts as right only when it matches exactly; titles and each result stage are
scored by token F1 after Azerbaijani case folding and joining of line-end
hyphenation; the numbers of the result cells by multiset F1; headline targets
exactly, per indicator. A gold measure the parser missed scores zero everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Any

from hedef.domain.core.text import az_casefold, join_hyphenated_lines, tokens
from hedef.domain.plans.model import RELEVANT_BODIES

__all__ = ["STRUCTURE_FIELDS", "TEXT_FIELDS", "format_scores", "score", "token_f1"]

STRUCTURE_FIELDS = ("number", "lead", "co_executors", "period")
TEXT_FIELDS = ("title", "initial", "interim", "final")


def token_f1(predicted: str, gold: str) -> float:
    """Token F1 of two texts after folding and hyphenation joining; two empty texts agree."""
    return _multiset_f1(
        tokens(join_hyphenated_lines(predicted)), tokens(join_hyphenated_lines(gold))
    )


def _multiset_f1(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> float:
    left, right = Counter(predicted), Counter(gold)
    if not left and not right:
        return 1.0
    common = sum((left & right).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(left.values()), common / sum(right.values())
    return 2 * precision * recall / (precision + recall)


def _executors(values: Iterable[str]) -> list[str]:
    """Executors as scored: folded, and every longer form of "aidiyyəti qurumlar" as itself."""
    folded = [az_casefold(value) for value in values]
    return [
        RELEVANT_BODIES if "aidiyyəti" in value.split()[:2] else value for value in folded if value
    ]


def _period(period: dict[str, Any]) -> tuple[Any, Any]:
    return period.get("start"), period.get("end")


def _measure_scores(predicted: dict[str, Any] | None, gold: dict[str, Any]) -> dict[str, float]:
    if predicted is None:
        return {name: 0.0 for name in (*STRUCTURE_FIELDS, *TEXT_FIELDS, "numbers")}
    return {
        "number": 1.0,
        "lead": float(_executors(predicted["lead"]) == _executors(gold["lead"])),
        "co_executors": float(
            _executors(predicted["co_executors"]) == _executors(gold["co_executors"])
        ),
        "period": float(_period(predicted["period"]) == _period(gold["period"])),
        "title": token_f1(predicted["title"], gold["title"]),
        **{
            stage: token_f1(predicted["results"][stage], gold["results"][stage])
            for stage in TEXT_FIELDS[1:]
        },
        "numbers": _multiset_f1(
            (float(n) for n in predicted["numbers_in_results"]),
            (float(n) for n in gold["numbers_in_results"]),
        ),
    }


def score(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Score a gold-shaped ``predicted`` plan against ``gold``.

    Returns a dictionary with ``measures`` (counts, recall, precision), ``fields``
    (the mean of each per-measure score over the gold measures), ``headline_targets``
    (share of gold indicators whose yearly targets match exactly) and ``per_measure``
    (each gold measure's scores, for finding what went wrong).
    """
    by_number = {measure["number"]: measure for measure in predicted["measures"]}
    gold_measures = gold["measures"]
    per_measure = {
        measure["number"]: _measure_scores(by_number.get(measure["number"]), measure)
        for measure in gold_measures
    }
    matched = sum(1 for measure in gold_measures if measure["number"] in by_number)
    names = (*STRUCTURE_FIELDS, *TEXT_FIELDS, "numbers")
    count = max(len(gold_measures), 1)
    return {
        "document": gold.get("document", ""),
        "measures": {
            "gold": len(gold_measures),
            "predicted": len(predicted["measures"]),
            "matched": matched,
            "recall": matched / count,
            "precision": matched / max(len(predicted["measures"]), 1),
        },
        "fields": {name: sum(s[name] for s in per_measure.values()) / count for name in names},
        "headline_targets": _headline_targets(predicted, gold),
        "per_measure": per_measure,
    }


def _headline_targets(predicted: dict[str, Any], gold: dict[str, Any]) -> float:
    """Share of gold indicators whose yearly targets the parser read exactly (1.0 if none)."""
    expected = gold.get("target_indicators", [])
    if not expected:
        return 1.0 if not predicted.get("target_indicators") else 0.0
    found = {item["number"]: item for item in predicted.get("target_indicators", [])}

    def targets(item: dict[str, Any]) -> dict[str, float]:
        return {str(year): float(value) for year, value in item["targets"].items()}

    exact = sum(
        1
        for item in expected
        if item["number"] in found and targets(found[item["number"]]) == targets(item)
    )
    return exact / len(expected)


def format_scores(scores: dict[str, Any]) -> str:
    """A plain-text table of ``scores`` as :func:`score` returns them."""
    measures = scores["measures"]
    lines = [
        f"{scores.get('document', '')}",
        f"  measures: gold {measures['gold']}, predicted {measures['predicted']}, "
        f"recall {measures['recall']:.3f}, precision {measures['precision']:.3f}",
        f"  {'field':<16}{'score':>8}",
    ]
    for name, value in scores["fields"].items():
        kind = "exact" if name in STRUCTURE_FIELDS else "token F1" if name in TEXT_FIELDS else "F1"
        lines.append(f"  {name:<16}{value:>8.3f}  {kind}")
    lines.append(f"  {'headline targets':<16}{scores['headline_targets']:>8.3f}  exact")
    return "\n".join(lines)
