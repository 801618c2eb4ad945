from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hedef.agencies.models import Agency
from hedef.core.uploads import check_upload_size
from hedef.domain.core.text import az_sort_key
from hedef.plans.models import MeasureExecutor, Strategy
from hedef.plans.selectors import MeasureFilter


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Agency) -> str:
        return str(obj)


class MeasureFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    agency = AgencyChoiceField(
        label=_("Agency"), queryset=Agency.objects.all(), required=False, to_field_name="code"
    )
    role = forms.ChoiceField(
        label=_("As"),
        required=False,
        choices=[("", _("lead or other executor")), *MeasureExecutor.Role.choices],
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    strategy = forms.ModelChoiceField(
        label=_("Strategy"),
        queryset=Strategy.objects.filter(current_version__isnull=False),
        required=False,
        to_field_name="code",
        empty_label=_("any strategy"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.ModelChoiceField)
        agencies = sorted(Agency.objects.all(), key=lambda a: az_sort_key(a.acronym or a.name))
        agency_field.queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])
        agency_field.choices = [("", _("any agency"))] + [(a.code, str(a)) for a in agencies]

    def to_filter(self) -> MeasureFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return MeasureFilter(
            agency=data.get("agency"),
            role=data.get("role") or "",
            year=data.get("year"),
            query=data.get("q") or "",
            strategy=data.get("strategy"),
        )


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plan file"),
        help_text=_("Interchange JSON (format 1.0) or the Excel workbook exported by Hədəf."),
    )

    def clean_file(self):
        return check_upload_size(self.cleaned_data["file"])
