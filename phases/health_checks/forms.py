"""Forms of the health check: opening a round, and the scores of one organisation (all the round's items on one
page, a score from 1 to 5 and a comment each). They validate what was typed; the rules are the services'."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..catalogue import Area
from ..models.health_check import SCORES
from .services import scorable_items

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper(layout=None):
    helper = FormHelper()
    helper.form_tag = False
    if layout is not None:
        helper.layout = layout
    return helper


def item_choices():
    """The manual and assisted items, grouped by area (a checkbox list with a heading per area)."""
    groups = {}
    for item in scorable_items():
        groups.setdefault(item.area, []).append((item.id, f"{item.id} {item.title}"))
    return [(Area(area).label, choices) for area, choices in groups.items()]


class HealthCheckForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    closes_on = forms.DateField(
        label=_("Closes on"), widget=DATE, help_text=_("The round opens today; members score until this date.")
    )
    item_ids = forms.MultipleChoiceField(
        label=_("Items to put to the members"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Manual and assisted items of the checklist: each member scores each of them from 1 to 5."),
    )
    anonymous = forms.BooleanField(
        label=_("Scores are anonymous to other partners"),
        required=False,
        help_text=_("Partners then see the scores without the names of the organisations; the secretariat sees all."),
    )
    helper = _helper()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item_ids"].choices = item_choices()
        self.fields["closes_on"].initial = timezone.localdate() + timezone.timedelta(days=14)


class OrganisationChoiceForm(forms.Form):
    """Which member's scores the secretariat records (a GET form: it loads that member's earlier scores)."""

    organisation = forms.TypedChoiceField(label=_("Member organisation"), coerce=int)
    helper = _helper()

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("Choose a member…"))] + [(m.pk, str(m)) for m in members]


def _score_field(item):
    return forms.TypedChoiceField(
        label=pgettext_lazy("health check", "Score"),
        choices=[(n, str(n)) for n in SCORES],
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        help_text=format_lazy("{} {}", item.describe(), _("1: not at all true of this partnership; 5: fully true.")),
    )


class ScoreForm(forms.Form):
    """One organisation's scores: `score_<id>` and `comment_<id>` for each item of the round. An item left without
    a score is not scored (yet); a comment needs a score."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        fieldsets = []
        for item in items:
            self.fields[f"score_{item.id}"] = _score_field(item)
            self.fields[f"comment_{item.id}"] = forms.CharField(
                label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
            )
            fieldsets.append(
                Fieldset(f"{item.id} {item.title}", InlineRadios(f"score_{item.id}"), f"comment_{item.id}")
            )
        self.helper = _helper(Layout(*fieldsets))

    @staticmethod
    def initial_from(scores):
        """The form's initial values from {item id: HealthCheckScore}."""
        initial = {}
        for item_id, row in scores.items():
            initial[f"score_{item_id}"], initial[f"comment_{item_id}"] = row.score, row.comment
        return initial

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            if cleaned.get(f"comment_{item.id}") and cleaned.get(f"score_{item.id}") in (None, ""):
                self.add_error(f"score_{item.id}", _("Give a score with your comment."))
        if not self.errors and not self.scores():
            raise forms.ValidationError(_("Score at least one item."))
        return cleaned

    def scores(self) -> dict:
        """{item id: (score, comment)} of the items given a score."""
        return {
            item.id: (self.cleaned_data[f"score_{item.id}"], self.cleaned_data.get(f"comment_{item.id}", ""))
            for item in self.items
            if self.cleaned_data.get(f"score_{item.id}") not in (None, "")
        }
