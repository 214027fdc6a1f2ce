"""What the governance rules share: naming records in evidence, and links to the pages where they are fixed."""

from babel.lists import format_list
from django.urls import reverse
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

SHOWN = 5  # names listed in a sentence; the rest are counted ("and 3 more")


def names(items, limit=SHOWN) -> str:
    """The items' names as one phrase of the active language, each once, at most `limit` of them: "A, B and 3
    more"."""
    items = list(dict.fromkeys(str(i) for i in items))
    if len(items) <= limit:
        return format_list(items, locale=to_locale(get_language() or "en"))
    rest = len(items) - limit
    return ngettext("%(names)s and %(count)d more", "%(names)s and %(count)d more", rest) % {
        "names": ", ".join(items[:limit]),
        "count": rest,
    }


def link(label, name, partnership, **kwargs):
    """(label, url) of a page of the partnership."""
    return (label, reverse(name, kwargs={"partnership_pk": partnership.pk, **kwargs}))


def members_link(partnership):
    return link(_("Members"), "stakeholders:members", partnership)


def roadmap_link(partnership):
    return link(_("Roadmap"), "governance:roadmap", partnership)


def mou_link(partnership):
    return link(_("MoU"), "governance:mou_list", partnership)


def bodies_link(partnership):
    return link(_("Governance bodies"), "governance:bodies", partnership)


def secretariat_link(partnership):
    return link(_("Secretariat"), "governance:secretariat", partnership)


def meetings_link(partnership):
    return link(_("Meetings"), "governance:meetings", partnership)


def decisions_link(partnership):
    return link(_("Decisions"), "governance:decisions", partnership)


def budget_link(partnership):
    return link(_("Budget"), "governance:budget", partnership)


def commitments_link(partnership):
    return link(_("Commitments"), "governance:commitments", partnership)


def resources_link(partnership):
    return link(_("Resources overview"), "governance:resources", partnership)


def sentence(parts) -> str:
    """Clauses joined into one sentence: "; " between them, the first letter capitalised (the rest kept as it is:
    names keep their capitals), a full stop at the end."""
    text = "; ".join(str(p) for p in parts)
    return text[:1].upper() + text[1:] + "."
