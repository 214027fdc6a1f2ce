"""Factories of the stakeholders app's newer models (the older ones are in tests/factories.py)."""

import factory
from django.utils import timezone

from msp.models import Role
from tests.factories import ContactFactory, OrganisationFactory, PartnershipFactory


class MapEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.StakeholderMapEntry"

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    power = 3
    interest = 3
    influence = 3


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.Invitation"

    partnership = factory.SubFactory(PartnershipFactory)
    contact = factory.SubFactory(ContactFactory)
    role = Role.PARTNER
    email = factory.LazyAttribute(lambda i: i.contact.email)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7))
