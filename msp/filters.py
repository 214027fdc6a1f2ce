import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import affiliations
from .forms import CodelistChoiceField, CountryChoiceField
from .models import ActivityEntry, Country, Partnership, Phase, SdgGoal
from .widgets import PlainSelect


def listed_choices(field, objects=None):
    """Give a model choice field its choices as a list read in one plain query (or `objects`, the queryset's rows
    in its order, when the page has loaded them already). Left to itself, the field reads its queryset with
    iterator() each time the dropdown is drawn, which PostgreSQL runs as a server-side cursor (DECLARE, FETCH,
    FETCH, CLOSE: four round trips). Validating a chosen value still asks the queryset."""
    choice = field.iterator(field).choice
    empty = [("", field.empty_label)] if field.empty_label is not None else []
    objects = field.queryset if objects is None else objects
    # The plain setter: django-filters' own wraps the list in the field's iterator, which takes a queryset.
    forms.ChoiceField.choices.fset(field, [*empty, *(choice(obj) for obj in objects)])


class CodelistFilter(django_filters.ModelChoiceFilter):
    """A codelist filter (msp.codelists) whose choices are labelled in the active language."""

    field_class = CodelistChoiceField


class CountryFilter(CodelistFilter):
    """... and, for countries, in the alphabetical order of the active language."""

    field_class = CountryChoiceField


class PartnershipFilter(django_filters.FilterSet):
    """Runs on the user's scoped queryset; country and goal choices offer only what those partnerships use."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    phase = django_filters.ChoiceFilter(
        widget=PlainSelect, label=_("Phase"), choices=Phase.choices, empty_label=_("Any phase")
    )
    country = CountryFilter(
        widget=PlainSelect,
        label=_("Country"),
        field_name="countries",
        queryset=Country.objects.none(),
        empty_label=_("Any country"),
    )
    archived = django_filters.ChoiceFilter(
        widget=PlainSelect,
        label=_("Archived"),
        choices=[("only", _("Archived only")), ("all", _("Active and archived"))],
        empty_label=pgettext_lazy("partnerships", "Active"),
        method="filter_archived",
    )
    sdg_goal = CodelistFilter(
        widget=PlainSelect,
        label=_("SDG goal"),
        field_name="sdg_goals",
        queryset=SdgGoal.objects.none(),
        empty_label=_("Any goal"),
    )

    class Meta:
        model = Partnership
        fields = ["q", "phase", "country", "sdg_goal", "archived"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["country"].queryset = Country.objects.filter(partnerships__in=queryset).distinct()
        self.filters["sdg_goal"].queryset = SdgGoal.objects.filter(partnerships__in=queryset).distinct()
        for name in ("phase", "country", "sdg_goal", "archived"):
            self.form.fields[name].widget.attrs["class"] = "form-select"

    @property
    def qs(self):
        # Archived partnerships are hidden unless asked for. Not a filter method: those run only for a chosen
        # value, and not at all on an unbound filter (the list as first opened).
        if not hasattr(self, "_visible_qs"):
            queryset = super().qs
            wanted = self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("archived")
            self._visible_qs = queryset if wanted else queryset.filter(archived_at__isnull=True)
        return self._visible_qs

    def filter_archived(self, queryset, name, value):
        return queryset.filter(archived_at__isnull=False) if value == "only" else queryset

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(problem_statement__icontains=value)
            | Q(vision__icontains=value)
            | Q(planned_approach__icontains=value)
        )


class ActivityFilter(django_filters.FilterSet):
    """The activity feed of one partnership, by person, their organisation, kind of record and date. Every choice
    is scoped to the partnership: its people, its member organisations, the kinds of record its feed holds."""

    actor = django_filters.ModelChoiceFilter(
        widget=PlainSelect, label=_("Person"), queryset=get_user_model().objects.none(), empty_label=_("Anyone")
    )
    organisation = django_filters.ChoiceFilter(
        widget=PlainSelect,
        label=_("Organisation"),
        choices=[],
        empty_label=_("Any organisation"),
        method="by_organisation",
    )
    content_type = django_filters.ModelChoiceFilter(
        widget=PlainSelect, label=_("Kind of record"), queryset=ContentType.objects.none(), empty_label=_("Any kind")
    )
    since = django_filters.DateFilter(label=_("From"), field_name="timestamp", lookup_expr="date__gte")
    until = django_filters.DateFilter(label=_("Until"), field_name="timestamp", lookup_expr="date__lte")

    class Meta:
        model = ActivityEntry
        fields = ["actor", "organisation", "content_type", "since", "until"]

    def __init__(self, data=None, queryset=None, *, partnership, **kwargs):
        super().__init__(data, queryset, **kwargs)
        people = get_user_model().objects.filter(partnership_roles__partnership=partnership)
        self.filters["actor"].queryset = people.order_by("first_name", "last_name", "username")
        self.filters["actor"].field.label_from_instance = lambda u: u.get_full_name() or u.get_username()
        links = affiliations.get()
        organisations = links.members_of(partnership) if links else []
        self.filters["organisation"].extra["choices"] = [(str(o.pk), str(o)) for o in organisations]
        kinds = ContentType.objects.filter(pk__in=queryset.order_by().values("content_type"))
        self.filters["content_type"].queryset = kinds
        self.filters["content_type"].field.label_from_instance = lambda ct: capfirst(
            ct.model_class()._meta.verbose_name if ct.model_class() else ct.model
        )
        for name in ("actor", "organisation", "content_type"):
            self.form.fields[name].widget.attrs["class"] = "form-select form-select-sm"
        for name in ("since", "until"):
            self.form.fields[name].widget = forms.DateInput(
                attrs={"type": "date", "class": "form-control form-control-sm"}
            )

    def with_listed_choices(self):
        """The filter, its person and kind dropdowns given their choices as lists (for a page that draws them; the
        export and the results swapped in by htmx do not, and read neither)."""
        for name in ("actor", "content_type"):
            listed_choices(self.form.fields[name])
        return self

    def by_organisation(self, queryset, name, value):
        """Entries by the people (accounts) linked to a contact person of the organisation."""
        links = affiliations.get()
        people = links.people_of([int(value)]) if links else []
        return queryset.filter(actor__in=[p.user_id for p in people])
