"""The public story's form: the secretariat's words for the public report, a photo checked by its content
(monitoring.photos), the consent without which the photo is never shown, and 3 to 5 key results among the
partnership's indicators. The form validates what was typed; the service (services.stories) holds the rules for
any caller."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from msp.text import cap_length

from .models import Indicator, PublicStory
from .photos import photo_jpeg
from .services.stories import STORY_FIELDS, key_results_refusal

TEXT_LIMIT = 5_000
LONG_TEXTS = ("story", "why_it_matters", "how_we_work", "whats_next")


class KeyResultsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, indicator):
        return f"{indicator.name} ({indicator.unit_label})" if indicator.unit_label else indicator.name


class PublicStoryForm(forms.ModelForm):
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP picture of at most 8 MB. It is stored without its metadata (EXIF)."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    key_results = KeyResultsField(
        label=_("Key results"),
        queryset=Indicator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose 3 to 5 indicators: the report shows each in plain numbers, against its target."),
        error_messages={
            "invalid_choice": _("Choose the key results among this partnership's own indicators."),
            "invalid_pk_value": _("Choose the key results among this partnership's own indicators."),
            "required": _("Choose 3 to 5 key results."),
        },
    )

    class Meta:
        model = PublicStory
        fields = [*STORY_FIELDS, "key_results"]

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["key_results"].queryset = Indicator.objects.filter(partnership=partnership).order_by(
            "position", "pk"
        )
        for name in LONG_TEXTS:
            cap_length(self.fields[name], TEXT_LIMIT)
            self.fields[name].widget.attrs["rows"] = 6 if name == "story" else 3
        cap_length(self.fields["quote"], 600)
        self.fields["quote"].widget.attrs["rows"] = 2
        self.fields["photo_consent"].help_text = _(
            "Tick this only when the people shown agreed to the photo being published. Without it, the photo is "
            "left out of every public report."
        )
        self.fields["contact"].help_text = _("An e-mail address, a website or a phone number anyone may use.")
        self.fields["headline"].help_text = _("For example: “How Ama's cooperative doubled its harvest”.")
        self.fields["why_it_matters"].help_text = _(
            "The problem in a few plain sentences. Left empty, the report uses the partnership's problem statement."
        )
        has_photo = bool(self.instance.photo)
        if not has_photo:
            del self.fields["remove_photo"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("The story"), "headline", "story", "quote", "quote_by"),
            Fieldset(
                _("The photo"),
                HTML('{% include "monitoring/public_story_photo.html" %}'),
                "photo",
                *(["remove_photo"] if has_photo else []),
                "photo_alt",
                "photo_consent",
            ),
            Fieldset(_("What changed"), "key_results"),
            Fieldset(_("The rest of the report"), "why_it_matters", "how_we_work", "whats_next", "contact"),
        )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return photo_jpeg(upload) if upload else None

    def clean_key_results(self):
        chosen = list(self.cleaned_data["key_results"])
        if refusal := key_results_refusal(self.partnership, chosen):
            raise forms.ValidationError(refusal)
        return chosen

    def clean(self):
        cleaned = super().clean()
        has_photo = cleaned.get("photo") or (self.instance.photo and not cleaned.get("remove_photo"))
        if has_photo and not cleaned.get("photo_alt") and "photo" not in self.errors:
            self.add_error("photo_alt", _("Describe what the photo shows, for readers who cannot see it."))
        return cleaned

    def _post_clean(self):
        """No model validation here: the service checks the story."""

    def service_kwargs(self):
        kwargs = {name: self.cleaned_data.get(name) for name in STORY_FIELDS}
        return {
            **kwargs,
            "key_results": self.cleaned_data["key_results"],
            "photo_jpeg": self.cleaned_data.get("photo"),
            "remove_photo": bool(self.cleaned_data.get("remove_photo")),
        }
