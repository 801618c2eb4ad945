"""Applying a reviewer's corrections to a parsed plan.

The review screen shows every field of the parsed plan as an editable value named
by its path ("measures.3.lead", "indicators.0.targets", "strategy.title"). This
module turns those strings back into the interchange structure, re-reads the
numeric targets of any result text that changed, and validates the whole plan
with the interchange schema, so a correction can never produce an invalid plan.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from hedef.domain.core.i18n import gettext as _
from hedef.domain.plans import interchange
from hedef.domain.plans.model import Stage, Strategy
from hedef.domain.plans.targets import targets_in

__all__ = ["ReviewError", "apply_edits", "field_value", "format_targets", "parse_targets"]

LIST_FIELDS = {"lead", "co_executors"}
INT_FIELDS = {"period.start", "period.end", "baseline.year"}
_YEAR_VALUE = re.compile(r"^\s*(\d{4})\s*[:=]\s*(-?[\d.,]+)\s*$")


class ReviewError(interchange.InterchangeError):
    """A correction that cannot be applied; ``location`` is the field path."""


def format_targets(targets: dict[str, Any]) -> str:
    """Yearly targets as one editable line: "2026: 50; 2027: 100"."""
    return "; ".join(f"{year}: {value}" for year, value in targets.items())


def parse_targets(text: str, path: str) -> dict[str, int | float]:
    targets: dict[str, int | float] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = _YEAR_VALUE.match(part)
        if not match:
            raise ReviewError(
                _("Write yearly targets as “2026: 50; 2027: 100”, not “%(text)s”.")
                % {"text": part},
                path,
            )
        value = float(match.group(2).replace(",", "."))
        targets[match.group(1)] = int(value) if value.is_integer() else value
    return targets


def field_value(plan: dict[str, Any], path: str) -> str:
    """The current value at ``path``, as the review screen shows it."""
    value: Any = plan
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value.get(part)
        if value is None:
            return ""
    if path.endswith(".targets") and isinstance(value, dict):
        return format_targets(value)
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def _convert(path: str, raw: str) -> Any:
    leaf = path.split(".", 2)[-1] if path.count(".") >= 2 else path
    text = raw.strip()
    if leaf in LIST_FIELDS:
        return [item.strip() for item in text.split(",") if item.strip()]
    if leaf in INT_FIELDS:
        if not text:
            return None
        if not re.fullmatch(r"\d{4}", text):
            raise ReviewError(_("“%(value)s” is not a year.") % {"value": raw}, path)
        return int(text)
    if leaf == "baseline.value":
        if not text:
            return None
        try:
            return float(text.replace(",", "."))
        except ValueError as error:
            raise ReviewError(_("“%(value)s” is not a number.") % {"value": raw}, path) from error
    if leaf == "targets" and path.startswith("indicators."):
        return parse_targets(text, path)
    if leaf == "cumulative":
        return text.lower() in {"1", "true", "yes", "on", "bəli"}
    return " ".join(text.split()) if leaf != "notes" else text


def _assign(plan: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    target: Any = plan
    for part in parts[:-1]:
        key: Any = int(part) if isinstance(target, list) else part
        try:
            target = target[key]
        except (IndexError, KeyError, TypeError, ValueError) as error:
            raise ReviewError(_("There is no such field."), path) from error
    if not isinstance(target, (dict, list)):
        raise ReviewError(_("There is no such field."), path)
    last: Any = int(parts[-1]) if isinstance(target, list) else parts[-1]
    target[last] = value


def apply_edits(plan: dict[str, Any], edits: dict[str, str]) -> tuple[dict[str, Any], Strategy]:
    """``plan`` with ``edits`` applied, and the validated strategy it describes."""
    edited = copy.deepcopy(plan)
    changed_measures: set[int] = set()
    for path, raw in edits.items():
        if path.startswith("strategy.period."):
            continue  # years of the whole plan: checked together below
        if _unchanged(plan, path, raw):
            continue
        value = _convert(path, raw)
        if path.startswith("indicators.") and path.endswith(".baseline.value"):
            _set_baseline(edited, path, value)
            continue
        if path.startswith("indicators.") and path.endswith(".baseline.year"):
            _set_baseline(edited, path, value, year=True)
            continue
        _assign(edited, path, value)
        if path.startswith("measures.") and ".results." in path:
            changed_measures.add(int(path.split(".")[1]))
    for index in changed_measures:
        _refresh_targets(edited["measures"][index])
    _refresh_strategy_period(edited, edits)
    try:
        strategy = interchange.plan_from_dict(edited)
    except interchange.InterchangeError as error:
        raise ReviewError(error.message, error.location.replace("/", ".")) from error
    return edited, strategy


def _unchanged(plan: dict[str, Any], path: str, raw: str) -> bool:
    try:
        return field_value(plan, path) == raw.strip()
    except (IndexError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise ReviewError(_("There is no such field."), path) from error


def _set_baseline(plan: dict[str, Any], path: str, value: Any, *, year: bool = False) -> None:
    indicator = plan["indicators"][int(path.split(".")[1])]
    baseline = indicator.get("baseline") or {}
    baseline["year" if year else "value"] = value
    indicator["baseline"] = baseline if baseline.get("value") is not None else None


def _refresh_targets(measure: dict[str, Any]) -> None:
    """Re-read the numeric targets of a measure whose result texts were corrected."""
    seen: set[str] = set()
    targets = []
    for stage in Stage:
        text = measure["results"][stage.value]
        if text in seen:  # a cell merged across stages states its targets once
            continue
        seen.add(text)
        for target in targets_in(text, stage):
            targets.append(
                {
                    "stage": target.stage.value,
                    "comparator": target.comparator.value,
                    "value": int(target.value) if target.value.is_integer() else target.value,
                    "upper": (
                        None
                        if target.upper is None
                        else int(target.upper)
                        if target.upper.is_integer()
                        else target.upper
                    ),
                    "unit": target.unit,
                    "phrase": target.phrase,
                }
            )
    measure["targets"] = targets


def _refresh_strategy_period(plan: dict[str, Any], edits: dict[str, str]) -> None:
    for index, key in enumerate(("strategy.period.0", "strategy.period.1")):
        if key in edits and edits[key].strip():
            text = edits[key].strip()
            if not re.fullmatch(r"\d{4}", text):
                raise ReviewError(_("“%(value)s” is not a year.") % {"value": text}, key)
            plan["strategy"]["period"][index] = int(text)
