"""How msp learns which organisation a user acts for, and links an account to a contact person from the
"People & roles" page (see msp.affiliations)."""

from django.db.models import Subquery

from msp.affiliations import Affiliations

from . import selectors, services
from .models import ContactPerson


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


AFFILIATIONS = Affiliations(
    organisation_name=organisation_name, organisation_of=organisation_of, choices_for=choices_for, link=link
)
