"""Forms of meetings: record or move a meeting, and choose who attends. They only validate what was typed; the
rules that need other rows (members only, people with a role) are the services' (services.meetings)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from msp.text import cap_length
from stakeholders.models import Organisation

from .models import Body, Meeting

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class MeetingForm(forms.ModelForm):
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("No body (an informal meeting)"),
        help_text=_("The governance body that meets; leave empty for a meeting of no body."),
    )

    online_link = forms.URLField(
        label=_("Online link"), required=False, max_length=500, assume_scheme="https", help_text=_("To join online.")
    )

    class Meta:
        model = Meeting
        fields = ["body", "title", "is_formal", "start", "end", "place", "online_link", "agenda"]
        widgets = {"start": DATETIME, "end": DATETIME, "agenda": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        cap_length(self.fields["agenda"], 10_000)
        self.helper = _helper()

    def service_kwargs(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class InviteForm(forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Attending organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The member organisations taking part."),
    )
    users = forms.ModelMultipleChoiceField(
        label=_("Attending persons"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The secretariat and partners of the partnership; each newly invited person gets the calendar invitation."
        ),
    )

    def __init__(self, *args, organisations, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations
        self.fields["users"].queryset = users
        self.fields["users"].label_from_instance = lambda user: user.get_full_name() or user.get_username()
        self.helper = _helper()

    def service_kwargs(self):
        return dict(self.cleaned_data)
