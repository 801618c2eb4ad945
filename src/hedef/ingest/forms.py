from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class DocumentUploadForm(forms.Form):
    document = forms.FileField(
        label=_("Strategy document"),
        help_text=_(
            "Plain text extracted from the PDF, a PDF with a text layer, a DOCX, "
            "or a plan file (JSON, Excel, YAML)."
        ),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > settings.HEDEF_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("%(name)s is larger than the %(limit)d MB limit."),
                code="too_large",
                params={"name": upload.name, "limit": settings.HEDEF_MAX_UPLOAD_BYTES // 2**20},
            )
        return upload
