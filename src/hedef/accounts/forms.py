from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hedef.accounts.models import Role
from hedef.accounts.permissions import can_invite
from hedef.agencies.models import Agency
from hedef.domain.core.text import az_sort_key


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=9,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"))
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.all(),
        required=False,
        help_text=_("Required for a focal person: the agency they report for."),
    )

    def __init__(self, *args: Any, inviter: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = [(v, label) for v, label in Role.choices if can_invite(inviter, v)]
        agency = self.fields["agency"]
        assert isinstance(agency, forms.ModelChoiceField)
        agencies = sorted(Agency.objects.all(), key=lambda a: az_sort_key(a.acronym or a.name))
        agency.choices = [("", "—")] + [(a.pk, str(a)) for a in agencies]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.FOCAL_PERSON and not data.get("agency"):
            self.add_error("agency", _("A focal person must belong to an agency."))
        return data
