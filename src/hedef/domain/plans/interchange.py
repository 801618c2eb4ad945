"""The plan interchange format: a strategy as versioned, schema-checked JSON.

The format is documented by ``schemas/plan-1.0.schema.json``. Writing is canonical
(fixed key order, integers where a number is whole) so that export → import →
export is byte-identical.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema

from hedef.domain.core.i18n import gettext as _
from hedef.domain.plans.model import (
    AgencyAlias,
    ApprovingAct,
    Comparator,
    Direction,
    HeadlineIndicator,
    Measure,
    NumericTarget,
    Period,
    PlanNode,
    SourceDocument,
    Stage,
    Strategy,
    parent_number,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "InterchangeError",
    "dumps",
    "loads",
    "plan_from_dict",
    "plan_schema",
    "plan_to_dict",
]

FORMAT = "hedef.plan"
FORMAT_VERSION = "1.0"


class InterchangeError(ValueError):
    """A plan file that cannot be read; ``location`` names the field at fault."""

    def __init__(self, message: str, location: str = "") -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.message = message
        self.location = location


def plan_schema() -> dict[str, Any]:
    text = (
        resources.files("hedef.domain.plans").joinpath("schemas/plan-1.0.schema.json").read_text()
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def plan_to_dict(strategy: Strategy) -> dict[str, Any]:
    """The interchange form of ``strategy``, keys in canonical order."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "strategy": {
            "code": strategy.code,
            "title": strategy.title,
            "period": [strategy.period_start, strategy.period_end],
            "version_label": strategy.version_label,
            "source": (
                {"file_name": strategy.source.file_name, "sha256": strategy.source.sha256}
                if strategy.source
                else None
            ),
            "act": (
                {
                    "kind": strategy.act.kind,
                    "number": strategy.act.number,
                    "date": strategy.act.date,
                }
                if strategy.act
                else None
            ),
            "notes": strategy.notes,
        },
        "agencies": [{"acronym": a.acronym, "name": a.name} for a in strategy.agencies],
        "goals": [_node_to_dict(n) for n in strategy.goals],
        "directions": [_node_to_dict(n) for n in strategy.directions],
        "indicators": [_indicator_to_dict(i) for i in strategy.indicators],
        "measures": [_measure_to_dict(m) for m in strategy.measures],
    }


def _node_to_dict(node: PlanNode) -> dict[str, Any]:
    return {"number": node.number, "title": node.title, "parent": node.parent}


def _indicator_to_dict(indicator: HeadlineIndicator) -> dict[str, Any]:
    baseline = None
    if indicator.baseline_value is not None:
        baseline = {"value": _number(indicator.baseline_value), "year": indicator.baseline_year}
    return {
        "number": indicator.number,
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "baseline": baseline,
        "targets": {str(year): _number(v) for year, v in sorted(indicator.targets.items())},
        "cumulative": indicator.cumulative,
        "responsible": indicator.responsible,
        "data_source": indicator.data_source,
    }


def _measure_to_dict(measure: Measure) -> dict[str, Any]:
    return {
        "number": measure.number,
        "title": measure.title,
        "parent": measure.parent,
        "lead": list(measure.lead),
        "co_executors": list(measure.co_executors),
        "period": {
            "start": measure.period.start,
            "end": measure.period.end,
            "text": measure.period.text,
        },
        "results": {stage.value: measure.results.get(stage, "") for stage in Stage},
        "targets": [
            {
                "stage": t.stage.value,
                "comparator": t.comparator.value,
                "value": _number(t.value),
                "upper": None if t.upper is None else _number(t.upper),
                "unit": t.unit,
                "phrase": t.phrase,
            }
            for t in measure.targets
        ],
        "notes": measure.notes,
    }


def _location(path: Any) -> str:
    parts = [str(p) for p in path]
    return "/".join(parts) if parts else "(document)"


