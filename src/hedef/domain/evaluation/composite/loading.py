"""Reading and checking index definitions and column mappings from YAML files.

Every problem is reported as :class:`InvalidIndexDefinition` naming the file and
the field (``egdi.yaml: groups[2]: min``), never as a bare ``KeyError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from hedef.domain.evaluation.composite.definition import (
    Aggregation,
    ColumnMapping,
    GroupSpec,
    IndexDefinition,
    IndicatorSpec,
    Missing,
    Normalisation,
    RankingSpec,
    RankOn,
    Ties,
    UncertaintySpec,
    Weighting,
)
from hedef.domain.evaluation.errors import InvalidIndexDefinition
from hedef.domain.plans.model import Direction

__all__ = [
    "builtin_index_path",
    "load_column_mapping",
    "load_index_definition",
    "parse_index_definition",
]

_MISSING_ALIASES = {"none": Missing.LISTWISE}
_E = TypeVar("_E", bound=StrEnum)


def load_index_definition(path: str | Path) -> IndexDefinition:
    """Read and check an index definition file; its column mapping is loaded too.

    Raises:
        InvalidIndexDefinition: naming the file and field at fault.
    """
    path = Path(path)
    raw = _read_yaml(path)
    mapping = None
    if "columns" in raw:
        columns_path = path.parent / _text(raw, "columns", str(path))
        mapping = load_column_mapping(columns_path)
    return parse_index_definition(raw, location=str(path), columns=mapping)


def load_column_mapping(path: str | Path) -> ColumnMapping:
    """Read and check a column-mapping file."""
    path = Path(path)
    raw = _read_yaml(path)
    where = str(path)
    _known(raw, _MAPPING_KEYS, where)
    if raw.get("format", "csv") != "csv":
        raise InvalidIndexDefinition("only csv tables are supported", location=f"{where}: format")
    indicators = _string_map(raw, "indicators", where)
    if not indicators:
        raise InvalidIndexDefinition("at least one indicator column is needed", location=where)
    decimal = str(raw.get("decimal", "auto"))
    if decimal not in {"auto", ".", ","}:
        raise InvalidIndexDefinition(
            "must be '.', ',' or 'auto'", location=f"{where}: decimal", value=decimal
        )
    missing = raw.get("missing")
    return ColumnMapping(
        unit=_text(raw, "unit", where),
        indicators=indicators,
        edition=str(raw["edition"]) if raw.get("edition") is not None else None,
        extras=_string_map(raw, "extras", where),
        delimiter=str(raw["delimiter"]) if raw.get("delimiter") is not None else None,
        decimal=decimal,
        encoding=str(raw.get("encoding", "utf-8-sig")),
        missing=tuple(str(item) for item in missing) if missing else ColumnMapping.missing,
    )


def builtin_index_path(name: str) -> Path:
    """Path of an index definition shipped in ``hedef.indices`` ("egdi", "readiness")."""
    return Path(str(resources.files("hedef.indices").joinpath(f"{name}.yaml")))


_TOP_KEYS = {
    "key", "title", "source", "columns", "indicators", "missing", "normalisation",
    "weighting", "aggregation", "rounding", "ranking", "groups", "uncertainty", "editions",
}  # fmt: skip
_MAPPING_KEYS = {
    "format", "unit", "indicators", "edition", "extras", "delimiter", "decimal", "encoding",
    "missing",
}  # fmt: skip
_UNCERTAINTY_KEYS = {
    "draws", "seed", "normalisation", "weighting", "aggregation", "weight_jitter",
}  # fmt: skip
_OVERRIDABLE = _TOP_KEYS - {"key", "columns", "indicators", "editions"}


def parse_index_definition(
    raw: Mapping[str, Any], *, location: str = "index", columns: ColumnMapping | None = None
) -> IndexDefinition:
    """Build an :class:`IndexDefinition` from already-parsed YAML."""
    _known(raw, _TOP_KEYS, location)
    indicators = _indicators(raw.get("indicators"), location)
    definition = IndexDefinition(
        key=_text(raw, "key", location),
        title=str(raw.get("title", raw.get("key", ""))),
        source=str(raw.get("source", "")),
        indicators=indicators,
        missing=_missing(raw.get("missing", "listwise"), location),
        normalisation=_choice(
            Normalisation, raw.get("normalisation", "min_max"), f"{location}: normalisation"
        ),
        weighting=_choice(Weighting, raw.get("weighting", "equal"), f"{location}: weighting"),
        aggregation=_choice(
            Aggregation, raw.get("aggregation", "arithmetic"), f"{location}: aggregation"
        ),
        rounding=_rounding(raw.get("rounding"), location),
        ranking=_ranking(
            raw.get("ranking") or {}, location, rounded=raw.get("rounding") is not None
        ),
        groups=_groups(raw.get("groups") or [], location),
        uncertainty=_uncertainty(raw.get("uncertainty") or {}, location),
        columns=columns,
    )
    _check_consistency(definition, location)
    editions = {}
    for edition, overrides in (raw.get("editions") or {}).items():
        where = f"{location}: editions: {edition}"
        if not isinstance(overrides, Mapping):
            raise InvalidIndexDefinition("must be a mapping of settings", location=where)
        _known(overrides, _OVERRIDABLE, where)
        merged = {key: value for key, value in raw.items() if key != "editions"}
        merged.update(overrides)
        editions[str(edition).strip()] = parse_index_definition(
            merged, location=where, columns=columns
        )
    return replace(definition, editions=editions)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidIndexDefinition(
            f"cannot be read ({error.strerror})", location=str(path)
        ) from error
    except yaml.YAMLError as error:
        raise InvalidIndexDefinition(f"is not valid YAML ({error})", location=str(path)) from error
    if not isinstance(raw, dict):
        raise InvalidIndexDefinition("must be a YAML mapping", location=str(path))
    return raw


def _known(raw: Mapping[str, Any], allowed: set[str], location: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise InvalidIndexDefinition(
            f"unknown setting {unknown[0]!r}; expected one of {', '.join(sorted(allowed))}",
            location=location,
            setting=unknown[0],
        )


def _text(raw: Mapping[str, Any], key: str, location: str) -> str:
    value = raw.get(key)
    if value is None or not str(value).strip():
        raise InvalidIndexDefinition("is required", location=f"{location}: {key}")
    return str(value)


def _number(value: Any, location: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidIndexDefinition("must be a number", location=location, value=value)
    return float(value)


def _string_map(raw: Mapping[str, Any], key: str, location: str) -> dict[str, str]:
    value = raw.get(key) or {}
    if not isinstance(value, Mapping):
        raise InvalidIndexDefinition("must be a mapping", location=f"{location}: {key}")
    return {str(name): str(header) for name, header in value.items()}


def _choice(kind: type[_E], value: Any, location: str) -> _E:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidIndexDefinition(
            f"{value!r} is not one of {allowed}", location=location, value=value
        ) from None


def _choices(kind: type[_E], value: Any, location: str) -> tuple[_E, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(_choice(kind, item, location) for item in items)


def _missing(value: Any, location: str) -> Missing:
    value = _MISSING_ALIASES.get(str(value), value)
    return _choice(Missing, value, f"{location}: missing")


def _rounding(value: Any, location: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
        raise InvalidIndexDefinition(
            "must be a whole number of decimals from 0 to 12", location=f"{location}: rounding"
        )
    return value


def _indicators(value: Any, location: str) -> tuple[IndicatorSpec, ...]:
    if not isinstance(value, list) or not value:
        raise InvalidIndexDefinition(
            "must list at least one indicator", location=f"{location}: indicators"
        )
    specs = []
    for index, item in enumerate(value):
        where = f"{location}: indicators[{index}]"
        if not isinstance(item, Mapping):
            raise InvalidIndexDefinition("must be a mapping", location=where)
        _known(item, {"key", "title", "direction", "weight", "target", "goalposts"}, where)
        goalposts = item.get("goalposts")
        if goalposts is not None:
            if not isinstance(goalposts, list) or len(goalposts) != 2:
                raise InvalidIndexDefinition(
                    "must be [lower, upper]", location=f"{where}: goalposts"
                )
            low, high = (_number(bound, f"{where}: goalposts") for bound in goalposts)
            if not low < high:
                raise InvalidIndexDefinition(
                    "lower must be below upper", location=f"{where}: goalposts"
                )
            goalposts = (low, high)
        weight = item.get("weight")
        if weight is not None and _number(weight, f"{where}: weight") <= 0:
            raise InvalidIndexDefinition("must be positive", location=f"{where}: weight")
        specs.append(
            IndicatorSpec(
                key=_text(item, "key", where),
                title=str(item.get("title", item.get("key"))),
                direction=_choice(
                    Direction, item.get("direction", "higher_is_better"), f"{where}: direction"
                ),
                weight=float(weight) if weight is not None else None,
                target=_number(item["target"], f"{where}: target") if "target" in item else None,
                goalposts=goalposts,
            )
        )
    keys = [spec.key for spec in specs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise InvalidIndexDefinition(
            f"indicator {duplicates[0]!r} is listed twice", location=f"{location}: indicators"
        )
    return tuple(specs)


def _ranking(value: Any, location: str, *, rounded: bool) -> RankingSpec:
    """Ranking settings; ranks follow the published (rounded) score when there is one."""
    where = f"{location}: ranking"
    if not isinstance(value, Mapping):
        raise InvalidIndexDefinition("must be a mapping", location=where)
    _known(value, {"by", "ties"}, where)
    return RankingSpec(
        on=_choice(RankOn, value.get("by", "rounded" if rounded else "unrounded"), f"{where}: by"),
        ties=_choice(Ties, value.get("ties", "min"), f"{where}: ties"),
    )


def _groups(value: Any, location: str) -> tuple[GroupSpec, ...]:
    where = f"{location}: groups"
    if not isinstance(value, list):
        raise InvalidIndexDefinition("must be a list", location=where)
    groups = []
    for index, item in enumerate(value):
        at = f"{where}[{index}]"
        if not isinstance(item, Mapping):
            raise InvalidIndexDefinition("must be a mapping", location=at)
        _known(item, {"key", "label", "min"}, at)
        minimum = item.get("min")
        groups.append(
            GroupSpec(
                key=_text(item, "key", at),
                label=str(item.get("label", item.get("key"))),
                minimum=_number(minimum, f"{at}: min") if minimum is not None else None,
            )
        )
    floors = [group.minimum for group in groups[:-1]]
    bounded = [floor for floor in floors if floor is not None]
    last = groups[-1].minimum if groups else None
    if (
        len(bounded) < len(floors)
        or (last is not None and bounded and last > min(bounded))
        or (bounded != sorted(bounded, reverse=True))
    ):
        raise InvalidIndexDefinition(
            "groups must be listed from the highest minimum down; only the last may omit min",
            location=where,
        )
    return tuple(groups)


def _uncertainty(value: Any, location: str) -> UncertaintySpec:
    where = f"{location}: uncertainty"
    if not isinstance(value, Mapping):
        raise InvalidIndexDefinition("must be a mapping", location=where)
    _known(value, _UNCERTAINTY_KEYS, where)
    draws = value.get("draws", 0)
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 0:
        raise InvalidIndexDefinition("must be a whole number ≥ 0", location=f"{where}: draws")
    jitter = _number(value.get("weight_jitter", 0.0), f"{where}: weight_jitter")
    if not 0 <= jitter < 1:
        raise InvalidIndexDefinition("must be in [0, 1)", location=f"{where}: weight_jitter")
    return UncertaintySpec(
        draws=draws,
        seed=int(value.get("seed", 0)),
        normalisations=_choices(
            Normalisation, value.get("normalisation", []), f"{where}: normalisation"
        ),
        weightings=_choices(Weighting, value.get("weighting", []), f"{where}: weighting"),
        aggregations=_choices(Aggregation, value.get("aggregation", []), f"{where}: aggregation"),
        weight_jitter=jitter,
    )


def _check_consistency(definition: IndexDefinition, location: str) -> None:
    """Reject choices that cannot work with the indicators as declared."""
    normalisations = {definition.normalisation, *definition.uncertainty.normalisations}
    weightings = {definition.weighting, *definition.uncertainty.weightings}
    if Normalisation.NONE in normalisations and any(
        spec.direction is Direction.LOWER_IS_BETTER for spec in definition.indicators
    ):
        raise InvalidIndexDefinition(
            "normalisation 'none' cannot turn a lower-is-better indicator around; "
            "choose another normalisation",
            location=f"{location}: normalisation",
        )
    weighted = [spec.key for spec in definition.indicators if spec.weight is not None]
    if weighted and Weighting.BUDGET not in weightings:
        raise InvalidIndexDefinition(
            f"indicator {weighted[0]!r} has a weight, but weighting is "
            f"{definition.weighting.value!r} and ignores it; use weighting 'budget' "
            "(or list it under uncertainty: weighting) or remove the weights",
            location=f"{location}: weighting",
            indicator=weighted[0],
        )
    if Weighting.BUDGET in weightings:
        unweighted = [spec.key for spec in definition.indicators if spec.weight is None]
        if unweighted:
            raise InvalidIndexDefinition(
                f"budget weighting needs a weight for every indicator; {unweighted[0]!r} has none",
                location=f"{location}: weighting",
            )
    if definition.ranking.on is RankOn.ROUNDED and definition.rounding is None:
        raise InvalidIndexDefinition(
            "ranking on rounded scores needs a rounding setting", location=f"{location}: ranking"
        )
