from django import forms
from django.utils.translation import gettext_lazy as _

from hedef.core.uploads import check_upload_size


class DocumentUploadForm(forms.Form):
    document = forms.FileField(
        label=_("Strategy document"),
        help_text=_(
            "Plain text extracted from the PDF, a PDF with a text layer, a DOCX, "
            "or a plan file (JSON, Excel, YAML)."
        ),
    )

    def clean_document(self):
        return check_upload_size(self.cleaned_data["document"])
