from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from django_filters.views import FilterView

from msp import access
from msp.listing import choice_labels, url_for_each

from .. import selectors, services
from ..chart import power_interest_chart
from ..filters import MapFilter
from ..forms import MapEntryForm
from ..models import EngagementLevel, Quadrant, Sector, StakeholderMapEntry
from .common import StakeholdersMixin, add_service_errors


class MapView(StakeholdersMixin, FilterView):
    """The chart and the table show the same (filtered) entries."""

    section = "map"
    template_name = "stakeholders/map.html"
    filterset_class = MapFilter

    def get_queryset(self):
        return selectors.map_entries_for(self.partnership)

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "stakeholder-results":
            return ["stakeholders/partials/map_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = list(context["object_list"])
        title = _("Power/interest grid: %(name)s") % {"name": self.partnership.name}
        context["entries"] = entries
        context["chart"] = power_interest_chart(entries, title=title)
        counts = dict.fromkeys(Quadrant, 0)
        sectors, engagements = choice_labels(Sector.choices), choice_labels(EngagementLevel.choices)
        quadrants = choice_labels(Quadrant.choices)
        edit_url = url_for_each("stakeholders:map_edit", self.partnership.pk)
        for entry in entries:
            counts[entry.quadrant] += 1
            # What each row shows, worked out once for the list (the template read them per row).
            entry.sector_label = sectors.get(entry.organisation.sector, entry.organisation.sector)
            entry.engagement_label = engagements.get(entry.engagement, entry.engagement)
            entry.quadrant_label = quadrants[entry.quadrant]
            entry.edit_url = edit_url(entry.pk)
        context["quadrant_counts"] = [(q, counts[q]) for q in Quadrant]
        return context


@login_required
def chart_svg(request, partnership_pk):
    """The chart alone, as an SVG file (to download, or to put in a document)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view")
    entries = selectors.map_entries_for(partnership)
    title = _("Power/interest grid: %(name)s") % {"name": partnership.name}
    svg = power_interest_chart(entries, title=title).svg()
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    filename = f"{slugify(partnership.name, allow_unicode=True)[:50]}-stakeholder-map.svg"
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


class MapEntryAddView(StakeholdersMixin, FormView):
    action = "change"
    section = "map"
    template_name = "stakeholders/map_form.html"
    form_class = MapEntryForm

    def get_initial(self):
        initial = super().get_initial()
        organisation = self.request.GET.get("organisation")
        if organisation and organisation.isdigit():
            initial["organisation"] = organisation
        return initial

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Offer only organisations not on the map yet (the service refuses them anyway).
        mapped = StakeholderMapEntry.objects.filter(partnership=self.partnership).values("organisation")
        form.fields["organisation"].queryset = form.fields["organisation"].queryset.exclude(pk__in=mapped)
        form.fields["organisation"].widget.narrow(not_mapped_in=self.partnership.pk)
        return form

    def form_valid(self, form):
        organisation = form.cleaned_data["organisation"]
        try:
            services.map_entry_create(
                partnership=self.partnership, organisation=organisation, by=self.request.user, **form.service_kwargs()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(org)s is on the stakeholder map.") % {"org": organisation.name})
        if "add_another" in self.request.POST:
            return redirect("stakeholders:map_add", partnership_pk=self.partnership.pk)
        return redirect("stakeholders:map", partnership_pk=self.partnership.pk)


class MapEntryEditView(StakeholdersMixin, FormView):
    action = "change"
    section = "map"
    template_name = "stakeholders/map_form.html"
    form_class = MapEntryForm

    def get_entry(self):
        if not hasattr(self, "entry"):
            self.entry = get_object_or_404(
                StakeholderMapEntry.objects.select_related("organisation"),
                pk=self.kwargs["pk"],
                partnership=self.partnership,
            )
        return self.entry

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_entry()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.get_entry(), **kwargs)

    def form_valid(self, form):
        entry = self.get_entry()
        try:
            services.map_entry_update(entry=entry, by=self.request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(org)s is updated on the map.") % {"org": entry.organisation.name})
        return redirect("stakeholders:map", partnership_pk=self.partnership.pk)


@login_required
@require_POST
def map_entry_remove(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    entry = get_object_or_404(
        StakeholderMapEntry.objects.select_related("organisation"), pk=pk, partnership=partnership
    )
    services.map_entry_delete(entry=entry, by=request.user)
    messages.success(
        request,
        _("%(org)s is no longer on the stakeholder map (it stays in the registry).") % {"org": entry.organisation.name},
    )
    return redirect("stakeholders:map", partnership_pk=partnership.pk)
