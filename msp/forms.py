from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.contrib.auth import get_user_model
from django.forms.models import ModelChoiceIterator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import affiliations
from .codelists import sort_key
from .models import Country, Currency, Partnership, PartnershipFit, Role, SdgGoal, SdgTarget, person_name


class ByNameIterator(ModelChoiceIterator):
    """Choices in the alphabetical order of their labels in the active language: the database orders countries by
    their English name, which is not the order of "Allemagne, Côte d'Ivoire, Ghana" or "Deutschland, Ghana"."""

    def __iter__(self):
        choices = super().__iter__()
        if self.field.empty_label is not None:
            yield next(choices)  # before any query: Select.use_required_attribute() asks only for the first choice
        yield from sorted(choices, key=lambda choice: sort_key(choice[1]))


class CodelistChoiceField(forms.ModelChoiceField):
    """A codelist (msp.codelists) labelled in the active language."""

    def label_from_instance(self, obj):
        return obj.display


class CodelistMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display


class CountryChoiceField(CodelistChoiceField):
    iterator = ByNameIterator


class CountryMultipleChoiceField(CodelistMultipleChoiceField):
    iterator = ByNameIterator


class SdgTargetChoiceField(CodelistMultipleChoiceField):
    def label_from_instance(self, obj):
        text = obj.display_description
        return f"{obj.code} {text[:110]}{'…' if len(text) > 110 else ''}"


class PartnershipForm(forms.ModelForm):
    """Create and edit a partnership. `revision` carries the version the user started from (see StaleEdit)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    partnership_fit = forms.ChoiceField(
        label=capfirst(Partnership._meta.get_field("partnership_fit").verbose_name),
        choices=[("", _("Not answered yet")), *PartnershipFit.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    countries = CountryMultipleChoiceField(
        queryset=Country.objects.current(),
        required=False,
        widget=forms.SelectMultiple(attrs={"data-enhance": "multi", "data-placeholder": _("Type a country…")}),
    )
    sdg_goals = CodelistMultipleChoiceField(
        label=_("SDG goals"),
        queryset=SdgGoal.objects.all(),
        required=False,
        help_text=_("Goals of the targets you pick below are added automatically."),
        widget=forms.SelectMultiple(attrs={"data-enhance": "multi", "data-placeholder": _("Pick goals…")}),
    )
    sdg_targets = SdgTargetChoiceField(
        label=_("SDG targets"),
        queryset=SdgTarget.objects.all(),
        required=False,
        widget=forms.SelectMultiple(
            attrs={
                "data-enhance": "multi",
                "data-placeholder": _("Type a target number or words, e.g. 6.1 or water…"),
            }
        ),
    )
    currency = CodelistChoiceField(
        label=_("Reporting currency"),
        queryset=Currency.objects.current(),
        widget=forms.Select(attrs={"data-enhance": "single"}),
    )

    class Meta:
        model = Partnership
        fields = [
            "name",
            "problem_statement",
            "planned_approach",
            "partnership_fit",
            "fit_rationale",
            "vision",
            "countries",
            "sdg_goals",
            "sdg_targets",
            "currency",
            "language",
        ]
        widgets = {
            "problem_statement": forms.Textarea(attrs={"rows": 4}),
            "planned_approach": forms.Textarea(attrs={"rows": 3}),
            "fit_rationale": forms.Textarea(attrs={"rows": 2}),
            "vision": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "fit_rationale": _("Why (or why not) a multi-stakeholder partnership is the right vehicle."),
            "vision": _("What the partnership can change."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision
        if not self.instance.pk:
            self.initial.setdefault("currency", "EUR")
        self.fields["language"].required = False
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "revision",
            Fieldset(_("The partnership"), "name", "vision", "language"),
            Fieldset(
                _("The problem"),
                "problem_statement",
                "planned_approach",
                Div("partnership_fit", css_class="mb-0"),
                "fit_rationale",
            ),
            Fieldset(_("Where and towards which SDGs"), "countries", "sdg_goals", "sdg_targets", "currency"),
            HTML(""),
        )

    def clean_language(self):
        # Left out (an older form, a script): the language it has, or for a new partnership the site's.
        return self.cleaned_data.get("language") or self.instance.language

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("partnership_fit") and not (cleaned.get("fit_rationale") or "").strip():
            self.add_error("fit_rationale", _("Give the rationale for your answer."))
        return cleaned

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        data.pop("revision", None)
        return data


class RoleGrantForm(forms.Form):
    """Grant a role to an existing account. A partner acts for one organisation: a user not yet linked to one is
    linked here to a contact person of a member organisation (see msp.affiliations), or refused with the reason."""

    user = forms.CharField(
        max_length=254,  # an e-mail address at most; a longer one is no account (and too long a LIKE for SQLite)
        label=_("User"),
        help_text=_("Username or e-mail address of an existing account. New people are invited from Stakeholders."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    contact = forms.TypedChoiceField(
        label=_("Acts for (partners)"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_(
            "A partner approves and signs for one organisation: pick the contact person this account belongs to. "
            "Not needed when the account already acts for an organisation."
        ),
    )

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.affiliations = affiliations.get()
        if self.affiliations is None or partnership is None:
            del self.fields["contact"]
            return
        self.fields["contact"].choices = [("", "—"), *self.affiliations.choices_for(partnership)]

    def clean_language(self):
        # Left out (an older form, a script): the language it has, or for a new partnership the site's.
        return self.cleaned_data.get("language") or self.instance.language

    def clean(self):
        cleaned = super().clean()
        user, role = cleaned.get("user"), cleaned.get("role")
        if self.affiliations is None or "contact" not in self.fields or user is None:
            return cleaned
        contact = cleaned.get("contact")
        organisation = self.affiliations.organisation_of(user)
        if contact and organisation:
            self.add_error(
                "contact",
                _("%(user)s already acts for %(org)s; an account acts for one organisation only.")
                % {"user": person_name(user), "org": organisation},
            )
        elif role == Role.PARTNER and not organisation and not contact:
            if len(self.fields["contact"].choices) > 1:
                reason = _(
                    "A partner acts for one organisation, and %(user)s acts for none yet: pick the contact person "
                    "this account belongs to."
                )
            else:
                reason = _(
                    "A partner acts for one organisation, and %(user)s acts for none yet. No member organisation has "
                    "a contact person without an account: add the organisation as a member and the person as its "
                    "contact first, or invite the person from Stakeholders, Invitations (the invitation links the "
                    "account)."
                )
            self.add_error("contact", reason % {"user": person_name(user)})
        return cleaned

    def clean_user(self):
        value = self.cleaned_data["user"].strip()
        User = get_user_model()
        matches = list(User.objects.filter(is_active=True).filter(username__iexact=value)[:1]) or list(
            User.objects.filter(is_active=True, email__iexact=value)[:2]
        )
        if not matches:
            raise forms.ValidationError(_("No active account with the username or e-mail “%s”.") % value)
        if len(matches) > 1:
            raise forms.ValidationError(_("Several accounts share this e-mail; enter the username instead."))
        return matches[0]
