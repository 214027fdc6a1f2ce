"""Forms of minutes: the text with the date it was recorded, and an attendee's comment. They only validate what
was typed; the rules about the meeting and the minutes' state are the services' (services.minutes)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.text import cap_length

from .models import Minutes


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["recorded_on", "text"]
        widgets = {
            "recorded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 14}),
        }
        help_texts = {"text": _("What was discussed and agreed, item by item of the agenda.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recorded_on"].input_formats = ["%Y-%m-%d"]
        if self.instance.pk is None:
            self.initial.setdefault("recorded_on", timezone.localdate())
        cap_length(self.fields["text"], 100_000)
        self.helper = _helper()

    def service_kwargs(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MinutesCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The secretariat and the other attendees read it with the minutes."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
