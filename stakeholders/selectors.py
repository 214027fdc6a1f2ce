"""Reads about who is who that other apps rely on."""

from .models import ContactPerson, Membership, Organisation


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


def active_memberships(partnership):
    return Membership.objects.active().filter(partnership=partnership).select_related("organisation")


def active_member_organisations(partnership):
    """The organisations that are members today: those who approve roadmaps and sign MoUs."""
    return Organisation.objects.filter(
        pk__in=Membership.objects.active().filter(partnership=partnership).values("organisation")
    ).order_by("name")
