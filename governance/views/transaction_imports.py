"""The bank import of transactions, in three steps: upload a bank or accounting export; map its columns and see every
row read with that mapping (the page re-reads the file each time the mapping changes); import. The secretariat's
("change"); the file waits for the partnership (any of its secretariat may carry on) for two hours."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import View

from msp import access
from msp.views import partnership_context

from .. import services, transaction_import
from ..models import PendingTransactionImport
from ..transaction_import_forms import MappingForm, TransactionUploadForm
from .resources import ResourceFormView, ResourcesMixin
from .transactions import transactions_url

MAP_TEMPLATE = "governance/resources/transaction_import_map.html"


def pending_or_404(partnership, pk):
    pending = PendingTransactionImport.usable(partnership).filter(pk=pk).first()
    if pending is None:
        raise Http404(_("This file is no longer waiting to be imported: upload it again."))
    return pending


def _header_row(request):
    text = request.POST.get("header_row") or request.GET.get("header") or ""
    return int(text) if text.isdigit() else None


def mapping_page(request, partnership, pending, *, bound, refused=None):
    """The mapping form and the preview of the file read with it (the remembered or guessed mapping at first)."""
    table = transaction_import.read_table(pending.filename, bytes(pending.content), _header_row(request))
    guessed = transaction_import.guess_mapping(table.headers, services.remembered_mapping(partnership))
    guessed.header_row = table.header_row
    form = MappingForm(request.POST if bound else None, table=table, initial=MappingForm.initial_for(guessed))
    preview = refused
    if preview is None and (form.is_valid() if bound else True):
        mapping = form.mapping() if bound else guessed
        preview = transaction_import.preview(
            partnership=partnership, filename=pending.filename, content=bytes(pending.content), mapping=mapping
        )
    context = {
        **partnership_context(request, partnership, active_tab="resources"),
        "section": "transactions",
        "can_see_budget": access.can(request.user, "view_budget", partnership),
        "can_see_transactions": True,
        "pending": pending,
        "table": table,
        "form": form,
        "preview": preview,
        "refused": refused is not None,
        "header_choices": [(i, " · ".join(c for c in row if c)[:80]) for i, row in enumerate(table.rows[:30])],
    }
    status = 400 if (bound and not form.is_valid()) or refused is not None else 200
    return render(request, MAP_TEMPLATE, context, status=status)


class TransactionImportView(ResourceFormView):
    """Step 1: upload the file; a file that cannot be read is refused here, with why."""

    section = "transactions"
    form_class = TransactionUploadForm
    template_name = "governance/resources/transaction_import.html"
    title = gettext_lazy("Import transactions from a bank file")

    def save(self, form):
        upload = form.cleaned_data["file"]
        pending = services.pending_transaction_import_create(
            partnership=self.partnership, by=self.request.user, filename=upload.name, content=upload.read()
        )
        url = reverse("governance:transaction_import_map", args=[self.partnership.pk, pending.pk])
        return _("The file is read: check which column holds what, and the rows below."), url

    def cancel_url(self):
        return transactions_url(self.partnership)


class TransactionImportMapView(ResourcesMixin, View):
    """Step 2: the mapping and the preview; a POST reads the file again with the mapping chosen."""

    action = "change"

    def get(self, request, partnership_pk, pk):
        return mapping_page(request, self.partnership, pending_or_404(self.partnership, pk), bound=False)

    def post(self, request, partnership_pk, pk):
        return mapping_page(request, self.partnership, pending_or_404(self.partnership, pk), bound=True)


@login_required
@require_POST
def transaction_import_confirm(request, partnership_pk, pk):
    """Step 3: import the rows read with the mapping posted, all or none (or those without errors, if asked)."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    pending = pending_or_404(partnership, pk)
    table = transaction_import.read_table(pending.filename, bytes(pending.content), _header_row(request))
    form = MappingForm(request.POST, table=table)
    if not form.is_valid():
        return mapping_page(request, partnership, pending, bound=True)
    try:
        done = services.transactions_import(
            partnership=partnership,
            by=request.user,
            pending=pending,
            mapping=form.mapping(),
            skip_errors=form.cleaned_data["skip_errors"],
        )
    except services.ImportRefused as exc:
        return mapping_page(request, partnership, pending, bound=True, refused=exc.preview)
    messages.success(request, _imported_message(pending.filename, done))
    return redirect(transactions_url(partnership))


def _imported_message(filename, done):
    return _(
        "%(file)s is imported: %(created)d transactions added, %(duplicates)d rows skipped as already imported, "
        "%(errors)d rows with errors skipped."
    ) % {"file": filename, **done}
