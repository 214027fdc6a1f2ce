from django import forms
from django.utils.translation import gettext_lazy as _

from stakeholders.selectors import active_member_organisations

from .models import Clause, Level, Milestone, MilestoneStatus, MouVersion, ResultNode, RoadmapVersion, parent_level
from .services import SCAN_MAX_BYTES

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


class ResultNodeForm(_OwnedForm):
    class Meta:
        model = ResultNode
        fields = ["level", "parent", "title", "description", "owner"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "parent": _("Outcomes contribute to an impact, outputs to an outcome, activities to an output."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nodes = self.version.nodes.exclude(level=Level.ACTIVITY).order_by("position", "pk")
        if self.instance.pk:
            nodes = nodes.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = nodes
        self.fields["parent"].label_from_instance = lambda n: f"{n.get_level_display()}: {n.title}"
        self.fields["parent"].empty_label = _("None (an impact is the top of the chain)")

    def clean(self):
        cleaned = super().clean()
        level, parent = cleaned.get("level"), cleaned.get("parent")
        if level and parent is not None and parent.level != parent_level(level):
            self.add_error(
                "parent",
                _("An %(level)s contributes to an %(expected)s; “%(title)s” is an %(actual)s.")
                % {
                    "level": Level(level).label.lower(),
                    "expected": Level(parent_level(level)).label.lower() if parent_level(level) else "–",
                    "title": parent.title,
                    "actual": parent.get_level_display().lower(),
                },
            )
        return cleaned


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


class MilestoneProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    done_on = forms.DateField(label=_("Done on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


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
