"""Forms of the monitoring pages: they parse input; the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from hedef.agencies.models import Agency
from hedef.domain.core.text import az_sort_key
from hedef.domain.monitoring.submissions import (
    COMMENT_MAX_LENGTH,
    CONTRIBUTION_MAX_LENGTH,
    TEXT_LIMITS,
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    SubmissionContent,
    SubmissionField,
    target_field,
)
from hedef.domain.plans.model import Stage
from hedef.monitoring import choices
from hedef.monitoring.choices import FIELD_LABELS
from hedef.monitoring.content import submission_content
from hedef.monitoring.models import Submission
from hedef.plans.models import Strategy

BLANK = [("", "—")]


def text_area(rows: int, limit: int) -> forms.Textarea:
    """A text box the browser holds to ``limit`` characters; the action checks it again."""
    return forms.Textarea(attrs={"rows": rows, "maxlength": limit})


class DateInput(forms.DateInput):
    """The browser's date picker; it reads and writes ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class CycleForm(forms.Form):
    label = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("For example: 2026, first half-year.")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=choices.CycleKind.choices)
    period_start = forms.DateField(label=_("Period from"), widget=DateInput)
    period_end = forms.DateField(label=_("Period to"), widget=DateInput)
    due_date = forms.DateField(label=_("Reports due on"), widget=DateInput)
    strategies = forms.ModelMultipleChoiceField(
        label=_("Strategies"),
        queryset=Strategy.objects.filter(current_version__isnull=False),
        widget=forms.CheckboxSelectMultiple,
        to_field_name="code",
    )


def _choice(kind: Any, value: str) -> Any:
    return kind(value) if value else None


class SubmissionForm(forms.Form):
    """A report's content. Fields a reviewer did not reopen are shown but disabled."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, submission: Submission, **kwargs: Any) -> None:
        content = submission_content(submission)
        self.submission = submission
        initial = {"version": submission.version, **self._initial(submission, content)}
        super().__init__(*args, initial=initial, **kwargs)
        if submission.is_indicator:
            self._indicator_fields()
        else:
            self._measure_fields(submission)
        reopened = set(submission.returned_fields or [])
        if submission.state == choices.SubmissionState.RETURNED and reopened:
            for name, field in self.fields.items():
                if name != "version" and self.review_key(name) not in reopened:
                    field.disabled = True

    @staticmethod
    def _initial(submission: Submission, content: SubmissionContent) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "progress_status": submission.progress_status,
            "stage": submission.stage,
            "percent_complete": submission.percent_complete,
            "narrative": submission.narrative,
            "obstacles": submission.obstacles,
            "remedy": submission.remedy,
            "deviation_reason": submission.deviation_reason,
            "deviation_risk": submission.deviation_risk,
            "corrective_action": submission.corrective_action,
            "expected_date": submission.expected_date,
            "indicator_value": submission.indicator_value,
        }
        initial.update({f"target_{t}": v for t, v in content.target_values.items()})
        return initial

    def _indicator_fields(self) -> None:
        self.fields["indicator_value"] = forms.FloatField(label=_("Value"), required=False)
        self.fields["narrative"] = forms.CharField(
            label=_("Note on the value"),
            required=False,
            widget=text_area(3, TEXT_LIMITS["narrative"]),
        )

    def _measure_fields(self, submission: Submission) -> None:

        def text(key: str) -> dict[str, Any]:
            return {"required": False, "widget": text_area(4, TEXT_LIMITS[key])}

        self.fields.update(
            {
                "progress_status": forms.ChoiceField(
                    label=FIELD_LABELS[SubmissionField.PROGRESS_STATUS],
                    choices=BLANK + choices.ProgressStatus.choices,
                    required=False,
                ),
                "stage": forms.ChoiceField(
                    label=FIELD_LABELS[SubmissionField.STAGE],
                    choices=BLANK + choices.StageReached.choices,
                    required=False,
                ),
                "percent_complete": forms.FloatField(
                    label=FIELD_LABELS[SubmissionField.PERCENT],
                    required=False,
                    min_value=0,
                    max_value=100,
                ),
                "narrative": forms.CharField(
                    label=FIELD_LABELS[SubmissionField.NARRATIVE], **text("narrative")
                ),
                "obstacles": forms.CharField(
                    label=FIELD_LABELS[SubmissionField.OBSTACLES], **text("obstacles")
                ),
                "remedy": forms.CharField(
                    label=FIELD_LABELS[SubmissionField.REMEDY], **text("remedy")
                ),
                "deviation_reason": forms.ChoiceField(
                    label=_("Reason for the deviation"),
                    choices=BLANK + choices.DeviationReason.choices,
                    required=False,
                ),
                "deviation_risk": forms.ChoiceField(
                    label=_("Risk"), choices=BLANK + choices.RiskLevel.choices, required=False
                ),
                "corrective_action": forms.CharField(
                    label=_("Corrective action"), **text("corrective_action")
                ),
                "expected_date": forms.DateField(
                    label=_("New expected date"), required=False, widget=DateInput
                ),
            }
        )
        assert submission.measure is not None
        for target in submission.measure.targets.all():
            self.fields[f"target_{target.pk}"] = forms.FloatField(
                label=target.phrase or target.unit, required=False
            )

    @staticmethod
    def review_key(name: str) -> str:
        """The reviewer's field key of a form field."""
        if name.startswith("target_"):
            return target_field(int(name.removeprefix("target_")))
        if name in {"deviation_reason", "deviation_risk", "corrective_action", "expected_date"}:
            return SubmissionField.DEVIATION.value
        return name

    def target_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("target_")]

    def to_content(self) -> SubmissionContent:
        data = self.cleaned_data
        if self.submission.is_indicator:
            return SubmissionContent(
                indicator_value=data.get("indicator_value"), narrative=data.get("narrative") or ""
            )
        return SubmissionContent(
            progress_status=_choice(ProgressStatus, data.get("progress_status") or ""),
            stage=_choice(Stage, data.get("stage") or ""),
            percent_complete=data.get("percent_complete"),
            narrative=data.get("narrative") or "",
            obstacles=data.get("obstacles") or "",
            remedy=data.get("remedy") or "",
            deviation_reason=_choice(DeviationReason, data.get("deviation_reason") or ""),
            deviation_risk=_choice(RiskLevel, data.get("deviation_risk") or ""),
            corrective_action=data.get("corrective_action") or "",
            expected_date=data.get("expected_date"),
            target_values={
                int(name.removeprefix("target_")): value
                for name, value in data.items()
                if name.startswith("target_")
            },
        )


