"""When an agency's self-reported status contradicts the computed one.

Agencies report a status with each submission; Hədəf computes its own from the
numbers (:mod:`progress`, :mod:`path_progress`, :mod:`measure_status`). Both are
mapped onto three ordered bands and a report is flagged when the bands differ by
more than the tolerance (by default, whenever they differ):

============  ===========================================================
band          status keys
============  ===========================================================
on track (2)  target_achieved, substantial_progress, completed, on_schedule
needs         moderate_progress
acceleration
(1)
off track (0) limited_progress, deterioration, behind, overdue
(none)        not_available, not_reported, cancelled, unknown keys
============  ===========================================================

A status without a band is never a disagreement: there is nothing to compare.

Agencies report with the keys of the reporting workflow, not with evaluation keys:
:func:`reported_status_key` reads ``in_progress`` as a claim to be on schedule,
``delayed`` as an admission of being behind and ``completed`` as completed;
``not_started`` and ``cancelled`` claim nothing that can be compared.
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["Band", "band_of", "reported_status_key", "self_reported_disagrees"]


class Band(IntEnum):
    """Ordered bands that reported and computed statuses are compared on."""

    OFF_TRACK = 0
    NEEDS_ACCELERATION = 1
    ON_TRACK = 2


_BANDS = {
    "target_achieved": Band.ON_TRACK,
    "substantial_progress": Band.ON_TRACK,
    "completed": Band.ON_TRACK,
    "on_schedule": Band.ON_TRACK,
    "moderate_progress": Band.NEEDS_ACCELERATION,
    "limited_progress": Band.OFF_TRACK,
    "deterioration": Band.OFF_TRACK,
    "behind": Band.OFF_TRACK,
    "overdue": Band.OFF_TRACK,
}


# Reporting-workflow keys an agency chooses, read as the evaluation key they claim.
_REPORTED_CLAIMS = {
    "completed": "completed",
    "in_progress": "on_schedule",
    "delayed": "behind",
}


def reported_status_key(workflow_status: str | None) -> str | None:
    """The evaluation key an agency's self-reported workflow status claims, if any.

    ``in_progress`` claims ``on_schedule``, ``delayed`` claims ``behind`` and
    ``completed`` claims ``completed``; any other key (``not_started``,
    ``cancelled``, an evaluation key already) is returned as it is, and an empty
    one as ``None``.
    """
    if not workflow_status:
        return None
    return _REPORTED_CLAIMS.get(str(workflow_status), str(workflow_status))


def band_of(status: str) -> Band | None:
    """The band of a progress or measure status key; ``None`` when it has none."""
    return _BANDS.get(str(status))


def self_reported_disagrees(
    reported_status: str, computed_status: str, *, tolerance: int = 0
) -> bool:
    """Whether a self-reported status should be flagged against the computed one.

    Args:
        reported_status: the key the agency chose.
        computed_status: the key Hədəf computed from the reported numbers.
        tolerance: how many bands apart the two may be without a flag (0 or 1).
    """
    reported, computed = band_of(reported_status), band_of(computed_status)
    if reported is None or computed is None:
        return False
    return abs(reported - computed) > tolerance
