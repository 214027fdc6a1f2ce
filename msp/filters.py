import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .forms import CodelistChoiceField, CountryChoiceField
from .models import Country, Partnership, Phase, SdgGoal


class CodelistFilter(django_filters.ModelChoiceFilter):
    """A codelist filter (msp.codelists) whose choices are labelled in the active language."""

    field_class = CodelistChoiceField


class CountryFilter(CodelistFilter):
    """... and, for countries, in the alphabetical order of the active language."""

    field_class = CountryChoiceField


class PartnershipFilter(django_filters.FilterSet):
    """Runs on the user's scoped queryset; country and goal choices offer only what those partnerships use."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    phase = django_filters.ChoiceFilter(label=_("Phase"), choices=Phase.choices, empty_label=_("Any phase"))
    country = CountryFilter(
        label=_("Country"),
        field_name="countries",
        queryset=Country.objects.none(),
        empty_label=_("Any country"),
    )
    archived = django_filters.ChoiceFilter(
        label=_("Archived"),
        choices=[("only", _("Archived only")), ("all", _("Active and archived"))],
        empty_label=pgettext_lazy("partnerships", "Active"),
        method="filter_archived",
    )
    sdg_goal = CodelistFilter(
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
