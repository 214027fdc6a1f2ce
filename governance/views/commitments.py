"""Commitments: the list (filters, sorting, totals per currency, export) and the secretariat's form.

Members read every commitment; a donor reads their own organisation's (msp.access.commitments_scope, through
selectors.commitments); the secretariat records and changes them (services.commitment_save)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_filters.views import FilterView

from msp import access
from stakeholders.views.transfer import CONTENT_TYPES

from .. import services
from ..commitment_export import commitments_dataset, render
from ..commitment_forms import CommitmentFilter, CommitmentForm
from ..selectors import commitments as selectors
from .resources import ResourceFormView, ResourcesMixin


def _filter(request, partnership):
    commitments = selectors.commitments_for(request.user, partnership)
    organisations = selectors.organisations_of(commitments)
    return CommitmentFilter(request.GET or None, commitments, organisations=organisations)


class CommitmentListView(ResourcesMixin, FilterView):
    section = "commitments"
    template_name = "governance/resources/commitments.html"
    filterset_class = CommitmentFilter

    def get_filterset(self, filterset_class):
        return _filter(self.request, self.partnership)

    def get_context_data(self, **kwargs):
        scope = access.commitments_scope(self.request.user, self.partnership)
        table = selectors.table(self.object_list)
        return super().get_context_data(
            table=table, sees_all=scope == access.ALL, own=scope if scope != access.ALL else None, **kwargs
        )


@login_required
def commitments_export(request, partnership_pk):
    """The commitments as filtered on the page, as CSV (default) or XLSX (`?format=xlsx`)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_resources")
    fmt = request.GET.get("format", "csv")
    fmt = fmt if fmt in CONTENT_TYPES else "csv"
    dataset = commitments_dataset(selectors.table(_filter(request, partnership).qs))
    response = HttpResponse(render(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    name = slugify(partnership.name, allow_unicode=True)[:50]
    filename = f"{name}-commitments-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class CommitmentFormView(ResourceFormView):
    """Record a commitment (no `pk`) or change one."""

    section = "commitments"
    template_name = "governance/resources/commitment_form.html"
    form_class = CommitmentForm

    def get_form_kwargs(self):
        self.commitment = None
        if "pk" in self.kwargs:
            found = selectors.commitments_for(self.request.user, self.partnership).filter(pk=self.kwargs["pk"])
            self.commitment = found.first()
            if self.commitment is None:
                raise Http404(_("No such commitment."))
        kwargs = super().get_form_kwargs()
        return {**kwargs, "instance": self.commitment} if self.commitment else kwargs

    @property
    def title(self):
        if self.commitment:
            return _("Commitment of %(org)s") % {"org": self.commitment.organisation}
        return _("Record a commitment")

    def save(self, form):
        commitment = services.commitment_save(
            partnership=self.partnership, by=self.request.user, commitment=self.commitment, **form.service_kwargs()
        )
        text = (
            _("The commitment of %(org)s is saved.") if self.commitment else _("The commitment of %(org)s is recorded.")
        )
        return text % {"org": commitment.organisation}, self.cancel_url()
