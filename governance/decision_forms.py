"""Forms of the decision log: the draft, a position (a partner's own, or the secretariat's on a member's behalf
with evidence), the outcome, and the log's filters. They validate what was typed; the rules are the services'."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from msp.text import cap_length
from phases.models import PhaseTransition
from stakeholders.models import Organisation

from .decision_rules import Method, Outcome, Position
from .models import Body, BodyType, Decision, Meeting, MeetingStatus, MouVersion, RoadmapVersion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({_when(obj.start)})"


class TransitionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_from_phase_display()} → {obj.get_to_phase_display()} ({_when(obj.created_at)})"


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"v{obj.number} ({obj.get_status_display()})"


def decision_meetings(partnership):
    """The meetings a decision of `partnership` may be taken at (the service also checks the body matches)."""
    meetings = Meeting.objects.filter(partnership=partnership, is_formal=True).exclude(status=MeetingStatus.CANCELLED)
    return meetings.order_by("-start", "-pk")


class DecisionForm(forms.ModelForm):
    """The draft; the links (body, meeting, what it changed) offer this partnership's records only."""

    class Meta:
        model = Decision
        fields = [
            "title",
            "text",
            "body",
            "meeting",
            "method",
            "topic",
            "delegated_by",
            "phase_transition",
            "roadmap_version",
            "mou_version",
        ]
        field_classes = {
            "meeting": MeetingChoiceField,
            "phase_transition": TransitionChoiceField,
            "roadmap_version": VersionChoiceField,
            "mou_version": VersionChoiceField,
        }
        help_texts = {
            "phase_transition": _("The phase move this decision made, once it is recorded."),
            "roadmap_version": _("The roadmap version this decision adopted or changed."),
            "mou_version": _("The MoU version this decision adopted or changed."),
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(partnership=partnership).exclude(type=BodyType.SECRETARIAT)
        self.fields["body"].empty_label = _("All active members decide")
        self.fields["meeting"].queryset = decision_meetings(partnership)
        self.fields["meeting"].empty_label = _("Not taken at a meeting")
        adopted = Decision.objects.filter(partnership=partnership, status="decided", outcome=Outcome.ADOPTED)
        self.fields["delegated_by"].queryset = adopted.exclude(pk=self.instance.pk)
        self.fields["phase_transition"].queryset = PhaseTransition.objects.filter(partnership=partnership)
        self.fields["roadmap_version"].queryset = RoadmapVersion.objects.filter(partnership=partnership).order_by(
            "-number"
        )
        self.fields["mou_version"].queryset = MouVersion.objects.filter(partnership=partnership).order_by("-number")
        cap_length(self.fields["text"], 20_000)
        self.helper = _helper()

    def service_kwargs(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PositionForm(forms.Form):
    position = forms.ChoiceField(label=_("Position"), choices=Position.choices, widget=forms.RadioSelect)
    statement = forms.CharField(
        label=_("Statement"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why, or on which conditions (shown with the position; kept with an objection)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class OnBehalfForm(PositionForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    note = forms.CharField(
        label=_("Evidence: note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How and when the member gave its position (at the meeting, by letter, by e-mail)."),
    )
    evidence = forms.FileField(
        label=_("Evidence: file"), required=False, help_text=_("The signed page, letter or message (PDF or image).")
    )
    field_order = ["organisation", "position", "statement", "note", "evidence"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class OutcomeForm(forms.Form):
    """The outcome, its date and the meeting it was taken at (often only known once the meeting is over)."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DATE, initial=timezone.localdate)
    meeting = MeetingChoiceField(
        label=_("Taken at the meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not taken at a meeting"),
        help_text=_("A formal meeting of the deciding body (or of no body)."),
    )

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, initial={"meeting": decision.meeting_id}, **kwargs)
        self.fields["meeting"].queryset = decision_meetings(decision.partnership_id)
        self.helper = _helper()


class DecisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    body = django_filters.ModelChoiceFilter(label=_("Body"), queryset=Body.objects.none(), empty_label=_("Any body"))
    method = django_filters.ChoiceFilter(label=_("Method"), choices=Method.choices, empty_label=_("Any method"))
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Outcome.choices, empty_label=_("Any outcome"))
    decided_from = django_filters.DateFilter(
        label=_("Decided from"), field_name="decided_on", lookup_expr="gte", widget=DATE
    )
    decided_to = django_filters.DateFilter(
        label=_("Decided until"), field_name="decided_on", lookup_expr="lte", widget=DATE
    )

    class Meta:
        model = Decision
        fields = ["q", "body", "method", "outcome", "decided_from", "decided_to"]

    def __init__(self, data=None, queryset=None, *, partnership, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["body"].queryset = Body.objects.filter(partnership=partnership).exclude(type=BodyType.SECRETARIAT)
        for field in self.form.fields.values():
            css = "form-select form-select-sm" if hasattr(field, "choices") else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)

    @property
    def active(self):
        return any(self.data.get(name) for name in self.filters)

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(text__icontains=value)) if value else queryset
