"""The form of a meeting paper: a title, the file, and whether to share it at once. The file's type and size are
checked by the service (governance.paper_files), which puts its message on the file field."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from msp.text import no_control_characters

from .paper_files import CONTENT_TYPES


class MeetingPaperForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[no_control_characters])
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, plain text or CSV."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(CONTENT_TYPES)}),
    )
    share_now = forms.BooleanField(
        label=_("Share with the members now"),
        required=False,
        help_text=_("The invited persons are told by e-mail. A shared paper can no longer be removed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def service_kwargs(self):
        data = self.cleaned_data
        return {"title": data["title"], "file": data["file"], "share": data["share_now"]}
