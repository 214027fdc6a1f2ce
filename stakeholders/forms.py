from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from msp import uploads
from msp.forms import CodelistChoiceField, CountryChoiceField
from msp.models import Country, Role
from msp.widgets import SearchSelect

from .models import (
    EARLIEST_DATE,
    JOIN_AHEAD,
    LEAVE_AHEAD,
    MAX_CAPACITY,
    MAX_INVITATION_DAYS,
    ContactPerson,
    Membership,
    Organisation,
    OrganisationType,
    StakeholderMapEntry,
    capacity_too_large,
    latest_date,
)
from .selectors import organisation_choice_label, organisations_named, similar_organisations
from .spreadsheets import ImportKind


def _helper(*layout):
    helper = FormHelper()
    helper.form_tag = False
    if layout:
        helper.layout = Layout(*layout)
    return helper


def _date_limits(form, name, ahead=None):
    """The browser's date picker offers only the dates the model keeps (see models.date_out_of_range)."""
    if name in form.fields:
        form.fields[name].widget.attrs.update({"min": EARLIEST_DATE.isoformat(), "max": latest_date(ahead).isoformat()})


def organisation_picker():
    """A search-as-you-type picker over the whole registry (msp.widgets.SearchSelect): the page carries only the
    current choice, the rest comes page by page from organisations:choices as the person types."""
    return SearchSelect(
        reverse_lazy("organisations:choices"),
        placeholder=_("Type a name…"),
        lookup=organisations_named,
        find_label=_("Or type its exact name, short name or IATI identifier"),
    )


