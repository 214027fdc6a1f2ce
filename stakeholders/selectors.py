"""Reads about who is who: what other apps rely on, and what the pages list (in a constant number of queries)."""

import difflib
import re
import unicodedata
from collections import Counter

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from msp import access, compiled
from msp.models import Notification

from .emails import INVITATION_EMAIL
from .models import (
    HIGH,
    ContactPerson,
    EngagementLevel,
    Invitation,
    Membership,
    Organisation,
    Sector,
    StakeholderMapEntry,
)


def organisation_of(user) -> Organisation | None:
    """The organisation a user acts for (through their contact person record), or None."""
    if not user.is_authenticated:
        return None
    contact = ContactPerson.objects.select_related("organisation").filter(user=user).first()
    return contact.organisation if contact else None


def contact_of(user) -> ContactPerson | None:
    if not user.is_authenticated:
        return None
    return ContactPerson.objects.select_related("organisation").filter(user=user).first()


def active_memberships(partnership, on=None):
    return Membership.objects.active(on).filter(partnership=partnership).select_related("organisation")


def active_member_organisations(partnership):
    """The organisations that are members today: those who approve roadmaps and sign MoUs."""
    return Organisation.objects.filter(
        pk__in=Membership.objects.active().filter(partnership=partnership).values("organisation")
    ).order_by("name")


def member_partnership_ids(organisation) -> list[int]:
    """The partnerships the organisation is a current member of (not left; one it is about to join counts): those
    whose signing authority its contact persons carry (see msp.access.can_change_authority)."""
    today = timezone.localdate()
    return list(
        Membership.objects.filter(organisation=organisation)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=today))
        .order_by()
        .values_list("partnership_id", flat=True)
        .distinct()
    )


def registry_activity(partnership) -> Q:
    """Activity entries of the shared registry that concern the partnership: changes to its member organisations
    (now or in the past) and to their contact persons. Registered with msp.selectors.activity_for."""
    members = Membership.objects.filter(partnership=partnership).order_by().values("organisation")
    contacts = ContactPerson.objects.filter(organisation__in=members).order_by().values("pk")
    app = Q(content_type__app_label="stakeholders")
    return (app & Q(content_type__model="organisation", object_id__in=members)) | (
        app & Q(content_type__model="contactperson", object_id__in=contacts)
    )


# --- lists of a partnership -------------------------------------------------------------------------------------


def _is_active_member(partnership, organisation_ref="pk"):
    return Exists(Membership.objects.active().filter(partnership=partnership, organisation=OuterRef(organisation_ref)))


def memberships_for(partnership):
    """Every membership of the partnership, current and past, with what the members list shows."""
    today = timezone.localdate()
    return (
        Membership.objects.filter(partnership=partnership)
        .select_related("organisation__country", "organisation__iati_type")
        .annotate(
            active_contacts=Count("organisation__contacts", filter=Q(organisation__contacts__is_active=True)),
            signatories=Count(
                "organisation__contacts",
                filter=Q(organisation__contacts__is_active=True, organisation__contacts__may_sign=True),
            ),
            current=Q(joined_on__lte=today) & (Q(left_on__isnull=True) | Q(left_on__gt=today)),
        )
        .order_by("-current", "-is_core_group", "organisation__name", "pk")
    )


def involved_organisations(partnership):
    """Organisations that are or were members of the partnership, or are on its stakeholder map."""
    return Organisation.objects.filter(
        Q(pk__in=Membership.objects.filter(partnership=partnership).values("organisation"))
        | Q(pk__in=StakeholderMapEntry.objects.filter(partnership=partnership).values("organisation"))
    )


def contacts_for(partnership):
    """Contact persons of the organisations involved in the partnership; `is_member` marks current members."""
    return (
        ContactPerson.objects.filter(organisation__in=involved_organisations(partnership))
        .select_related("organisation", "user")
        .annotate(is_member=_is_active_member(partnership, "organisation"))
        .order_by("organisation__name", "organisation_id", "-is_active", "name", "pk")
    )


def map_entries_for(partnership):
    return (
        StakeholderMapEntry.objects.filter(partnership=partnership)
        .select_related("organisation", "country")
        .annotate(is_member=_is_active_member(partnership, "organisation"))
        .order_by("-power", "-interest", "organisation__name", "pk")
    )


