from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from msp import access
from msp.views import partnership_context

from .. import services, spreadsheets
from ..forms import ImportForm
from .common import StakeholdersMixin

EXPORTS = {
    "members": (spreadsheets.members_dataset, "members"),
    "map": (spreadsheets.map_dataset, "stakeholder-map"),
    "contacts": (spreadsheets.contacts_dataset, "contacts"),
}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SESSION_KEY = "stakeholders-imports"
# The ids of the files this session checked and has not imported yet (one per tab); only ids, never the file.
KEEP_IN_SESSION = 10


@login_required
def export(request, partnership_pk, what):
    """Members, the stakeholder map or contacts as CSV (default) or XLSX (`?format=xlsx`); imports unchanged."""
    partnership = access.get_partnership(request.user, partnership_pk, "view")
    fmt = request.GET.get("format", "csv")
    if fmt not in CONTENT_TYPES:
        fmt = "csv"
    build, name = EXPORTS[what]
    response = HttpResponse(spreadsheets.render(build(partnership), fmt), content_type=CONTENT_TYPES[fmt])
    filename = f"{slugify(partnership.name, allow_unicode=True)[:50]}-{name}-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class ImportView(StakeholdersMixin, FormView):
    """Upload a file and see every row checked. A valid file waits in private storage for the "Import" button."""

    action = "change"
    section = "import"
    template_name = "stakeholders/import.html"
    form_class = ImportForm

    def get_initial(self):
        kind = self.request.GET.get("kind")
        return {"kind": kind} if kind in spreadsheets.ImportKind.values else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = [
            (label, [str(c.label) for c in spreadsheets.COLUMNS[kind]], kind)
            for kind, label in spreadsheets.ImportKind.choices
        ]
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        content = upload.read()
        kind = form.cleaned_data["kind"]
        preview = spreadsheets.preview(
            partnership=self.partnership, kind=kind, filename=upload.name, content=content, by=self.request.user
        )
        pending = None
        if preview.valid:
            pending = services.pending_import_create(
                partnership=self.partnership, by=self.request.user, kind=kind, filename=upload.name, content=content
            )
            waiting = self.request.session.get(SESSION_KEY, [])
            self.request.session[SESSION_KEY] = [*waiting, str(pending.pk)][-KEEP_IN_SESSION:]
        context = self.get_context_data(form=form, preview=preview, pending=pending)
        return self.render_to_response(context, status=200 if preview.valid else 400)


@login_required
@require_POST
def import_confirm(request, partnership_pk):
    """Write the previewed file: all rows or, if anything changed meanwhile and a row is now invalid, none."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    taken = _take_pending(request, partnership)
    if taken is None:
        messages.error(request, _("There is no checked file waiting to be imported; upload it again."))
        return redirect("stakeholders:import", partnership_pk=partnership.pk)
    pending, content = taken
    try:
        preview = services.stakeholders_import(
            partnership=partnership, by=request.user, kind=pending.kind, filename=pending.filename, content=content
        )
    except services.ImportRefused as exc:
        return _refused(request, partnership, pending, exc.preview)
    messages.success(request, _imported_message(pending, preview))
    if pending.kind == spreadsheets.ImportKind.CONTACTS:
        return redirect("organisations:list")
    target = "stakeholders:members" if pending.kind == spreadsheets.ImportKind.MEMBERS else "stakeholders:map"
    return redirect(target, partnership_pk=partnership.pk)


def _take_pending(request, partnership):
    """The file named by the form, taken from storage, if this session checked it: (pending, content) or None. The
    id leaves the session whether or not the file is still there, so a second press of the button finds nothing."""
    pk = request.POST.get("pending", "")
    waiting = request.session.get(SESSION_KEY, [])
    if pk not in waiting:
        return None
    request.session[SESSION_KEY] = [other for other in waiting if other != pk]
    return services.pending_import_take(pk=pk, partnership=partnership, by=request.user)


def _refused(request, partnership, pending, preview):
    """The import page again, with the rows that are invalid now; nothing was written."""
    context = partnership_context(request, partnership, active_tab="stakeholders")
    context.update(
        section="import",
        form=ImportForm(initial={"kind": pending.kind}),
        preview=preview,
        refused=True,
        columns=[],
    )
    return render(request, "stakeholders/import.html", context, status=400)


def _imported_message(pending, preview):
    counts = {
        "file": pending.filename,
        "orgs": preview.new_organisations,
        "records": preview.records,
        "skipped": preview.skipped,
    }
    if pending.kind == spreadsheets.ImportKind.CONTACTS:
        # Contacts go into the shared registry, not this partnership: say where to find them.
        return (
            _(
                "%(file)s is imported into the organisation registry: %(orgs)d new organisations, %(records)d new "
                "contact persons, %(skipped)d rows skipped as already there. Add the organisations to this "
                "partnership as members or on the stakeholder map to see their contacts here."
            )
            % counts
        )
    return (
        _(
            "%(file)s is imported: %(orgs)d new organisations in the registry, %(records)d rows added, "
            "%(skipped)d rows skipped as already there."
        )
        % counts
    )
