"""Labels, colours and display order of every status key Hədəf shows.

The evaluation core returns stable English keys (``on_schedule``,
``substantial_progress``); agencies report their own status with keys of the
reporting workflow (``in_progress``, ``delayed``). This module is the one place
where a key becomes words and a colour, so that a report, a chart and a web page
never disagree on what "behind" is called or how it is coloured.

Labels are looked up at call time through :func:`hedef.domain.core.i18n.gettext`, so
they follow the language the web shell has activated. Colours follow
``static/hedef/hedef.css`` and keep at least 3:1 contrast on white, the WCAG
minimum for graphical objects; a status is never told by colour alone (the
label is always written beside it).
"""

from __future__ import annotations

from collections.abc import Mapping

from hedef.domain.core.i18n import gettext as _

__all__ = [
    "MEASURE_STATUS_ORDER",
    "NEUTRAL_COLOUR",
    "PROGRESS_STATUS_ORDER",
    "SELF_REPORTED_ORDER",
    "direction_label",
    "forecast_method_label",
    "is_known_status",
    "stage_label",
    "status_colour",
    "status_label",
]

# Schedule-aware measure statuses (evaluation.measure_status.MeasureStatus), best first.
MEASURE_STATUS_ORDER = (
    "completed",
    "on_schedule",
    "behind",
    "overdue",
    "not_reported",
    "cancelled",
)
# Progress statuses of indicators (evaluation.growth.IndicatorProgress), best first.
PROGRESS_STATUS_ORDER = (
    "target_achieved",
    "substantial_progress",
    "moderate_progress",
    "limited_progress",
    "deterioration",
    "not_available",
)
# Statuses an agency chooses itself when it reports (the reporting workflow's keys).
SELF_REPORTED_ORDER = ("completed", "in_progress", "not_started", "delayed", "cancelled")

NEUTRAL_COLOUR = "#6b7685"

_GOOD_DARK = "#1e6b34"  # hedef.css --good
_GOOD = "#3f8f52"
_BRAND = "#0b5394"  # hedef.css --brand
_LATE = "#b86e00"
_LATE_STRONG = "#c4501b"
_BAD = "#a01c1c"  # hedef.css --bad
_QUIET = "#9aa4b1"

_COLOURS: Mapping[str, str] = {
    "completed": _GOOD_DARK,
    "on_schedule": _GOOD,
    "behind": _LATE,
    "overdue": _BAD,
    "not_reported": NEUTRAL_COLOUR,
    "cancelled": _QUIET,
    "target_achieved": _GOOD_DARK,
    "substantial_progress": _GOOD,
    "moderate_progress": _LATE,
    "limited_progress": _LATE_STRONG,
    "deterioration": _BAD,
    "not_available": _QUIET,
    "in_progress": _BRAND,
    "not_started": _QUIET,
    "delayed": _LATE,
}


def _status_labels() -> dict[str, str]:
    # Built on every call, never at import: the active language may change.
    return {
        "completed": _("Completed"),
        "on_schedule": _("On schedule"),
        "behind": _("Behind schedule"),
        "overdue": _("Overdue"),
        "not_reported": _("Not reported"),
        "cancelled": _("Cancelled"),
        "target_achieved": _("Target achieved"),
        "substantial_progress": _("Substantial progress"),
        "moderate_progress": _("Moderate progress"),
        "limited_progress": _("Limited progress"),
        "deterioration": _("Deterioration"),
        "not_available": _("Not available"),
        "in_progress": _("In progress"),
        "not_started": _("Not started"),
        "delayed": _("Delayed"),
    }


def status_label(key: str) -> str:
    """The translated label of a status key; an unknown key is shown as it is."""
    return _status_labels().get(key, key)


def is_known_status(key: str) -> bool:
    """Whether ``key`` is a status this module has a label for."""
    return key in _COLOURS


def status_colour(key: str) -> str:
    """The colour (``#rrggbb``) of a status key; unknown keys are neutral grey."""
    return _COLOURS.get(key, NEUTRAL_COLOUR)


def stage_label(key: str | None) -> str:
    """The translated name of a result stage (``initial``, ``interim``, ``final``)."""
    if key is None:
        return _("No stage reported")
    labels = {
        "initial": _("Initial results"),
        "interim": _("Interim results"),
        "final": _("Final results"),
    }
    return labels.get(key, key)


def direction_label(key: str) -> str:
    """The translated wording of an indicator direction key."""
    labels = {
        "higher_is_better": _("Higher is better"),
        "lower_is_better": _("Lower is better"),
    }
    return labels.get(key, key)


def forecast_method_label(key: str | None) -> str:
    """The translated name of a forecast method key (``linear``, ``compound``)."""
    if key is None:
        return _("No trend fitted")
    labels = {
        "linear": _("Linear trend (least squares)"),
        "compound": _("Compound growth trend (least squares on logarithms)"),
    }
    return labels.get(key, key)
