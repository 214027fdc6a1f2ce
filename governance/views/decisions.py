"""The decision log: the list (filters, export), a decision's page with its positions and chart, the draft form,
opening for positions and recording the outcome. Positions are recorded in decision_positions.py.

Everyone with a role reads the log; donors see adopted decisions only and no positions (selectors.decisions).
Each write authorises (msp.access), validates (decision_forms) and calls one service; refusals come back in words."""

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
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_filters.views import FilterView

from msp import access
from msp.listing import CountingPaginator
from stakeholders.views.transfer import CONTENT_TYPES

from .. import services
from ..decision_export import decisions_dataset, render
from ..decision_forms import DecisionFilter, DecisionForm, OutcomeForm
from ..decision_log import prepare_rows
from ..models import DecisionStatus
from ..selectors import decisions as selectors
from .bodies import GovernanceMixin, ServiceFormView
from .common import _messages_of


def decision_or_404(user, partnership, pk):
    links = ("delegated_by", "meeting", "phase_transition", "roadmap_version", "mou_version")
    decision = selectors.decisions_for(user, partnership).filter(pk=pk).select_related(*links).first()
    if decision is None:
        raise Http404(_("No such decision."))
    return decision


def _log(request, partnership):
    return DecisionFilter(
        request.GET or None, selectors.decisions_for(request.user, partnership), partnership=partnership
    )


class DecisionListView(GovernanceMixin, FilterView):
    action = "view_decisions"
    section = "decisions"
    template_name = "governance/decisions/list.html"
    filterset_class = DecisionFilter
    paginate_by = 50
    paginator_class = CountingPaginator  # the count and the page in one query

    def get_queryset(self):
        return selectors.decisions_for(self.request.user, self.partnership)

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "partnership": self.partnership}

    def get_context_data(self, **kwargs):
        see = selectors.can_see_positions(self.request.user, self.partnership)
        context = super().get_context_data(can_see_positions=see, **kwargs)
        context["object_list"] = prepare_rows(list(context["object_list"]), self.partnership.pk)
        return context


@login_required
def decisions_export(request, partnership_pk):
    """The log as filtered on the page, as CSV (default) or XLSX (`?format=xlsx`)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_decisions")
    fmt = request.GET.get("format", "csv")
    fmt = fmt if fmt in CONTENT_TYPES else "csv"
    dataset = decisions_dataset(
        _log(request, partnership).qs,
        with_positions=selectors.can_see_positions(request.user, partnership),
        with_meetings=access.can(request.user, "view_meetings", partnership),
    )
    response = HttpResponse(render(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    filename = (
        f"{slugify(partnership.name, allow_unicode=True)[:50]}-decisions-{timezone.localdate().isoformat()}.{fmt}"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class DecisionDetailView(GovernanceMixin, TemplateView):
    action = "view_decisions"
    section = "decisions"
    template_name = "governance/decisions/detail.html"

    def get_context_data(self, **kwargs):
        decision = decision_or_404(self.request.user, self.partnership, self.kwargs["pk"])
        changed = selectors.changed_records(self.request.user, self.partnership, decision)
        context = {"decision": decision, "outcome_form": OutcomeForm(decision=decision), "changed": changed}
        if selectors.can_see_positions(self.request.user, self.partnership):
            rows = selectors.positions_table(decision)
            context.update(rows=rows, chart=selectors.positions_chart(decision, rows))
            context["adoption"] = services.adoption(decision) if decision.status == DecisionStatus.OPEN else None
            context["objections"] = [(o, p) for o, p, counted in rows if counted and p and p.position == "object"]
        context["can_record_position"] = access.can(self.request.user, "record_position", self.partnership)
        context["can_record_on_behalf"] = access.can(self.request.user, "record_for_organisation", self.partnership)
        return super().get_context_data(**context, **kwargs)


class DecisionFormView(ServiceFormView):
    """Add a draft decision (no `pk`) or edit a draft."""

    section = "decisions"
    template_name = "governance/decisions/form.html"
    form_class = DecisionForm

    def get_form_kwargs(self):
        self.decision = None
        if "pk" in self.kwargs:
            self.decision = decision_or_404(self.request.user, self.partnership, self.kwargs["pk"])
        kwargs = {**super().get_form_kwargs(), "partnership": self.partnership}
        return {**kwargs, "instance": self.decision} if self.decision else kwargs

    @property
    def title(self):
        return _("Edit “%(title)s”") % {"title": self.decision.title} if self.decision else _("Propose a decision")

    def save(self, form):
        decision = services.decision_save(
            partnership=self.partnership, by=self.request.user, decision=self.decision, **form.service_kwargs()
        )
        return _("The proposal “%(title)s” is saved as a draft.") % {"title": decision.title}, _url(decision)

    def cancel_url(self):
        return _url(self.decision) if self.decision else reverse("governance:decisions", args=[self.partnership.pk])


def _url(decision):
    return reverse("governance:decision", args=[decision.partnership_id, decision.pk])


@login_required
@require_POST
def decision_open(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    decision = decision_or_404(request.user, partnership, pk)
    try:
        services.decision_open(decision=decision, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The proposal is open: the entitled organisations can record their positions."))
    return redirect(_url(decision))


@login_required
@require_POST
def decision_decide(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    decision = decision_or_404(request.user, partnership, pk)
    form = OutcomeForm(request.POST, decision=decision)
    if not form.is_valid():
        messages.error(request, _("Choose the outcome, give the date of the decision and a meeting from the list."))
        return redirect(_url(decision))
    try:
        decided = services.decision_decide(decision=decision, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(
            request, _("The outcome is recorded: %(outcome)s.") % {"outcome": decided.get_outcome_display()}
        )
    return redirect(_url(decision))
