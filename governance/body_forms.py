"""Forms of governance bodies, their seats and the secretariat's staff. They only validate what was typed; the
rules that need other rows (members only, one chair, the host's people) are the services' (services.bodies)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from stakeholders.forms import OrganisationChoiceField
from stakeholders.models import ContactPerson, Organisation

from .models import FULL_TIME, Body, BodyType, SecretariatStaff

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class BodyForm(forms.ModelForm):
    host_organisation = OrganisationChoiceField(
        label=_("Host organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Secretariat only: the member or neutral organisation that hosts it and employs its staff."),
    )

    class Meta:
        model = Body
        fields = ["type", "name", "is_primary", "cadence", "majority_threshold", "host_organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cadence"].widget.attrs.update({"min": 0, "max": 366})
        self.helper = _helper()

    def clean(self):
        cleaned = super().clean()
        # A host picked before the type was changed away from secretariat is dropped, not an error to fix.
        if cleaned.get("type") != BodyType.SECRETARIAT:
            cleaned["host_organisation"] = None
        return cleaned

    def service_kwargs(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SeatForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose a member organisation"),
        error_messages={
            "required": _("Choose the member organisation that holds the seat."),
            "invalid_choice": _(
                "Choose one of the partnership's active members without a seat here: only members hold seats."
            ),
        },
    )
    is_voting = forms.BooleanField(
        label=_("Voting"), required=False, initial=True, help_text=_("Its position counts when the body decides.")
    )
    is_chair = forms.BooleanField(
        label=_("Chair"), required=False, help_text=_("At most one seat of a body holds the chair.")
    )

    def __init__(self, *args, organisations, seat=None, **kwargs):
        if seat is not None:
            kwargs.setdefault(
                "initial",
                {"organisation": seat.organisation_id, "is_voting": seat.is_voting, "is_chair": seat.is_chair},
            )
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if seat is not None:
            self.fields["organisation"].disabled = True
        self.helper = _helper()

    def service_kwargs(self):
        return dict(self.cleaned_data)


class StaffForm(forms.ModelForm):
    contact = forms.ModelChoiceField(
        label=_("Person"),
        queryset=ContactPerson.objects.none(),
        empty_label=_("Choose a contact person of the host"),
        help_text=_("Staff are contact persons of the host organisation; register a new one in its registry entry."),
        error_messages={
            "required": _("Choose the person."),
            "invalid_choice": _(
                "Choose a contact person of the secretariat's host organisation: only its people are the "
                "secretariat's staff."
            ),
        },
    )
    time_share = forms.IntegerField(
        label=_("Share of working time (%)"),
        min_value=1,
        max_value=FULL_TIME,
        initial=FULL_TIME,
        help_text=_("100 for someone who works for the secretariat only."),
    )

    class Meta:
        model = SecretariatStaff
        fields = ["contact", "role", "time_share", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts
        self.helper = _helper()

    def service_kwargs(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
