"""The budget page of the Resources tab: lines by year and category, original and revised side by side, the
planned totals and the budget reviews; the forms to add, edit and revise lines and record reviews; the exports.

The members read the budget; donors get its totals on the resources overview, not these pages (msp.access
"view_budget"); the secretariat writes ("change"). Each write validates (budget_forms) and calls one service; a
refusal comes back on the form, or as a message on the page, with what was typed still there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access
from stakeholders.views.transfer import CONTENT_TYPES

from .. import services
from ..budget_export import budget_dataset, render
from ..budget_forms import BudgetLineForm, ReviewForm, ReviseForm
from ..selectors import budget as selectors
from .common import _messages_of
from .resources import ResourceFormView, ResourcesMixin


def budget_url(partnership):
    return reverse("governance:budget", args=[partnership.pk])


def line_or_404(partnership, pk):
    line = selectors.line_for(partnership, pk)
    if line is None:
        raise Http404(_("No such budget line."))
    return line


class BudgetView(ResourcesMixin, TemplateView):
    action = "view_budget"
    section = "budget"
    template_name = "governance/resources/budget.html"

    def get_context_data(self, **kwargs):
        nodes = selectors.nodes_by_key(self.partnership)
        return super().get_context_data(
            plans=selectors.budget_by_year(self.partnership, nodes),
            reviews=list(selectors.reviews(self.partnership)),
            **kwargs,
        )


@login_required
def budget_export(request, partnership_pk):
    """Every line (original and revised), as CSV (default) or XLSX (`?format=xlsx`, with the planned totals)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_budget")
    fmt = request.GET.get("format", "csv")
    fmt = fmt if fmt in CONTENT_TYPES else "csv"
    nodes = selectors.nodes_by_key(partnership)
    dataset = budget_dataset(selectors.budget_by_year(partnership, nodes), nodes, with_totals=fmt == "xlsx")
    response = HttpResponse(render(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    filename = f"{slugify(partnership.name, allow_unicode=True)[:50]}-budget-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class BudgetLineFormView(ResourceFormView):
    """Add an original line (no `pk`) or edit a line."""

    section = "budget"
    form_class = BudgetLineForm

    def get_form_kwargs(self):
        self.line = line_or_404(self.partnership, self.kwargs["pk"]) if "pk" in self.kwargs else None
        return {**super().get_form_kwargs(), "line": self.line}

    @property
    def title(self):
        return _("Edit a budget line") if self.line else _("Add a budget line")

    def save(self, form):
        services.budget_line_save(
            partnership=self.partnership, by=self.request.user, line=self.line, **form.service_kwargs()
        )
        return _("The budget line is saved."), budget_url(self.partnership)


class ReviseView(ResourceFormView):
    section = "budget"
    form_class = ReviseForm
    template_name = "governance/resources/revise.html"

    def get_form_kwargs(self):
        self.line = line_or_404(self.partnership, self.kwargs["pk"])
        return {**super().get_form_kwargs(), "line": self.line}

    @property
    def title(self):
        return _("Revise “%(line)s”") % {"line": self.line.description}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which loads the line
        return {**context, "line": self.line}

    def save(self, form):
        services.budget_line_revise(line=self.line, by=self.request.user, **form.cleaned_data)
        return _("The revised amount now counts as planned."), budget_url(self.partnership)


@login_required
@require_POST
def budget_line_delete(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    line = line_or_404(partnership, pk)
    try:
        services.budget_line_delete(line=line, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The budget line “%(line)s” is deleted.") % {"line": line.description})
    return redirect(budget_url(partnership))


class ReviewFormView(ResourceFormView):
    section = "budget"
    form_class = ReviewForm
    title = gettext_lazy("Record a budget review")

    def save(self, form):
        services.budget_review_save(partnership=self.partnership, by=self.request.user, **form.cleaned_data)
        return _("The budget review is recorded."), budget_url(self.partnership) + "#reviews"
