"""The activity feed of a partnership as CSV: the entries as filtered on the page (msp.filters.ActivityFilter),
written formula-safe by the stakeholder exports' helper (a name typed as "=cmd" stays text)."""

import tablib
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from msp import access, activity, affiliations, selectors
from msp.filters import ActivityFilter
from stakeholders.spreadsheets import render


def activity_dataset(entries) -> tablib.Dataset:
    headers = [_("When"), _("Person"), _("Organisation"), _("Kind of record"), _("What happened"), _("Changes")]
    data = tablib.Dataset(headers=headers, title=_("Activity")[:31])
    for entry in entries:
        label, changes = activity.describe(entry)
        person = (entry.actor.get_full_name() or entry.actor.get_username()) if entry.actor else _("System")
        data.append(
            [
                timezone.localtime(entry.timestamp).strftime("%Y-%m-%d %H:%M"),
                person,
                getattr(entry, "organisation_name", None) or "",
                str(label),
                activity.summarise(entry, object_length=500).sentence,
                "; ".join(_change_text(c) for c in changes),
            ]
        )
    return data


def _change_text(change):
    if change.added:
        return f"{change.field}: + {change.added}"
    if change.removed:
        return f"{change.field}: − {change.removed}"
    return f"{change.field}: {change.old} → {change.new}" if change.old else f"{change.field}: {change.new}"


@login_required
@require_GET
def activity_export(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "view")
    entries = selectors.activity_for(partnership)
    links = affiliations.get()
    if links is not None:
        entries = entries.annotate(organisation_name=links.organisation_name(OuterRef("actor")))
    filtered = ActivityFilter(request.GET or None, entries, partnership=partnership).qs.order_by("-timestamp", "-pk")
    response = HttpResponse(render(activity_dataset(filtered), "csv"), content_type="text/csv; charset=utf-8")
    name = f"{slugify(partnership.name, allow_unicode=True)[:50]}-activity-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
