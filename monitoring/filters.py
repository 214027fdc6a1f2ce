"""The indicator table's filters: results level, SDG goal, responsible organisation and status.

The FilterSet runs on the partnership's indicators (selectors.table.scoped), its dropdowns offer only what the
partnership uses. The status (on track, at risk, off track, no data) is computed from the periods' progress, not
stored, so the database part of the filters leaves it alone: `keep` narrows the computed rows by it."""

import django_filters
from django.utils.translation import gettext_lazy as _

from governance.models import LEVEL_ORDER, Level
from msp.filters import CodelistFilter, listed_choices
from msp.models import SdgGoal
from msp.widgets import PlainSelect
from stakeholders.models import Organisation

from .models import Indicator, Light
from .selectors.table import NO_DATA

STATUS_CHOICES = [
    (Light.GREEN, Light.GREEN.label),
    (Light.AMBER, Light.AMBER.label),
    (Light.RED, Light.RED.label),
    (NO_DATA, _("No data")),
]


class IndicatorFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(
        widget=PlainSelect, label=_("Results level"), choices=[], empty_label=_("Any level"), method="filter_level"
    )
    sdg_goal = CodelistFilter(
        widget=PlainSelect,
        label=_("SDG goal"),
        field_name="sdg_targets__goal",
        queryset=SdgGoal.objects.none(),
        empty_label=_("Any goal"),
        distinct=True,
    )
    responsible = django_filters.ModelChoiceFilter(
        widget=PlainSelect,
        label=_("Responsible organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Any organisation"),
    )
    status = django_filters.ChoiceFilter(
        widget=PlainSelect,
        label=_("Status"),
        choices=STATUS_CHOICES,
        empty_label=_("Any status"),
        method="filter_status",
    )

    class Meta:
        model = Indicator
        fields = ["level", "sdg_goal", "responsible", "status"]

    def __init__(self, data=None, queryset=None, *, partnership, nodes, **kwargs):
        """`nodes`: the results chain as governance.selectors.budget.nodes_by_key gives it."""
        super().__init__(data, queryset, **kwargs)
        self.nodes = nodes
        present = {node.level for node in nodes.values()}
        # Set before the form is first built: it reads the choices and querysets then.
        self.filters["level"].extra["choices"] = [(lv, Level(lv).label) for lv in LEVEL_ORDER if lv in present]
        self.filters["sdg_goal"].queryset = SdgGoal.objects.filter(
            targets__indicators__partnership=partnership
        ).distinct()
        self.filters["responsible"].queryset = Organisation.objects.filter(
            responsible_for_indicators__partnership=partnership
        ).distinct()
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def with_listed_choices(self, rows):
        """The filter, its goal and organisation dropdowns given their choices as lists (for a page that draws
        them; the export does not, and reads none). `rows`: every indicator's (selectors.table.indicator_rows),
        whose SDG targets, loaded with their goals, give the goals without a query."""
        goals = {target.goal.pk: target.goal for row in rows for target in row.indicator.sdg_targets.all()}
        listed_choices(self.form.fields["sdg_goal"], [goals[number] for number in sorted(goals)])  # SdgGoal order
        listed_choices(self.form.fields["responsible"])
        return self

    def _chosen(self, name):
        """The valid value chosen for filter `name`, or None (a value not among the choices is ignored)."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        return self.form.cleaned_data.get(name) or None

    def filter_level(self, queryset, name, value):
        return queryset.filter(result_node_key__in=[k for k, node in self.nodes.items() if node.level == value])

    def filter_status(self, queryset, name, value):
        return queryset  # computed from progress: see `keep`

    def keep(self, rows):
        """The computed rows (selectors.table.IndicatorRow) the filters let through: those of the filtered
        indicators (one query, only when a database filter is set), then those of the status asked for."""
        if any(self._chosen(name) for name in ("level", "sdg_goal", "responsible")):
            wanted = set(self.qs.values_list("pk", flat=True))
            rows = [row for row in rows if row.indicator.pk in wanted]
        status = self._chosen("status")
        return [row for row in rows if row.status == status] if status else rows