def plan_from_dict(data: Any) -> Strategy:
    """Validate ``data`` against the schema and build the strategy it describes.

    Raises :class:`InterchangeError` naming the first offending field, e.g.
    ``measures/3/period/start``.
    """
    if not isinstance(data, dict):
        raise InterchangeError(_("The file does not hold a plan object."))
    if data.get("format") != FORMAT:
        raise InterchangeError(_("This is not a Hədəf plan file (field “format”)."), "format")
    if data.get("format_version") != FORMAT_VERSION:
        raise InterchangeError(
            _("Unsupported format version %(found)s; this version reads %(supported)s.")
            % {"found": data.get("format_version"), "supported": FORMAT_VERSION},
            "format_version",
        )
    validator = jsonschema.Draft202012Validator(plan_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise InterchangeError(first.message, _location(first.absolute_path))
    _check_consistency(data)

    info = data["strategy"]
    goals = [PlanNode(g["number"], g["title"], "goal", g.get("parent")) for g in data["goals"]]
    goal_numbers = {g.number for g in goals}
    directions = [
        PlanNode(
            d["number"],
            d["title"],
            "direction",
            d.get("parent") or parent_number(d["number"], goal_numbers),
        )
        for d in data["directions"]
    ]
    node_numbers = goal_numbers | {d.number for d in directions}
    source = info.get("source")
    act = info.get("act")
    return Strategy(
        code=info["code"],
        title=info["title"],
        period_start=info["period"][0],
        period_end=info["period"][1],
        version_label=info.get("version_label", ""),
        source=SourceDocument(source["file_name"], source["sha256"]) if source else None,
        act=ApprovingAct(act["kind"], act.get("number"), act.get("date")) if act else None,
        notes=info.get("notes", ""),
        agencies=tuple(AgencyAlias(a["acronym"], a["name"]) for a in data["agencies"]),
        nodes=tuple(goals + directions),
        indicators=tuple(_indicator_from_dict(i) for i in data["indicators"]),
        measures=tuple(_measure_from_dict(m, node_numbers) for m in data["measures"]),
    )


def _check_consistency(data: dict[str, Any]) -> None:
    """Rules a schema cannot say: unique numbers, a sane period, known parents."""
    start, end = data["strategy"]["period"]
    if start > end:
        raise InterchangeError(_("The period ends before it starts."), "strategy/period")
    for section in ("goals", "directions", "measures", "indicators", "agencies"):
        key = "acronym" if section == "agencies" else "number"
        seen: set[str] = set()
        for index, item in enumerate(data[section]):
            if item[key] in seen:
                raise InterchangeError(
                    _("“%(value)s” appears twice.") % {"value": item[key]},
                    f"{section}/{index}/{key}",
                )
            seen.add(item[key])
    for index, measure in enumerate(data["measures"]):
        period = measure["period"]
        if (
            period["start"] is not None
            and period["end"] is not None
            and period["start"] > period["end"]
        ):
            raise InterchangeError(
                _("The period ends before it starts."), f"measures/{index}/period"
            )


def _indicator_from_dict(data: dict[str, Any]) -> HeadlineIndicator:
    baseline = data.get("baseline")
    return HeadlineIndicator(
        number=data["number"],
        name=data["name"],
        unit=data["unit"],
        targets={int(year): float(value) for year, value in data["targets"].items()},
        direction=Direction(data.get("direction", Direction.HIGHER_IS_BETTER.value)),
        baseline_value=float(baseline["value"]) if baseline else None,
        baseline_year=baseline.get("year") if baseline else None,
        cumulative=data.get("cumulative", False),
        responsible=data.get("responsible"),
        data_source=data.get("data_source", ""),
    )


def _measure_from_dict(data: dict[str, Any], node_numbers: set[str]) -> Measure:
    period = data["period"]
    return Measure(
        number=data["number"],
        title=data["title"],
        parent=data.get("parent") or parent_number(data["number"], node_numbers),
        lead=tuple(data["lead"]),
        co_executors=tuple(data["co_executors"]),
        period=Period(period["start"], period["end"], period["text"]),
        results={stage: data["results"][stage.value] for stage in Stage},
        targets=tuple(
            NumericTarget(
                stage=Stage(t["stage"]),
                comparator=Comparator(t["comparator"]),
                value=float(t["value"]),
                upper=None if t.get("upper") is None else float(t["upper"]),
                unit=t["unit"],
                phrase=t["phrase"],
            )
            for t in data.get("targets", [])
        ),
        notes=data.get("notes", ""),
    )


def dumps(strategy: Strategy) -> str:
    """Canonical JSON text of ``strategy`` (UTF-8 letters kept, two-space indent)."""
    return json.dumps(plan_to_dict(strategy), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> Strategy:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            _("Not valid JSON: %(reason)s at line %(line)d, column %(column)d.")
            % {"reason": error.msg, "line": error.lineno, "column": error.colno}
        ) from error
    return plan_from_dict(data)
