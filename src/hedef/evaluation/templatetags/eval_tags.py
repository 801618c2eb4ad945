"""Template filters of the evaluation pages."""

from functools import lru_cache

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hedef.domain.evaluation.statuses import (
    direction_label,
    forecast_method_label,
    stage_label,
    status_label,
)

register = template.Library()


@register.filter
def forecast_method(key):
    """The translated name of a forecast method key (``linear``, ``compound``)."""
    return forecast_method_label(str(key) if key else None)


@register.filter
def direction(key):
    """The translated wording of an indicator direction key."""
    return direction_label(str(key))


@register.filter
def rating_group(key):
    """The translated name of a readiness rating group key."""
    labels = {
        "advanced": _("Advanced"),
        "established": _("Established"),
        "developing": _("Developing"),
        "initial": _("Initial"),
    }
    return labels.get(str(key), key or "—")


@lru_cache(maxsize=512)
def _label(kind: str, key: str, language: str) -> str:
    # The catalogues never change while the process runs, so a label per language
    # is worked out once.
    if kind == "stage":
        return stage_label(key or None)
    return status_label(key)


@register.filter
def status_name(key):
    """The translated label of a status key (cached per language)."""
    return _label("status", str(key or ""), get_language() or "")


@register.filter
def stage_name(key):
    """The translated name of a result stage, or "none reported" (cached per language)."""
    return _label("stage", str(key or ""), get_language() or "")


@register.filter
def share(value):
    """A share as a whole percentage, uncapped ("123 %"), or a dash when unknown."""
    if value is None or value == "":
        return "—"
    return f"{round(float(value) * 100)} %"
