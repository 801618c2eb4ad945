from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        max_length=3000,
    )
    name = forms.CharField(label=_("Name (optional, never shown)"), required=False, max_length=120)
    email = forms.EmailField(
        label=_("E-mail for an answer (optional, never shown)"), required=False
    )
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    token = forms.CharField(widget=forms.HiddenInput)


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", _("Publish")), ("reject", _("Reject"))], label=_("Decision")
    )
    answer = forms.CharField(
        label=_("Public answer"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
