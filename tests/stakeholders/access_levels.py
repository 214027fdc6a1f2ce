"""Access levels of the stakeholders app's URLs for the URL walk (tests/test_url_walk.py)."""

from tests.factories import ContactFactory, MembershipFactory

LEVELS = {}

OBJECTS = {}


def build(world):
    membership = MembershipFactory(partnership=world["partnership"])
    world["membership"] = membership
    world["organisation"] = membership.organisation
    world["contact"] = ContactFactory(organisation=membership.organisation)