class ReturnForm(forms.Form):
    """The reviewer's comments: on the whole report, or on single fields (which reopens them)."""

    general = forms.CharField(
        label=_("Comment on the whole report"),
        required=False,
        widget=text_area(3, COMMENT_MAX_LENGTH),
        help_text=_("Alone, it returns the whole report for correction."),
    )

    def __init__(self, *args: Any, fields: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in fields:
            self.fields[f"field__{key}"] = forms.CharField(
                label=label, required=False, widget=text_area(2, COMMENT_MAX_LENGTH)
            )

    def comments(self) -> dict[str, str]:
        data = self.cleaned_data
        found = {name.removeprefix("field__"): v for name, v in data.items() if name != "general"}
        return {"": data.get("general", ""), **found}


class CommentForm(forms.Form):
    field = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Reply"), widget=text_area(2, COMMENT_MAX_LENGTH))


class ContributionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    text = forms.CharField(
        label=_("Our contribution"),
        widget=text_area(4, CONTRIBUTION_MAX_LENGTH),
        help_text=_(
            "What your agency did for this measure in the period; the lead agency sees it."
        ),
    )


class UploadForm(forms.Form):
    """One file, refused early when larger than ``limit`` bytes (named by ``setting``)."""

    file = forms.FileField(label=_("File"))
    setting = "HEDEF_MAX_EVIDENCE_BYTES"

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = getattr(settings, self.setting)
        if upload.size > limit:
            raise forms.ValidationError(
                _("%(name)s is larger than the %(limit)d MB limit."),
                code="too_large",
                params={"name": upload.name, "limit": limit // 2**20},
            )
        return upload


class EvidenceForm(UploadForm):
    file = forms.FileField(
        label=_("Evidence file"), help_text=_("PDF, DOCX, XLSX or an image (PNG, JPEG, GIF, WebP).")
    )


class WorkbookUploadForm(UploadForm):
    file = forms.FileField(
        label=_("Filled workbook"), help_text=_("The .xlsx workbook downloaded from this page.")
    )
    setting = "HEDEF_MAX_WORKBOOK_BYTES"


class TokenForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.all())
    label = forms.CharField(
        label=_("Label"), max_length=100, help_text=_("Which system uses it, e.g. “İN e-report”.")
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        help_text=_("The token stops working after this many days; issue a new one before."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = self.fields["days"]
        assert isinstance(days, forms.IntegerField)
        days.initial = settings.HEDEF_API_TOKEN_DAYS
        days.validators.append(MaxValueValidator(settings.HEDEF_API_TOKEN_DAYS))
        days.widget.attrs["max"] = settings.HEDEF_API_TOKEN_DAYS
        agencies = sorted(Agency.objects.all(), key=lambda a: az_sort_key(a.acronym or a.name))
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.choices = [("", "—")] + [(a.pk, str(a)) for a in agencies]
