"""How msp learns which organisation a user acts for, and links an account to a contact person from the
"People & roles" page (see msp.affiliations)."""

from django.db.models import Subquery

from msp.affiliations import Acting, Affiliations

from . import selectors, services
from .models import ContactPerson, Membership


def organisation_name(user_ref):
    return Subquery(ContactPerson.objects.filter(user=user_ref).order_by().values("organisation__name")[:1])


def organisation_of(user):
    return ContactPerson.objects.filter(user=user).values_list("organisation__name", flat=True).first()


def choices_for(partnership):
    """Active contact persons of current member organisations who have no account yet."""
    contacts = ContactPerson.objects.filter(
        organisation__in=selectors.active_memberships(partnership).values("organisation"),
        is_active=True,
        user__isnull=True,
    ).select_related("organisation")
    return [(c.pk, f"{c.name} – {c.organisation.label}") for c in contacts]


def link(*, contact_id, user, partnership, by):
    services.contact_link_user(contact_id=contact_id, user=user, partnership=partnership, by=by)


def _acting(contact, is_member):
    return Acting(
        contact=contact,
        organisation=contact.organisation,
        user_id=contact.user_id,
        is_active=contact.is_active,
        may_sign=contact.may_sign,
        is_member=is_member,
    )


def acting_for(user, partnership):
    """The facts msp.access decides from: the contact person linked to `user` and whether their organisation is
    an active member of `partnership` today. Two queries; None without a linked contact person."""
    contact = ContactPerson.objects.select_related("organisation").filter(user=user).first()
    if contact is None:
        return None
    member = Membership.objects.active().filter(partnership=partnership, organisation=contact.organisation_id).exists()
    return _acting(contact, member)


def acting_across(user, partnership_ids):
    """acting_for for each of `partnership_ids`: {partnership id: Acting or None}. Two queries."""
    contact = ContactPerson.objects.select_related("organisation").filter(user=user).first()
    if contact is None:
        return dict.fromkeys(partnership_ids)
    members = set(
        Membership.objects.active()
        .filter(partnership__in=partnership_ids, organisation=contact.organisation_id)
        .values_list("partnership_id", flat=True)
    )
    return {pk: _acting(contact, pk in members) for pk in partnership_ids}


def people_of(organisation_ids):
    """Every contact person of the organisations with a linked account, as facts (one query)."""
    contacts = ContactPerson.objects.filter(organisation__in=organisation_ids, user__isnull=False).select_related(
        "organisation"
    )
    return [_acting(contact, None) for contact in contacts]


def members_of(partnership):
    return list(selectors.active_member_organisations(partnership))


AFFILIATIONS = Affiliations(
    organisation_name=organisation_name,
    organisation_of=organisation_of,
    choices_for=choices_for,
    link=link,
    acting_for=acting_for,
    acting_across=acting_across,
    people_of=people_of,
    members_of=members_of,
)
