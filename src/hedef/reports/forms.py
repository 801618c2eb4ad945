"""The monitoring report page's form: which strategy, cycle, format and language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hedef.monitoring.models import ReportingCycle
from hedef.plans.models import Strategy
from hedef.reports.files import ALL

FORMAT_CHOICES = [("pdf", "PDF"), ("docx", _("Word (DOCX)")), ("html", "HTML")]
# Each language by its own name, as the language switcher writes them.
LANGUAGE_CHOICES = [("az", "Azərbaycanca"), ("en", "English")]


class CycleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.label} ({obj.period_start:%d.%m.%Y}–{obj.period_end:%d.%m.%Y})"


class ReportForm(forms.Form):
    strategy = forms.ChoiceField(label=_("Strategy"))
    cycle = CycleChoiceField(
        label=_("Reporting cycle"),
        queryset=ReportingCycle.objects.order_by("-period_end", "-pk"),
        empty_label=None,
        help_text=_(
            "The report evaluates the strategy as of the cycle's last day, as the dashboard does."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES)
    language = forms.ChoiceField(label=_("Language of the report"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        strategies = Strategy.objects.filter(current_version__isnull=False).select_related(
            "current_version"
        )
        self.fields["strategy"].choices = [
            (ALL, _("All strategies of the cycle (consolidated report)")),
            *((strategy.code, str(strategy)) for strategy in strategies),
        ]
