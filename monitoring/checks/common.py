"""What the monitoring rules share: naming records in evidence, dates, and links to the pages where they are fixed."""

import datetime as dt

from babel.lists import format_list
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

SHOWN = 5  # names listed in a sentence; the rest are counted ("and 3 more")


def names(items, limit=SHOWN) -> str:
    """The items' names as one phrase of the active language, at most `limit` of them: "A, B and 3 more"."""
    items = [str(i) for i in items]
    if len(items) <= limit:
        return format_list(items, locale=to_locale(get_language() or "en"))
    rest = len(items) - limit
    return ngettext("%(names)s and %(count)d more", "%(names)s and %(count)d more", rest) % {
        "names": ", ".join(items[:limit]),
        "count": rest,
    }


def day(value) -> str:
    """A date as the evidence writes it, in the active language ("3 Mar 2026")."""
    return date_format(value, "SHORT_DATE_FORMAT")


def months_before(today, months) -> dt.date:
    """The date `months` months before `today` (a month being 30.44 days, as the engine counts staleness)."""
    return today - dt.timedelta(days=round(months * 30.44))


def link(label, name, partnership, **kwargs):
    """(label, url) of a page of the partnership."""
    return (str(label), reverse(name, kwargs={"partnership_pk": partnership.pk, **kwargs}))


def links(*entries) -> list:
    """The entries that are links (`link` gives None for a page still being built)."""
    return [entry for entry in entries if entry is not None]


def indicator_links(partnership, indicators, limit=SHOWN) -> list:
    """Links to the pages of (at most `limit` of) `indicators`, then to the list of all indicators."""
    return links(
        *(
            link(indicator.name, "monitoring:indicator", partnership, pk=indicator.pk)
            for indicator in indicators[:limit]
        ),
        link(_("Indicators"), "monitoring:indicators", partnership),
    )


def reports_link(partnership):
    return link(_("Reports"), "monitoring:reports", partnership)


def context_link(partnership):
    return link(_("Context analysis"), "monitoring:context", partnership)


def members_link(partnership):
    return link(_("Members"), "stakeholders:members", partnership)


def roadmap_link(partnership):
    return link(_("Roadmap"), "governance:roadmap", partnership)
