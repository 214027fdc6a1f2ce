"""The transactions page of the Resources tab: the list with its filters (type, dates, counterpart, budget line,
text), paginated, its exports, and the secretariat's form to record, correct and delete a transaction.

The members read; donors get the totals on the resources overview, not who was paid (msp.access
"view_transactions"); the secretariat writes ("change")."""

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
from django_filters.views import FilterView

from msp import access
from stakeholders.views.transfer import CONTENT_TYPES

from .. import services
from ..budget_export import render, transactions_dataset
from ..budget_forms import TransactionFilter, TransactionForm
from ..selectors import budget as selectors
from .common import _messages_of
from .resources import ResourceFormView, ResourcesMixin


def transactions_url(partnership):
    return reverse("governance:transactions", args=[partnership.pk])


def transaction_or_404(partnership, pk):
    transaction = selectors.transactions_for(partnership).filter(pk=pk).first()
    if transaction is None:
        raise Http404(_("No such transaction."))
    return transaction


class TransactionListView(ResourcesMixin, FilterView):
    action = "view_transactions"
    section = "transactions"
    template_name = "governance/resources/transactions.html"
    filterset_class = TransactionFilter
    paginate_by = 50

    def get_queryset(self):
        return selectors.transactions_for(self.partnership)

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "partnership": self.partnership}


@login_required
def transactions_export(request, partnership_pk):
    """The transactions as filtered on the page, as CSV (default) or XLSX (`?format=xlsx`)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_transactions")
    fmt = request.GET.get("format", "csv")
    fmt = fmt if fmt in CONTENT_TYPES else "csv"
    rows = TransactionFilter(request.GET or None, selectors.transactions_for(partnership), partnership=partnership)
    response = HttpResponse(render(transactions_dataset(rows.qs), fmt), content_type=CONTENT_TYPES[fmt])
    slug = slugify(partnership.name, allow_unicode=True)[:50]
    filename = f"{slug}-transactions-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class TransactionFormView(ResourceFormView):
    """Record a transaction (no `pk`) or correct one."""

    section = "transactions"
    form_class = TransactionForm

    def get_form_kwargs(self):
        self.transaction = transaction_or_404(self.partnership, self.kwargs["pk"]) if "pk" in self.kwargs else None
        kwargs = super().get_form_kwargs()
        return {**kwargs, "instance": self.transaction} if self.transaction else kwargs

    @property
    def title(self):
        return _("Edit a transaction") if self.transaction else _("Record a transaction")

    def save(self, form):
        services.transaction_save(
            partnership=self.partnership,
            by=self.request.user,
            transaction=self.transaction,
            **form.service_kwargs(),
        )
        return _("The transaction is saved."), transactions_url(self.partnership)


@login_required
@require_POST
def transaction_delete(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    transaction = transaction_or_404(partnership, pk)
    try:
        services.transaction_delete(transaction=transaction, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The transaction is deleted."))
    return redirect(transactions_url(partnership))
