"""The checklist pages: the latest run's items with their evidence and judgements, evaluating on demand (with a
status partial that htmx polls), judging an item, the run history, one run, and the partnership's parameters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import FormView, ListView, TemplateView

from msp import access
from msp.pdf import attachment
from msp.views import PartnershipMixin, partnership_context

from . import run_pdf, runs, services, tasks
from .catalogue import CATALOGUE
from .checklist_forms import ChecklistFilterForm, ParametersForm, judge_form
from .judging import judgement_record, parameters_save
from .models import ChecklistRun, RunItem, Trigger


def checklist_context(request, partnership, context, *, judge_forms=None):
    """The checklist page's context: health for everyone with a role; the items, filtered, for the members."""
    run = runs.latest_run(partnership)
    context.update(
        run=run, pending=runs.pending_request(partnership), can_read=access.can(request.user, "view", partnership)
    )
    if run is not None:
        context["areas"] = runs.area_health(run)
    if run is not None and context["can_read"]:
        params = runs.overrides(partnership)
        shown = runs.rows(run, judgements=runs.latest_judgements(partnership), params=params)
        filters = ChecklistFilterForm(request.GET)
        context.update(
            filters=filters, grouped=runs.by_area(filters.apply(shown), run.health), judge_forms=judge_forms or {}
        )
    return context


class ChecklistView(PartnershipMixin, TemplateView):
    action = "view_summary"
    tab = "checklist"
    template_name = "phases/checklist.html"

    def get_context_data(self, **kwargs):
        return checklist_context(self.request, self.partnership, super().get_context_data(**kwargs))


@login_required
@require_GET
def evaluation_status(request, partnership_pk):
    """While an evaluation waits or runs: the status, which htmx asks for again every 2 s. Once it is done: for
    htmx, a refresh of the page (which then shows the new results); otherwise the page's link."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_summary")
    pending = runs.pending_request(partnership)
    response = render(
        request, "phases/partials/evaluation_status.html", {"partnership": partnership, "pending": pending}
    )
    if pending is None and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def evaluate(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    services.evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=request.user)
    messages.success(request, _("The checklist is being evaluated. The results appear here when it is done."))
    return redirect("phases:checklist", partnership_pk=partnership.pk)


@login_required
@require_POST
def judge(request, partnership_pk, item_id):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    if item_id not in CATALOGUE or not runs.Row(CATALOGUE[item_id], "").judged:
        raise Http404(_("No such checklist item."))
    form = judge_form(item_id, request.POST)
    if form.is_valid():
        try:
            judgement_record(partnership=partnership, item_id=item_id, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Your verdict on %(item)s is recorded; the checklist is evaluated again.") % {"item": item_id},
            )
            return redirect(reverse("phases:checklist", args=[partnership.pk]) + f"#item-{item_id}")
    context = partnership_context(request, partnership, active_tab="checklist")
    context = checklist_context(request, partnership, context, judge_forms={item_id: form})
    return render(request, "phases/checklist.html", context, status=400)


class RunsView(PartnershipMixin, ListView):
    tab = "checklist"
    template_name = "phases/runs.html"
    context_object_name = "run_list"
    paginate_by = 25

    def get_queryset(self):
        return runs.runs_for(self.partnership)


class RunView(PartnershipMixin, TemplateView):
    tab = "checklist"
    template_name = "phases/run.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = get_object_or_404(ChecklistRun, partnership=self.partnership, pk=kwargs["run_pk"])
        previous = runs.previous_run(run)
        items = list(RunItem.objects.filter(run__in=[r for r in (run, previous) if r]))
        mine = [i for i in items if i.run_id == run.pk]
        context.update(run=run, previous=previous, changes=runs.changes(run, previous, items))
        context["grouped"] = runs.by_area(runs.rows(run, items=mine, today=timezone.localdate()), run.health)
        context["run_areas"] = runs.area_health(run)
        return context


class ParametersView(PartnershipMixin, FormView):
    action = "change"
    tab = "checklist"
    template_name = "phases/parameters.html"
    form_class = ParametersForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "values": runs.overrides(self.partnership)}

    def form_valid(self, form):
        try:
            changed = parameters_save(partnership=self.partnership, values=form.values(), by=self.request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Parameters saved: %(n)d differ from the defaults. The checklist is evaluated again.") % {"n": changed},
        )
        return redirect("phases:parameters", partnership_pk=self.partnership.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@login_required
@require_GET
def run_pdf_download(request, partnership_pk, run_pk):
    """The run as a printable PDF: the stored copy (the same file on every download), or, the first time, the job
    that makes it is queued and the page says so (in the embedded default the job runs at once and this is the file).
    `?language=fr`: another interface language than the partnership's working one."""
    partnership = access.get_partnership(request.user, partnership_pk, "view")
    run = get_object_or_404(ChecklistRun.objects.select_related("partnership"), partnership=partnership, pk=run_pk)
    language = run_pdf.run_pdf_language(run, request.GET.get("language"))
    stored = run_pdf.run_pdf_stored(run, language)
    if stored is None:
        tasks.queue_run_pdf(run.pk, language)
        stored = run_pdf.run_pdf_stored(run, language)
    if stored is None:
        context = partnership_context(request, partnership, active_tab="checklist")
        context.update(run=run, language=language)
        return render(request, "phases/run_pdf_pending.html", context)
    response = HttpResponse(stored.read(), content_type="application/pdf")
    response = attachment(response, run_pdf.run_pdf_filename(run, language))
    response["ETag"] = f'"{stored.sha256}"'
    response["Cache-Control"] = "private, no-store"
    return response
