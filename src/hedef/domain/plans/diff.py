"""What changed between two editions of a strategy, measure by measure and field by field.

A new edition of a document (or an amending act) must never re-baseline silently:
the review screen shows this diff before a person accepts the new version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hedef.domain.plans import interchange
from hedef.domain.plans.model import Strategy

__all__ = ["FieldChange", "ItemChange", "PlanDiff", "plan_diff"]

MEASURE_FIELDS = ("title", "parent", "lead", "co_executors", "period", "results", "targets")
INDICATOR_FIELDS = ("name", "unit", "direction", "baseline", "targets", "cumulative", "responsible")
STRATEGY_FIELDS = ("title", "period", "act", "source", "version_label")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    number: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class PlanDiff:
    strategy: tuple[FieldChange, ...] = ()
    measures_added: tuple[str, ...] = ()
    measures_removed: tuple[str, ...] = ()
    measures_changed: tuple[ItemChange, ...] = ()
    indicators_added: tuple[str, ...] = ()
    indicators_removed: tuple[str, ...] = ()
    indicators_changed: tuple[ItemChange, ...] = ()
    acronyms_added: tuple[str, ...] = ()
    acronyms_removed: tuple[str, ...] = ()
    nodes_changed: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def _flatten(value: Any, prefix: str) -> dict[str, Any]:
    """Nested dictionaries as dotted keys, so a change names its exact field."""
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}.{key}"))
        return flat
    return {prefix: value}


def _field_changes(
    old: dict[str, Any], new: dict[str, Any], fields: tuple[str, ...]
) -> list[FieldChange]:
    changes = []
    for name in fields:
        before = _flatten(old.get(name), name)
        after = _flatten(new.get(name), name)
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                changes.append(FieldChange(key, before.get(key), after.get(key)))
    return changes


def _compare(
    old_items: list[dict[str, Any]], new_items: list[dict[str, Any]], fields: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[ItemChange, ...]]:
    old = {item["number"]: item for item in old_items}
    new = {item["number"]: item for item in new_items}
    added = tuple(number for number in new if number not in old)
    removed = tuple(number for number in old if number not in new)
    changed = []
    for number, item in new.items():
        if number in old:
            changes = _field_changes(old[number], item, fields)
            if changes:
                changed.append(ItemChange(number, tuple(changes)))
    return added, removed, tuple(changed)


def plan_diff(old: Strategy, new: Strategy) -> PlanDiff:
    """Differences from ``old`` to ``new``; empty when they say the same."""
    before = interchange.plan_to_dict(old)
    after = interchange.plan_to_dict(new)
    measures = _compare(before["measures"], after["measures"], MEASURE_FIELDS)
    indicators = _compare(before["indicators"], after["indicators"], INDICATOR_FIELDS)
    old_acronyms = {a["acronym"]: a["name"] for a in before["agencies"]}
    new_acronyms = {a["acronym"]: a["name"] for a in after["agencies"]}
    old_nodes = {n["number"]: n["title"] for n in before["goals"] + before["directions"]}
    new_nodes = {n["number"]: n["title"] for n in after["goals"] + after["directions"]}
    return PlanDiff(
        strategy=tuple(_field_changes(before["strategy"], after["strategy"], STRATEGY_FIELDS)),
        measures_added=measures[0],
        measures_removed=measures[1],
        measures_changed=measures[2],
        indicators_added=indicators[0],
        indicators_removed=indicators[1],
        indicators_changed=indicators[2],
        acronyms_added=tuple(a for a in new_acronyms if a not in old_acronyms),
        acronyms_removed=tuple(a for a in old_acronyms if a not in new_acronyms),
        nodes_changed=tuple(
            number
            for number in sorted(set(old_nodes) | set(new_nodes))
            if old_nodes.get(number) != new_nodes.get(number)
        ),
    )
