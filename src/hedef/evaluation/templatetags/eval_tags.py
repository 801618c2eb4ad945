"""Template filters of the evaluation pages."""

from django import template
from django.utils.translation import gettext as _

from hedef.domain.statuses import direction_label, forecast_method_label

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
