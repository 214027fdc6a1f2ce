"""The decision log as a spreadsheet (CSV or XLSX), written formula-safe by the stakeholder exports' helpers."""

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _

from stakeholders.spreadsheets import render

__all__ = ["decisions_dataset", "render"]


def decisions_dataset(decisions, *, with_positions, with_meetings=False) -> tablib.Dataset:
    """One row per decision (as filtered on the page); the position count only for those who may see positions,
    the meeting's title only for those who may see meetings (donors get its date)."""
    headers = [_("Title"), _("Body"), _("Method"), _("Status"), _("Outcome"), _("Date of the decision"), _("Text")]
    if with_meetings:
        headers.append(_("Meeting"))
    headers.append(_("Date of the meeting"))
    if with_positions:
        headers.append(_("Positions recorded"))
    data = tablib.Dataset(headers=headers, title=_("Decisions")[:31])
    for d in decisions:
        row = [
            d.title,
            d.body.name if d.body_id else _("All active members"),
            d.get_method_display(),
            d.get_status_display(),
            d.get_outcome_display() if d.outcome else "",
            d.decided_on.isoformat() if d.decided_on else "",
            d.text,
        ]
        if with_meetings:
            row.append(d.meeting.title if d.meeting_id else "")
        row.append(timezone.localtime(d.meeting.start).date().isoformat() if d.meeting_id else "")
        if with_positions:
            row.append(d.position_count)
        data.append(row)
    return data
