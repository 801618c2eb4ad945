"""A published portal snapshot of the sample strategies, with a few measure states."""

from __future__ import annotations

from typing import Any

from tests.gold_plans import ECONOMY

CYCLE = {
    "key": "2026-s1",
    "label": "2026, I yarımil",
    "kind": "semi_annual",
    "period_start": "2026-01-01",
    "period_end": "2026-06-30",
    "published_at": "2026-07-20T10:00:00+04:00",
    "audit_head": "ab" * 32,
}


def publish_sample_snapshot() -> Any:
    """Publish ``CYCLE``'s snapshot (the sample plans must be loaded) and return it."""
    from hedef.publishing.services import snapshot_publish
    from hedef.publishing.snapshots import snapshot_data

    data = snapshot_data(
        cycle=CYCLE,
        measure_states={
            (ECONOMY, "8.1.1.1"): {
                "status": "on_schedule",
                "stage": "initial",
                "percent": 35.0,
                "summary": "Tədqiqat başa çatdı.",
            },
            (ECONOMY, "8.1.1.2"): {"status": "behind", "stage": None, "percent": 0.0},
        },
        indicator_states={
            (ECONOMY, "4.1.1"): {
                "observations": [{"period": "2026-S1", "year": 2026.5, "value": 21}],
                "attainment": 0.42,
                "progress_status": "moderate_progress",
                "forecast": "at the current pace the 2029 target is reached in 2030",
                "forecast_points": [[2026.5, 21], [2029.0, 250]],
            }
        },
        agency_timeliness={"in": 1.0, "rinn": 0.5},
    )
    return snapshot_publish(
        key=CYCLE["key"], label=CYCLE["label"], data=data, audit_head=CYCLE["audit_head"], user=None
    )
