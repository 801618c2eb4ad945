"""Reads for the review screen: the parsed plan laid out field by field, and its diff."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hedef.domain.ingest.review import format_targets
from hedef.domain.plans import interchange
from hedef.domain.plans.diff import PlanDiff, plan_diff
from hedef.ingest.models import ReviewDraft
from hedef.plans.models import Strategy
from hedef.plans.selectors import version_to_plan


@dataclass
class ReviewField:
    path: str
    label: str
    value: str
    flagged: str = ""  # the parser's doubt, when it had one
    multiline: bool = False


@dataclass
class ReviewMeasure:
    index: int
    number: str
    fields: list[ReviewField]
    source: list[tuple[int, str]] = field(default_factory=list)
    flagged: bool = False


def _flag_index(draft: ReviewDraft) -> dict[tuple[str | None, str], str]:
    return {(f["measure"], f["field"]): f["reason"] for f in draft.flags}


def review_measures(draft: ReviewDraft, labels: dict[str, str]) -> list[ReviewMeasure]:
    flags = _flag_index(draft)
    lines = draft.source_text.splitlines()
    rows = []
    for index, measure in enumerate(draft.plan["measures"]):
        number = measure["number"]

        def flag(name: str, number: str = number) -> str:
            return flags.get((number, name), "")

        fields = [
            ReviewField(f"measures.{index}.number", labels["number"], number, flag("number")),
            ReviewField(
                f"measures.{index}.title", labels["title"], measure["title"], flag("title"), True
            ),
            ReviewField(
                f"measures.{index}.lead", labels["lead"], ", ".join(measure["lead"]), flag("lead")
            ),
            ReviewField(
                f"measures.{index}.co_executors",
                labels["co_executors"],
                ", ".join(measure["co_executors"]),
                flag("co_executors"),
            ),
            ReviewField(
                f"measures.{index}.period.text",
                labels["period"],
                measure["period"]["text"],
                flag("period"),
            ),
            ReviewField(
                f"measures.{index}.period.start",
                labels["start"],
                "" if measure["period"]["start"] is None else str(measure["period"]["start"]),
                flag("period"),
            ),
            ReviewField(
                f"measures.{index}.period.end",
                labels["end"],
                "" if measure["period"]["end"] is None else str(measure["period"]["end"]),
                flag("period"),
            ),
        ]
        for stage in ("initial", "interim", "final"):
            fields.append(
                ReviewField(
                    f"measures.{index}.results.{stage}",
                    labels[stage],
                    measure["results"][stage],
                    flag(f"results.{stage}"),
                    True,
                )
            )
        span = draft.source_lines.get(number)
        source = []
        if span and lines:
            first, last = span
            source = [(n, lines[n - 1]) for n in range(first, min(last, len(lines)) + 1)]
        rows.append(
            ReviewMeasure(
                index=index,
                number=number,
                fields=fields,
                source=source,
                flagged=any(f.flagged for f in fields),
            )
        )
    return rows


def review_indicators(draft: ReviewDraft) -> list[dict[str, Any]]:
    flags = _flag_index(draft)
    rows = []
    for index, indicator in enumerate(draft.plan["indicators"]):
        baseline = indicator.get("baseline") or {}
        rows.append(
            {
                "index": index,
                "indicator": indicator,
                "targets": format_targets(indicator["targets"]),
                "baseline_value": "" if baseline.get("value") is None else baseline["value"],
                "baseline_year": baseline.get("year") or "",
                "flag": flags.get((None, f"indicator:{indicator['number']}"), ""),
            }
        )
    return rows


def document_flags(draft: ReviewDraft) -> list[dict[str, Any]]:
    return [f for f in draft.flags if f["measure"] is None]


def draft_diff(draft: ReviewDraft) -> tuple[Strategy | None, PlanDiff | None]:
    """The diff against the strategy's current version, when the strategy is known."""
    strategy = Strategy.objects.filter(code=draft.code, current_version__isnull=False).first()
    if strategy is None:
        return None, None
    current = version_to_plan(strategy.current_version)
    return strategy, plan_diff(current, interchange.plan_from_dict(draft.plan))
