"""What the pages of the Resources tab share: the tab and its section navigation, and the secretariat's forms
that call one service; and the overview (ResourcesView). Commitments, the budget, transactions and
exchange rates have their modules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from msp import access
from msp.views import PartnershipMixin

from .. import resources_charts as charts
from ..selectors import resources as overview_selectors
from .common import _form_errors


class ResourcesMixin(PartnershipMixin):
    """A page of the Resources tab; `section` picks the entry of its navigation (resources/nav.html)."""

    action = "view_resources"
    tab = "resources"
    section = ""

    def get_context_data(self, **kwargs):
        user, partnership = self.request.user, self.partnership
        return super().get_context_data(
            section=self.section,
            can_see_budget=access.can(user, "view_budget", partnership),
            can_see_transactions=access.can(user, "view_transactions", partnership),
            **kwargs,
        )


class ResourceFormView(ResourcesMixin, FormView):
    """A secretariat form of the Resources tab that calls one service (`save(form)` returns the success message
    and where to go); a refusal comes back on the form, with what was typed, and answers 400. The form gets the
    partnership; Cancel goes back to the section's page (`governance:<section>`)."""

    action = "change"
    template_name = "governance/resources/form.html"
    title = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def form_valid(self, form):
        try:
            text, url = self.save(form)
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, text)
        return redirect(url)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "title": self.title, "cancel_url": self.cancel_url()}

    def save(self, form):
        raise NotImplementedError

    def cancel_url(self):
        return reverse(f"governance:{self.section}", args=[self.partnership.pk])


class ResourcesView(ResourcesMixin, TemplateView):
    """The overview: planned vs committed vs received vs spent, by category and source, in kind, concentration
    and coverage, in the reporting currency (governance.resources). Everyone with a role reads it; a donor sees
    totals and their own organisation's commitments (selectors.resources)."""

    section = "overview"
    template_name = "governance/resources/overview.html"

    def get_context_data(self, **kwargs):
        context = overview_selectors.overview(self.request.user, self.partnership)
        figures = context["figures"]
        context["years_chart"] = charts.years_chart(figures)
        context["shares_chart"] = charts.shares_chart(figures, named=context["sees_all_sources"])
        return super().get_context_data(**context, **kwargs)
