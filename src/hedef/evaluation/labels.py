"""Words for the evaluation core's stable note keys, in the active language.

The core explains its results with keys (``baseline_from_first_observation``,
``period_not_started``); this module is the one place they become sentences.
Messages are built when called, never at import, so they follow the request's
language.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from hedef.domain.evaluation import attainment as attainment_rules
from hedef.domain.evaluation import forecast as forecast_rules
from hedef.domain.evaluation import measure_status as measure_rules
from hedef.domain.evaluation import path_progress as progress_rules
from hedef.evaluation.selectors import IndicatorEvaluation


def attainment_notes(item: IndicatorEvaluation) -> list[str]:
    """What a reader should know about an indicator's attainment, as sentences."""
    result = item.attainment
    first = item.observations[0] if item.observations else None
    texts = {
        attainment_rules.NOTE_BASELINE_FROM_FIRST_OBSERVATION: _(
            "The plan states no baseline: the first accepted value (%(period)s) is used "
            "as the baseline."
        )
        % {"period": first.period if first else "—"},
        attainment_rules.NOTE_NO_BASELINE: _(
            "The plan states no baseline and no value has been accepted yet."
        ),
        attainment_rules.NOTE_NO_ACTUAL: _("No accepted value yet."),
        attainment_rules.NOTE_NO_TARGET: _("The plan sets no target for this date."),
        attainment_rules.NOTE_TARGET_INTERPOLATED: _(
            "The target for a date between two target years is interpolated linearly."
        ),
        attainment_rules.NOTE_FINAL_TARGET_USED: _(
            "After the last target year the final target applies."
        ),
        attainment_rules.NOTE_TARGET_EQUALS_BASELINE: _(
            "The target keeps the baseline level: it counts as attained while the level is held."
        ),
        attainment_rules.NOTE_TARGET_AGAINST_DIRECTION: _(
            "The target is a threshold on the worse side of the baseline: it counts as "
            "attained while the value stays on its better side."
        ),
        attainment_rules.NOTE_OVER_ACHIEVED: _(
            "Over-achieved: the value has gone beyond the target (shown uncapped)."
        ),
        attainment_rules.NOTE_RUNNING_TOTALS: _(
            "Yearly increments were added up to running totals."
        ),
    }
    notes = [texts.get(key, key) for key in result.notes]
    if item.indicator.cumulative:
        notes.append(
            _(
                "The indicator accumulates: targets and values are running totals "
                "since the baseline."
            )
        )
    return notes


def progress_notes(item: IndicatorEvaluation) -> list[str]:
    """What a reader should know about an indicator's progress status and forecast."""
    texts = {
        progress_rules.NOTE_LINEAR_FOR_NON_POSITIVE: _(
            "Values at or below zero: the linear rate (change per year) is used."
        ),
        progress_rules.NOTE_COMPOUND_NEEDS_POSITIVE: _(
            "A compound growth rate needs positive values."
        ),
        progress_rules.NOTE_ONE_OBSERVATION: _(
            "A progress status needs at least two values (the baseline counts as one)."
        ),
        progress_rules.NOTE_NO_BASE: _("No value at or after the base year."),
        progress_rules.NOTE_STAGE_MET: _("The stage asks to hold the level, and it is held."),
        progress_rules.NOTE_STAGE_NOT_AHEAD: _(
            "The stage asks to hold the level, and it is not held."
        ),
        progress_rules.NOTE_ZERO_BASE_WITHOUT_TARGET: _(
            "Without a target, a base value of zero gives no relative change."
        ),
        forecast_rules.NOTE_TOO_FEW: _("A forecast needs at least two values."),
        forecast_rules.NOTE_NOT_POSITIVE: _("A compound trend needs positive values."),
        forecast_rules.NOTE_NOT_REACHED: _("The trend moves away from the target."),
    }
    keys = list(item.progress.notes)
    if item.forecast is not None:
        keys.extend(key for key in item.forecast.notes if key not in keys)
    return [texts.get(key, key) for key in keys]


def measure_notes() -> dict[str, str]:
    """Measure status note key → sentence."""
    return {
        measure_rules.NOTE_NOT_STARTED: _("The measure's period has not started."),
        measure_rules.NOTE_MISSED_CYCLES: _("More than one reporting cycle was missed."),
        measure_rules.NOTE_TARGETS_NOT_MET: _(
            "A reported number misses its target in the result text."
        ),
    }