class OrganisationChoiceField(forms.ModelChoiceField):
    """An organisation of the registry, picked by searching it (never a list of the whole registry)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", organisation_picker())
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return organisation_choice_label(obj)


class OrganisationForm(forms.ModelForm):
    """An organisation of the registry. A name close to an existing one is refused once, with links to the look-
    alikes; ticking "a different organisation" saves it anyway."""

    confirm_distinct = forms.BooleanField(
        label=_("It is a different organisation: save it anyway"), required=False, widget=forms.HiddenInput
    )
    iati_type = CodelistChoiceField(
        label=_("IATI organisation type"),
        queryset=OrganisationType.objects.all(),
        required=False,
        widget=forms.Select(attrs={"data-enhance": "single", "data-placeholder": _("Type or pick a type…")}),
    )
    country = CountryChoiceField(
        label=_("Country"),
        queryset=Country.objects.current(),
        required=False,
        help_text=_("Where the organisation has its seat."),
        widget=forms.Select(attrs={"data-enhance": "single", "data-placeholder": _("Type a country…")}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "sector", "iati_type", "country", "website", "iati_identifier", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, similar_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.similar = []
        if similar_url:
            # As the name is typed, the look-alikes show under it (htmx); the check on saving works without it.
            self.fields["name"].widget.attrs.update(
                {
                    "data-hx-get": similar_url,
                    "data-hx-trigger": "input changed delay:400ms, change",
                    "data-hx-target": "#similar-organisations",
                    "data-hx-include": "[name=short_name]",
                    "autocomplete": "off",
                }
            )
        # confirm_distinct is rendered by the template, beside the look-alikes, once there are any.
        self.helper = _helper(
            Fieldset(_("The organisation"), "name", Div(css_id="similar-organisations"), "short_name", "sector"),
            Fieldset(_("Identification"), "iati_type", "country", "website", "iati_identifier"),
            "description",
        )

    def clean_iati_identifier(self):
        value = self.cleaned_data["iati_identifier"].strip()
        if value:
            clash = Organisation.objects.filter(iati_identifier__iexact=value).exclude(pk=self.instance.pk).first()
            if clash:
                raise forms.ValidationError(
                    format_html(
                        '{} <a href="{}">{}</a>.',
                        _("This IATI identifier belongs to"),
                        reverse("organisations:detail", kwargs={"pk": clash.pk}),
                        clash.name,
                    )
                )
        return value

    def cleaned_data_for_model(self):
        return {name: value for name, value in self.cleaned_data.items() if name != "confirm_distinct"}

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name and not self.errors and not cleaned.get("confirm_distinct"):
            self.similar = similar_organisations(
                name, short_name=cleaned.get("short_name", ""), exclude_pk=self.instance.pk
            )
            if self.similar:
                # On the (hidden) confirmation field: the template shows it with the look-alikes and the checkbox.
                self.add_error(
                    "confirm_distinct",
                    forms.ValidationError(
                        _("The registry already has organisations with a similar name. Is it one of them?"),
                        code="similar",
                    ),
                )
        return cleaned


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "job_title", "seniority", "email", "phone", "is_active", "may_sign"]
        help_texts = {"email": _("Needed to invite the person and to reach them.")}

    def __init__(self, *args, locked=(), locked_reason="", **kwargs):
        """`locked`: authority fields the user may not change here (shown disabled, with `locked_reason`)."""
        super().__init__(*args, **kwargs)
        for name in locked:
            if name in self.fields:
                self.fields[name].disabled = True
        if locked:
            last = [name for name in self.fields if name in locked][-1]
            self.fields[last].help_text = locked_reason
        self.helper = _helper()


class MembershipForm(forms.ModelForm):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
    )

    class Meta:
        model = Membership
        fields = ["organisation", "role", "iati_role", "is_core_group", "joined_on", "left_on", "capacity_person_days"]
        widgets = {
            "joined_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "left_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "is_core_group": _("The few committed organisations that drive the partnership in its first phase."),
            "left_on": _("Set it when the organisation leaves; it stays in the members' history."),
            "iati_role": _("Its role in IATI terms, for reporting."),
        }

    capacity_person_days = forms.IntegerField(
        label=capfirst(Membership._meta.get_field("capacity_person_days").verbose_name),
        required=False,
        min_value=0,
        max_value=MAX_CAPACITY,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity_person_days"].error_messages["max_value"] = capacity_too_large().messages[0]
        if self.instance.pk:
            self.fields["organisation"].disabled = True
        else:
            del self.fields["left_on"]
        _date_limits(self, "joined_on", JOIN_AHEAD)
        _date_limits(self, "left_on", LEAVE_AHEAD)
        self.fields["iati_role"].choices = [("", _("Not set")), *self.fields["iati_role"].choices[1:]]
        self.helper = _helper()

    def clean(self):
        cleaned = super().clean()
        joined, left = cleaned.get("joined_on"), cleaned.get("left_on")
        if joined and left and left < joined:
            self.add_error("left_on", _("An organisation cannot leave before it joined."))
        return cleaned

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        data.pop("organisation")
        return data


class MapEntryForm(forms.ModelForm):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
    )
    country = CountryChoiceField(
        label=_("Located in"),
        queryset=Country.objects.current(),
        required=False,
        help_text=_("Where the stakeholder is active for this partnership; empty: the organisation's country."),
        widget=forms.Select(attrs={"data-enhance": "single", "data-placeholder": _("Type a country…")}),
    )

    class Meta:
        model = StakeholderMapEntry
        fields = [
            "organisation",
            "power",
            "interest",
            "influence",
            "engagement",
            "is_target_group",
            "is_key",
            "is_champion",
            "country",
            "last_engaged_on",
            "notes",
        ]
        widgets = {
            "last_engaged_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "power": _("How much it can shape what the partnership achieves."),
            "interest": _("How much it cares about the partnership's problem."),
            "influence": _("How far it sways others."),
            "last_engaged_on": _("The most recent exchange with it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["organisation"].disabled = True
        _date_limits(self, "last_engaged_on")
        self.helper = _helper(
            "organisation",
            Div(
                Div("power", css_class="col-md-4"),
                Div("interest", css_class="col-md-4"),
                Div("influence", css_class="col-md-4"),
                css_class="row",
            ),
            Div(Div("engagement", css_class="col-md-6"), Div("last_engaged_on", css_class="col-md-6"), css_class="row"),
            Div(
                Div("is_key", css_class="col-md-4"),
                Div("is_target_group", css_class="col-md-4"),
                Div("is_champion", css_class="col-md-4"),
                css_class="row",
            ),
            "country",
            "notes",
        )

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        data.pop("organisation")
        return data


class InvitationForm(forms.Form):
    contact = forms.ModelChoiceField(
        label=_("Contact person"),
        queryset=ContactPerson.objects.none(),
        widget=forms.Select(attrs={"data-enhance": "single", "data-placeholder": _("Type a name…")}),
        help_text=_("Active contacts with an e-mail address, of organisations in this partnership or on its map."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(Role.PARTNER, _("Partner: sees everything, read-only")), (Role.DONOR, _("Donor: sees the summary"))],
        widget=forms.RadioSelect,
        initial=Role.PARTNER,
    )
    valid_days = forms.IntegerField(
        label=_("Link valid for (days)"),
        min_value=1,
        max_value=MAX_INVITATION_DAYS,
        initial=settings.INVITATION_VALID_DAYS,
    )

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts
        self.fields["contact"].label_from_instance = lambda c: f"{c.name} – {c.organisation.label} <{c.email}>"
        self.helper = _helper()


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"), choices=ImportKind.choices, widget=forms.RadioSelect, initial="contacts"
    )
    file = forms.FileField(label=_("File"), help_text=_("CSV or Excel (.xlsx), at most 5 MB and 2,000 rows."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx"
        self.helper = _helper()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_spreadsheet(upload)
        return upload


class AcceptInvitationForm(UserCreationForm):
    """Choose a username and a password. Only validates: the account is made by services.invitation_accept."""

    class Meta(UserCreationForm.Meta):
        fields = ("username",)

    def __init__(self, *args, contact, **kwargs):
        from django.contrib.auth import get_user_model

        first, _sep, last = contact.name.rpartition(" ")
        instance = get_user_model()(email=contact.email, first_name=first or last, last_name=last if first else "")
        super().__init__(*args, instance=instance, **kwargs)
        self.helper = _helper()
