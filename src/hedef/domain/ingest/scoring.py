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

__all__ = [
    "GOALS",
    "STRUCTURE_FIELDS",
    "TEXT_FIELDS",
    "flag_agreement",
    "format_scores",
    "meets_goals",
    "score",
    "token_f1",
]

STRUCTURE_FIELDS = ("number", "lead", "co_executors", "period")
TEXT_FIELDS = ("title", "initial", "interim", "final")
# The accuracy goals: the lowest acceptable mean of each field over the gold measures.
GOALS = {
    "number": 0.99,
    "lead": 0.99,
    "co_executors": 0.99,
    "period": 0.99,
    "title": 0.97,
    "initial": 0.90,
    "interim": 0.90,
    "final": 0.90,
}
# A result or title cell counts as read wrong, for judging the flags, below this F1.
_WRONG_TEXT = 0.9
# Which measure fields a flag's field points at.
_FLAGGED_FIELDS = {
    "lead": ("lead",),
    "co_executors": ("co_executors",),
    "period": ("period",),
    "title": ("title",),
    "results": ("initial", "interim", "final"),
    "results.initial": ("initial",),
    "results.interim": ("interim",),
    "results.final": ("final",),
}


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
        "document_fields": _document_fields(predicted, gold),
        "per_measure": per_measure,
    }


def _document_fields(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """The document's own title, period and approving act, each 1.0 when exactly right.

    The act counts only where the gold annotation states it.
    """
    title = " ".join(str(predicted.get("title", "")).split())
    act = 1.0
    if "act" in gold:
        act = float(predicted.get("act") == gold["act"])
    return {
        "title": float(title == " ".join(str(gold.get("title", "")).split())),
        "period": float(list(predicted.get("period", [])) == list(gold.get("period", []))),
        "act": act,
    }


def meets_goals(scores: dict[str, Any]) -> bool:
    """Whether a document's scores reach every accuracy goal (fields, targets, document)."""
    return (
        all(scores["fields"][name] >= goal for name, goal in GOALS.items())
        and scores["measures"]["precision"] >= GOALS["number"]
        and scores["headline_targets"] == 1.0
        and all(value == 1.0 for value in scores["document_fields"].values())
    )


def flag_agreement(
    flags: Iterable[Any], predicted: dict[str, Any], gold: dict[str, Any]
) -> dict[str, int]:
    """How the low-confidence flags of a reading line up with the fields it read wrong.

    A measure field is wrong when it is not exact (lead, co-executors, period) or
    scores under 0.9 token F1 (title, each result stage); a flag points at the
    fields its ``field`` names (``results`` at all three stages). Returns the counts
    of flagged fields, wrong fields and fields both flagged and wrong; precision is
    ``flagged_wrong / flagged`` and recall ``flagged_wrong / wrong``.
    """
    per_measure = score(predicted, gold)["per_measure"]
    wrong = {
        (number, name)
        for number, values in per_measure.items()
        for name, value in values.items()
        if name in _FIELDS_JUDGED and value < (1.0 if name in STRUCTURE_FIELDS else _WRONG_TEXT)
    }
    flagged = {
        (flag.measure, name)
        for flag in flags
        if flag.measure in per_measure
        for name in _FLAGGED_FIELDS.get(flag.field, ())
    }
    return {
        "flagged": len(flagged),
        "wrong": len(wrong),
        "flagged_wrong": len(flagged & wrong),
    }


_FIELDS_JUDGED = frozenset(name for names in _FLAGGED_FIELDS.values() for name in names)


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
    for name, value in scores.get("document_fields", {}).items():
        lines.append(f"  {'document ' + name:<16}{value:>8.3f}  exact")
    return "\n".join(lines)
