"""A published cycle becomes the portal's snapshot: the evaluation as of the cycle's end.

:func:`cycle_snapshot_publish` runs inside monitoring's publish action, in its
transaction: the cycle's state, its audit anchor and the portal's new snapshot
are committed together or not at all. Only accepted and published reports enter
the snapshot (the selectors read nothing else), so a draft written after the
publication never reaches the portal, which reads the frozen snapshot only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hedef.domain.core.text import az_ascii_slug
from hedef.domain.evaluation.rollup import GroupBy
from hedef.evaluation.selectors import (
    EvaluationDate,
    IndicatorEvaluation,
    MeasureEvaluation,
    evaluation_date,
    indicator_evaluations,
    measure_evaluations,
)
from hedef.evaluation.selectors.rollups import group_figures
from hedef.monitoring.models import ReportingCycle
from hedef.publishing.models import Snapshot
from hedef.publishing.services import snapshot_publish
from hedef.publishing.snapshots import MeasureKey, snapshot_data

KEY_LENGTH = 40  # Snapshot.key


@dataclass(frozen=True)
class SnapshotStates:
    """The monitoring state a snapshot carries, keyed as ``snapshot_data`` wants it."""

    measures: dict[MeasureKey, dict[str, Any]]
    indicators: dict[MeasureKey, dict[str, Any]]
    agency_timeliness: dict[str, float | None]


def snapshot_states(*, when: EvaluationDate) -> SnapshotStates:
    """Every current measure's and indicator's evaluated state, and each agency's timeliness."""
    measures = measure_evaluations(when=when)
    indicators = indicator_evaluations(when=when)
    timeliness = group_figures(
        by=GroupBy.LEAD_AGENCY, measures=measures, indicators=indicators, when=when
    )
    return SnapshotStates(
        measures={item.key: _measure_state(item) for item in measures},
        indicators={item.key: _indicator_state(item) for item in indicators},
        agency_timeliness={
            group.key[0]: group.timeliness.on_time_share if group.timeliness else None
            for group in timeliness
        },
    )


def cycle_snapshot_publish(*, cycle: ReportingCycle, user: Any) -> Snapshot:
    """Evaluate every strategy as of ``cycle``'s end and make it the portal's snapshot.

    Call after the cycle is marked published and its audit anchor recorded, inside
    the same transaction.
    """
    when = evaluation_date(cycle=cycle)
    states = snapshot_states(when=when)
    key = snapshot_key(cycle)
    data = snapshot_data(
        cycle={
            "key": key,
            "label": cycle.label,
            "kind": cycle.kind,
            "period_start": cycle.period_start.isoformat(),
            "period_end": cycle.period_end.isoformat(),
            "published_at": cycle.published_at.isoformat() if cycle.published_at else None,
            "audit_head": cycle.published_head_hash,
        },
        measure_states=states.measures,
        indicator_states=states.indicators,
        agency_timeliness=states.agency_timeliness,
    )
    return snapshot_publish(
        key=key, label=cycle.label, data=data, audit_head=cycle.published_head_hash, user=user
    )


def snapshot_key(cycle: ReportingCycle) -> str:
    """The slug of the cycle's label ("2026, I yarımil" → "2026-i-yarimil"), unique."""
    base = az_ascii_slug(cycle.label, max_length=KEY_LENGTH) or "cycle"
    if not Snapshot.objects.filter(key=base).exists():
        return base
    suffix = f"-{cycle.pk}"
    return base[: KEY_LENGTH - len(suffix)].rstrip("-") + suffix


def _measure_state(item: MeasureEvaluation) -> dict[str, Any]:
    latest = item.latest
    return {
        "status": item.status,
        "stage": item.assessment.stage_reached.value if item.assessment.stage_reached else None,
        "percent": latest.percent if latest else None,
        "summary": latest.narrative if latest else "",
    }


def _indicator_state(item: IndicatorEvaluation) -> dict[str, Any]:
    return {
        "observations": [
            {"period": o.period, "year": o.year, "value": o.value} for o in item.observations
        ],
        "attainment": item.attainment.value,
        "progress_status": item.progress.status.value,
        "forecast": item.sentence,
        "forecast_points": [list(point) for point in item.forecast_points()],
    }