def invitations_for(partnership):
    """With the state of each invitation's latest e-mail from the outbox: `email_status` (pending, sent, failed,
    cancelled) and `email_error` (the last error, while it is retried or after it failed)."""
    latest_email = Notification.objects.filter(kind=INVITATION_EMAIL, object_id=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    return (
        Invitation.objects.filter(partnership=partnership)
        .select_related("contact__organisation", "created_by", "accepted_by")
        .annotate(
            email_status=Subquery(latest_email.values("status")[:1]),
            email_error=Subquery(latest_email.values("last_error")[:1]),
        )
    )


def invitable_contacts(partnership):
    """Whom one may invite: active contacts with an e-mail address, of organisations involved in the partnership,
    who neither hold a role on it nor have an open invitation to it."""
    return (
        contacts_for(partnership)
        .filter(is_active=True)
        .exclude(email="")
        .exclude(user__partnership_roles__partnership=partnership)
        .exclude(pk__in=Invitation.objects.open().filter(partnership=partnership).values("contact"))
    )


def not_engaged_key_stakeholders(partnership):
    """Key stakeholders (flagged key, or power and interest both high) engaged below 'consulted' (rule CM-2)."""
    return (
        StakeholderMapEntry.objects.filter(partnership=partnership)
        .filter(Q(is_key=True) | Q(power__gte=HIGH, interest__gte=HIGH))
        .exclude(engagement__in=EngagementLevel.at_least(EngagementLevel.CONSULTED))
        .select_related("organisation")
        .order_by("-power", "organisation__name")
    )


def stakeholder_summary(partnership, *, with_map):
    """The dashboard card: active members by sector, the core group, and (for those who may see the map) the map's
    size and its key stakeholders not yet engaged (as `not_engaged_key_stakeholders`). Two queries, one without
    the map."""
    # The columns the card shows, not the organisations' descriptions and addresses.
    shown = ("is_core_group", "organisation__name", "organisation__short_name", "organisation__sector")
    # Compiled once a day (the day is a parameter: who has left).
    today = timezone.localdate()
    members = compiled.instances(
        ("stakeholders.summary.members", today),
        lambda p: active_memberships(p, on=today).only(*shown).order_by("organisation__name"),
        partnership.pk,
    )
    counts = Counter(m.organisation.sector for m in members)
    summary = {
        "member_count": len(members),
        "by_sector": [(label, counts[value]) for value, label in Sector.choices if counts[value]],
        "core_group": [m.organisation for m in members if m.is_core_group],
    }
    if with_map:
        # The whole map in one query (a map holds tens of organisations, not thousands): its size tells an empty
        # map from one whose key stakeholders are all engaged, without a third query.
        shown = ("power", "interest", "engagement", "is_key", "organisation__name")

        def build(p):
            entries = StakeholderMapEntry.objects.filter(partnership=p).select_related("organisation")
            return entries.only(*shown).order_by("-power", "organisation__name")

        entries = compiled.instances("stakeholders.summary.map", build, partnership.pk)
        summary["map_size"] = len(entries)
        summary["not_engaged"] = [e for e in entries if e.is_key_stakeholder and not e.is_engaged]
    return summary


# --- the registry ------------------------------------------------------------------------------------------------

_LEGAL_FORMS = {
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "llc",
    "plc",
    "gmbh",
    "ggmbh",
    "ag",
    "sa",
    "sarl",
    "sas",
    "bv",
    "nv",
    "ev",
    "co",
    "corp",
    "corporation",
    "company",
    "the",
}


def normalise_name(name: str) -> str:
    """'The Ghana Cocoa Board, Ltd.' -> 'ghana cocoa board': no accents, case, punctuation or legal form."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("&", " and ")
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _LEGAL_FORMS]
    return " ".join(words)


SIMILAR = 0.85


def likeness(wanted, wanted_short, other, other_short) -> float:
    """How much two organisations look like one (0: not at all), from their normalised names and short names."""
    if wanted and wanted == other:
        return 1.0
    if wanted_short and wanted_short in (other_short, other):
        return 0.99
    if other_short and wanted == other_short:
        return 0.99
    if not wanted or not other:
        return 0.0
    shorter, longer = sorted((wanted, other), key=len)
    if len(shorter) >= 8 and " " in shorter and f" {shorter} " in f" {longer} ":
        return 0.9
    matcher = difflib.SequenceMatcher(None, wanted, other)
    # The quick upper bounds first: most pairs are nothing alike, and ratio() is the slow part.
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= SIMILAR else 0.0


def similar_organisations(name, *, short_name="", exclude_pk=None, limit=5):
    """Registry organisations whose name is close to `name` (or whose short name is `short_name`), closest first.

    Reads the names of the whole registry (two short columns), which stays cheap for the thousands of
    organisations a registry of partnerships holds.
    """
    wanted, wanted_short = normalise_name(name), normalise_name(short_name)
    if not wanted and not wanted_short:
        return []
    scored = []
    for pk, other_name, other_short in Organisation.objects.values_list("pk", "name", "short_name"):
        if pk == exclude_pk:
            continue
        score = likeness(wanted, wanted_short, normalise_name(other_name), normalise_name(other_short))
        if score:
            scored.append((score, pk))
    scored.sort(reverse=True)
    pks = [pk for _score, pk in scored[:limit]]
    found = Organisation.objects.select_related("country").in_bulk(pks)
    return [found[pk] for pk in pks]


def organisations_for_registry(user):
    """The registry, with each organisation's number of contacts and of current memberships in partnerships the
    user may know of (others are not counted: a count would tell that they exist).

    The counts are correlated subqueries, so the database computes them for the page of rows shown only; joins and
    a GROUP BY over the whole registry cost 100 ms at 3,000 organisations, and the paginator's count paid it again.
    """
    visible = access.partnerships_for(user).values("pk")
    member_of = (
        Membership.objects.filter(organisation=OuterRef("pk"), left_on__isnull=True, partnership__in=visible)
        .order_by()
        .values("organisation")
        .annotate(n=Count("partnership", distinct=True))
        .values("n")
    )
    contacts = (
        ContactPerson.objects.filter(organisation=OuterRef("pk"))
        .order_by()
        .values("organisation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Organisation.objects.select_related("country", "iati_type").annotate(
        member_of=Coalesce(Subquery(member_of), 0),
        contact_count=Coalesce(Subquery(contacts), 0),
    )


def where_used(organisation, user):
    """Where the organisation is a member (now or in the past) or on a stakeholder map, as the user may learn it:
    (names of partnerships the user can see, number of other partnerships). Outsiders must not learn that a
    partnership exists, so those are only counted."""
    partnership_ids = set(organisation.memberships.values_list("partnership_id", flat=True)) | set(
        organisation.map_entries.values_list("partnership_id", flat=True)
    )
    visible = list(
        access.partnerships_for(user).filter(pk__in=partnership_ids).order_by("name").values_list("name", flat=True)
    )
    return visible, len(partnership_ids) - len(visible)


def memberships_of(organisation, user):
    """The organisation's memberships in partnerships the user can see, newest first."""
    return (
        organisation.memberships.filter(partnership__in=access.partnerships_for(user))
        .select_related("partnership")
        .order_by("-joined_on", "-pk")
    )


def organisation_choice_label(organisation):
    """How a picker shows an organisation: its name, with its short name and country code to tell namesakes apart."""
    extra = (
        [organisation.short_name] if organisation.short_name and organisation.short_name != organisation.name else []
    )
    if organisation.country_id:
        extra.append(organisation.country_id)
    return f"{organisation.name} ({', '.join(extra)})" if extra else organisation.name


def organisations_matching(queryset, text):
    """Organisations of `queryset` matching what is typed in a picker: every word is in the name, the short name,
    the IATI identifier or the country's (English) name, or is the country's code. By name; one query, however large."""
    for word in text.split()[:8]:
        found = (
            Q(name__icontains=word)
            | Q(short_name__icontains=word)
            | Q(iati_identifier__icontains=word)
            | Q(country__name__icontains=word)
        )
        if len(word) == 2:
            found |= Q(country__code=word.upper())
        queryset = queryset.filter(found)
    return queryset.order_by("name", "pk")


def organisations_named(queryset, text):
    """Organisations of `queryset` whose name, short name or IATI identifier is exactly `text` (any case): what a
    picker takes typed without JavaScript."""
    return queryset.filter(Q(name__iexact=text) | Q(short_name__iexact=text) | Q(iati_identifier__iexact=text))
