"""What the stakeholders' rules read, loaded once per evaluation, and the pieces their evidence is made of."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from phases.checks import Finding, loader, shared

from ..models import ContactPerson, EngagementLevel, Membership, StakeholderMapEntry

LIMIT = 5  # records named in one piece of evidence


@dataclass
class StakeholderFacts:
    members: list  # active Memberships (on `today`), with organisation and organisation.contacts.all() prefetched
    entries: list  # StakeholderMapEntry rows, with organisation, organisation.country and country
    countries: list  # the partnership's countries


def active_members(partnership, today) -> list:
    """The active memberships on `today`, by organisation name, with organisation and its contact persons (two
    queries, once per evaluation: the governance and monitoring loaders read the same list)."""

    def read():
        contacts = Prefetch("organisation__contacts", queryset=ContactPerson.objects.order_by("name", "pk"))
        members = (
            Membership.objects.active(today)
            .filter(partnership=partnership)
            .select_related("organisation")
            .prefetch_related(contacts)
            .order_by("organisation__name", "pk")
        )
        return list(members)

    return shared(("active members", today), read)


def countries(partnership) -> list:
    """The partnership's countries by name (one query, once per evaluation)."""
    return shared("countries", lambda: list(partnership.countries.order_by("name")))


@loader("stakeholders")
def load(partnership, today):
    """Four queries: members, their contact persons, the map, the partnership's countries."""
    entries = (
        StakeholderMapEntry.objects.filter(partnership=partnership)
        .select_related("organisation__country", "country")
        .order_by("organisation__name", "pk")
    )
    return StakeholderFacts(active_members(partnership, today), list(entries), countries(partnership))


def names(labels) -> str:
    """'A, B, C, D, E and 3 more': at most LIMIT labels."""
    labels = [str(label) for label in labels]
    shown, rest = ", ".join(labels[:LIMIT]), len(labels) - LIMIT
    if rest <= 0:
        return shown
    return ngettext("%(names)s and %(count)d more", "%(names)s and %(count)d more", rest) % {
        "names": shown,
        "count": rest,
    }


def has_contact(membership, test) -> bool:
    """Whether one of the member organisation's active contact persons passes `test`."""
    return any(c.is_active and test(c) for c in membership.organisation.contacts.all())


def where(entry):
    """Where a stakeholder is active for the partnership: its map entry's country, else its head office's."""
    return entry.country or entry.organisation.country


def engagement(entry) -> str:
    return str(EngagementLevel(entry.engagement).label)


# --- links to the pages where the user fixes it --------------------------------------------------------------------


def url(name, partnership, **kwargs):
    return reverse(name, kwargs={"partnership_pk": partnership.pk, **kwargs})


def members_link(partnership):
    return (gettext("Members"), url("stakeholders:members", partnership))


def contacts_link(partnership):
    return (gettext("Contact persons"), url("stakeholders:contacts", partnership))


def map_link(partnership):
    return (gettext("Stakeholder map"), url("stakeholders:map", partnership))


def organisation_links(memberships):
    """Each member's page in the registry, where its contact persons are added and changed."""
    return [
        (m.organisation.name, reverse("organisations:detail", args=[m.organisation_id])) for m in memberships[:LIMIT]
    ]


def entry_links(partnership, entries):
    """Each map entry's edit page."""
    return [(e.organisation.name, url("stakeholders:map_edit", partnership, pk=e.pk)) for e in entries[:LIMIT]]


def no_members(partnership, result):
    return Finding(result, gettext("The partnership has no active members yet."), [members_link(partnership)])
