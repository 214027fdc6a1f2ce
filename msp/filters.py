import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Country, Partnership, Phase, SdgGoal


class PartnershipFilter(django_filters.FilterSet):
    """Runs on the user's scoped queryset; country and goal choices offer only what those partnerships use."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    phase = django_filters.ChoiceFilter(label=_("Phase"), choices=Phase.choices, empty_label=_("Any phase"))
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        field_name="countries",
        queryset=Country.objects.none(),
        empty_label=_("Any country"),
    )
    sdg_goal = django_filters.ModelChoiceFilter(
        label=_("SDG goal"),
        field_name="sdg_goals",
        queryset=SdgGoal.objects.none(),
        empty_label=_("Any goal"),
    )

    class Meta:
        model = Partnership
        fields = ["q", "phase", "country", "sdg_goal"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["country"].queryset = Country.objects.filter(partnerships__in=queryset).distinct()
        self.filters["sdg_goal"].queryset = SdgGoal.objects.filter(partnerships__in=queryset).distinct()
        for name in ("phase", "country", "sdg_goal"):
            self.form.fields[name].widget.attrs["class"] = "form-select"

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
