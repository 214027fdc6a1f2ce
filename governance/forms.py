import datetime
import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from msp.text import in_sentence
from stakeholders.selectors import active_member_organisations

from .models import Clause, Level, Milestone, MilestoneStatus, MouVersion, ResultNode, RoadmapVersion, parent_level
from .services.scans import SCAN_MAX_BYTES

FORMATTING_HELP = _(
    "Simple formatting: a blank line starts a new paragraph; lines starting with “- ” make a bulleted list and "
    "lines starting with “1. ” a numbered one; **bold** and *italic* mark words."
)


class RoadmapVersionForm(forms.ModelForm):
    seen = forms.CharField(required=False, widget=forms.HiddenInput)
    goals = forms.CharField(
        label=_("Common goals"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("One goal per line."),
    )

    class Meta:
        model = RoadmapVersion
        fields = ["problem_statement", "vision", "change_note"]
        widgets = {
            "problem_statement": forms.Textarea(attrs={"rows": 4}),
            "vision": forms.Textarea(attrs={"rows": 3}),
            "change_note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "problem_statement": _("The problem the partners agree to tackle together, in their shared words."),
            "vision": _("Where the partnership wants to be, in a sentence or two."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["goals"] = "\n".join(g.text for g in self.instance.goals.all())
            self.initial["seen"] = self.instance.content_hash

    def goal_list(self):
        return [line.strip() for line in self.cleaned_data["goals"].splitlines() if line.strip()]


class _OwnedForm(forms.ModelForm):
    """Owner organisations are the partnership's active members."""

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        if self.instance.version_id is None:
            self.instance.version = version
        self.fields["owner"].queryset = active_member_organisations(version.partnership)
        self.fields["owner"].empty_label = _("No owner yet")


class ParentSelect(forms.Select):
    """The "contributes to" select. Every candidate node carries its level (data-level) so that results_chain.js
    can offer the right ones when the level changes; nodes not of `offered_level` are hidden and disabled, so
    without scripts only the level above the chosen one is offered. offered_level None offers every node."""

    offered_level = None

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        node = getattr(value, "instance", None)
        if node is not None:
            option["attrs"]["data-level"] = node.level
            if self.offered_level is not None and node.level != self.offered_level and not selected:
                option["attrs"].update(hidden=True, disabled=True)
        return option


class ResultNodeForm(_OwnedForm):
    """The level decides which nodes are offered as "contributes to" (the level above it); the model's clean()
    is the one place that says when the choice does not fit, so each error shows once."""

    class Meta:
        model = ResultNode
        fields = ["level", "parent", "title", "description", "owner"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "parent": ParentSelect}
        help_texts = {
            "parent": _("Outcomes contribute to an impact, outputs to an outcome, activities to an output."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nodes = self.version.nodes.exclude(level=Level.ACTIVITY).order_by("position", "pk")
        if self.instance.pk:
            nodes = nodes.exclude(pk=self.instance.pk)
        parent = self.fields["parent"]
        parent.queryset = nodes
        parent.label_from_instance = lambda n: f"{n.get_level_display()}: {n.title}"
        empty_labels = {value: self._empty_label(value) for value in Level}
        level = self.data.get("level") if self.is_bound else (self.instance.level or self.initial.get("level"))
        parent.empty_label = empty_labels.get(level, _("None (an impact is the top of the chain)"))
        if level in Level.values:
            parent.widget.offered_level = parent_level(level) or ""  # impacts: no node at all
        # For results_chain.js: the level each level hangs under ("" for impacts), and the empty choice's label.
        parent.widget.attrs["data-parent-levels"] = json.dumps({value: parent_level(value) or "" for value in Level})
        parent.widget.attrs["data-empty-labels"] = json.dumps({key: str(label) for key, label in empty_labels.items()})

    @staticmethod
    def _empty_label(level):
        above = parent_level(level)
        if above is None:
            return _("None (an impact is the top of the chain)")
        return _("Choose the %(level)s it contributes to") % {"level": in_sentence(Level(above).label)}


DATE_FLOOR = datetime.date(1990, 1, 1)
DATE_HORIZON_YEARS = 50


def _latest_plausible():
    today = timezone.localdate()
    try:
        return today.replace(year=today.year + DATE_HORIZON_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + DATE_HORIZON_YEARS, day=28)


def check_due_date(value):
    """A roadmap date: not before 1990, at most 50 years ahead (0001-01-01 or 9999-12-31 are typing slips)."""
    latest = _latest_plausible()
    if value and not DATE_FLOOR <= value <= latest:
        raise ValidationError(
            _("Give a due date from %(earliest)s to %(latest)s (at most 50 years from today).")
            % {"earliest": date_format(DATE_FLOOR, "DATE_FORMAT"), "latest": date_format(latest, "DATE_FORMAT")}
        )


def check_done_date(value):
    """A done date: not before 1990 (the model refuses dates in the future)."""
    if value and value < DATE_FLOOR:
        raise ValidationError(
            _("Give a done date from %(earliest)s onwards.") % {"earliest": date_format(DATE_FLOOR, "DATE_FORMAT")}
        )


class MilestoneForm(_OwnedForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "owner", "node", "status", "done_on"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "done_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["node"].queryset = self.version.nodes.order_by("position", "pk")
        self.fields["node"].label_from_instance = lambda n: f"{n.get_level_display()}: {n.title}"
        self.fields["node"].empty_label = _("Not tied to a node")
        self.fields["due_on"].validators.append(check_due_date)
        self.fields["done_on"].validators.append(check_done_date)
        self.fields["due_on"].widget.attrs.update(min=DATE_FLOOR.isoformat(), max=_latest_plausible().isoformat())
        self.fields["done_on"].widget.attrs.update(min=DATE_FLOOR.isoformat(), max=timezone.localdate().isoformat())


class MilestoneProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    done_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[check_done_date],
    )


class MouVersionForm(forms.ModelForm):
    class Meta:
        model = MouVersion
        fields = ["title", "change_note"]
        widgets = {"change_note": forms.Textarea(attrs={"rows": 2})}


class ClauseForm(forms.ModelForm):
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Clause
        fields = ["type", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"text": FORMATTING_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen"] = self.instance.content_hash


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Write your comment first.")},
    )
    clause = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ActForForm(forms.Form):
    """Approving for an organisation: the organisation the page was shown for comes back, so acting for another
    one is refused rather than silently done for the user's own."""

    organisation = forms.IntegerField(widget=forms.HiddenInput)


class SignForm(ActForForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    position = forms.CharField(label=_("Your position"), max_length=200)
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.BooleanField(
        label=_("I have read this version and sign it on behalf of my organisation."),
        error_messages={"required": _("Confirm that you have read the text and sign on behalf of your organisation.")},
    )


class TerminateForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the MoU terminated?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the MoU is terminated.")},
    )


class ScanForm(forms.Form):
    scan = forms.FileField(
        label=_("Scan of the wet-ink signed copy (PDF)"),
        help_text=_("PDF only, at most %(mb)d MB. Only people with a role on the partnership can open it.")
        % {"mb": SCAN_MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"required": _("Choose the PDF file of the scan.")},
    )


class CompareForm(forms.Form):
    a = forms.IntegerField(label=_("Compare version"), min_value=1)
    b = forms.IntegerField(label=_("with version"), min_value=1)
