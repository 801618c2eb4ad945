"""Building the published snapshot: the plans as now in force plus the monitoring state.

The snapshot is plain JSON (see ``hedef.domain.publishing.opendata.SNAPSHOT_SHAPE``): the
portal, the open data files and the public API all read it and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hedef.agencies.models import Agency
from hedef.domain.core.text import az_sort_key
from hedef.plans.models import Measure, MeasureExecutor, Strategy
from hedef.plans.selectors import strategy_list

MeasureKey = tuple[str, str]  # (strategy code, measure number)


def snapshot_data(
    *,
    cycle: Mapping[str, Any],
    measure_states: Mapping[MeasureKey, Mapping[str, Any]] | None = None,
    indicator_states: Mapping[MeasureKey, Mapping[str, Any]] | None = None,
    agency_timeliness: Mapping[str, float | None] | None = None,
) -> dict[str, Any]:
    """The snapshot of every current plan version, with the given monitoring state.

    ``measure_states`` maps (strategy, number) to ``status``, ``stage``, ``percent``
    and ``summary`` (the accepted narrative); ``indicator_states`` maps (strategy,
    indicator number) to ``observations``, ``attainment``, ``progress_status`` and
    ``forecast`` (a sentence); ``agency_timeliness`` maps agency codes to the share
    of reports submitted on time.

    An observation's ``year`` (and each ``forecast_points`` year) places it on the
    charts' axis, where the tick of a year is its end, when that year's target is
    due: the annual value of 2026 is at 2026, the value at the end of June 2026
    (``"period": "2026-S1"``) at 2025.5. ``period`` names the reporting period.
    Monitoring builds these states when it publishes a cycle
    (``hedef.publishing.publication``).
    """
    measure_states = measure_states or {}
    indicator_states = indicator_states or {}
    agency_timeliness = agency_timeliness or {}
    strategies = [
        _strategy(strategy, measure_states, indicator_states) for strategy in strategy_list()
    ]
    return {
        "cycle": dict(cycle),
        "strategies": strategies,
        "agencies": _agencies(agency_timeliness),
    }


def _strategy(
    strategy: Strategy,
    measure_states: Mapping[MeasureKey, Mapping[str, Any]],
    indicator_states: Mapping[MeasureKey, Mapping[str, Any]],
) -> dict[str, Any]:
    version = strategy.current_version
    assert version is not None
    measures = (
        Measure.objects.filter(version=version)
        .prefetch_related("executors__agency")
        .order_by("position")
    )
    return {
        "code": strategy.code,
        "title": version.title,
        "period": [version.period_start, version.period_end],
        "version": version.number,
        "act": {
            "kind": version.act_kind,
            "number": version.act_number,
            "date": version.act_date.isoformat() if version.act_date else None,
        },
        "goals": [
            {"number": n.number, "title": n.title}
            for n in version.nodes.filter(level="goal").order_by("position")
        ],
        "directions": [
            {"number": n.number, "title": n.title, "parent": n.parent.number if n.parent else None}
            for n in version.nodes.filter(level="direction")
            .select_related("parent")
            .order_by("position")
        ],
        "measures": [_measure(strategy.code, m, measure_states) for m in measures],
        "indicators": [
            _indicator(strategy.code, i, indicator_states)
            for i in version.indicators.prefetch_related("targets").order_by("position")
        ],
    }


def _executors(measure: Measure, role: str) -> tuple[list[str], list[str | None]]:
    executors = [e for e in measure.executors.all() if e.role == role]
    return [e.value for e in executors], [e.agency.code if e.agency else None for e in executors]


def _measure(
    code: str, measure: Measure, states: Mapping[MeasureKey, Mapping[str, Any]]
) -> dict[str, Any]:
    lead, lead_agencies = _executors(measure, MeasureExecutor.Role.LEAD)
    co, co_agencies = _executors(measure, MeasureExecutor.Role.CO)
    state = states.get((code, measure.number), {})
    return {
        "number": measure.number,
        "title": measure.title,
        "lead": lead,
        "lead_agencies": lead_agencies,
        "co_executors": co,
        "co_agencies": co_agencies,
        "period_text": measure.period_text,
        "ongoing": measure.ongoing,
        "results": {
            "initial": measure.result_initial,
            "interim": measure.result_interim,
            "final": measure.result_final,
        },
        "status": state.get("status", "not_reported"),
        "stage": state.get("stage"),
        "percent": state.get("percent"),
        "summary": state.get("summary", ""),
    }


def _indicator(
    code: str, indicator: Any, states: Mapping[MeasureKey, Mapping[str, Any]]
) -> dict[str, Any]:
    state = states.get((code, indicator.number), {})
    baseline = None
    if indicator.baseline_value is not None:
        baseline = {"value": indicator.baseline_value, "year": indicator.baseline_year}
    return {
        "number": indicator.number,
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline": baseline,
        "targets": {str(t.year): t.value for t in indicator.targets.all()},
        "observations": list(state.get("observations", [])),
        "attainment": state.get("attainment"),
        "progress_status": state.get("progress_status", "not_available"),
        "forecast": state.get("forecast", ""),
        "forecast_points": list(state.get("forecast_points", [])),
    }


def _agencies(timeliness: Mapping[str, float | None]) -> list[dict[str, Any]]:
    counts: dict[int, dict[str, int]] = {}
    executors = MeasureExecutor.objects.filter(
        agency__isnull=False,
        measure__version__strategy__current_version__isnull=False,
    ).values_list(
        "agency_id",
        "role",
        "measure_id",
        "measure__version_id",
        "measure__version__strategy__current_version_id",
    )
    seen: set[tuple[int, int]] = set()
    for agency_id, role, measure_id, version_id, current_id in sorted(
        executors, key=lambda r: r[1] != "lead"
    ):
        if version_id != current_id or (agency_id, measure_id) in seen:
            continue
        seen.add((agency_id, measure_id))
        counts.setdefault(agency_id, {"lead": 0, "co": 0})[role] += 1
    # Azerbaijani alphabetical order (Ç after C, Ə after E, İ after I), which no
    # database collation here gives.
    listed = sorted(Agency.objects.filter(pk__in=counts), key=lambda a: az_sort_key(a.name))
    return [
        {
            "code": agency.code,
            "acronym": agency.acronym,
            "name": agency.name,
            "name_en": agency.name_en,
            "name_ru": agency.name_ru,
            "as_lead": counts[agency.pk]["lead"],
            "as_co": counts[agency.pk]["co"],
            "on_time_share": timeliness.get(agency.code),
        }
        for agency in listed
    ]
