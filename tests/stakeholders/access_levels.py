"""Access levels of the stakeholders app's URLs for the URL walk (tests/test_url_walk.py).

A partnership's stakeholder lists are for its members (partners see all of it, read-only); editing, invitations
and import are the secretariat's. The organisation registry is shared by all partnerships and kept by secretariat
staff anywhere ("registry"). The invitation link is public.
"""

from tests.factories import ContactFactory, MembershipFactory

from .factories import InvitationFactory, MapEntryFactory

LEVELS = {
    "stakeholders:members": "member",
    "stakeholders:member_add": "secretariat",
    "stakeholders:member_edit": "secretariat",
    "stakeholders:members_export": "member",
    "stakeholders:contacts": "member",
    "stakeholders:contacts_export": "member",
    "stakeholders:map": "member",
    "stakeholders:map_chart": "member",
    "stakeholders:map_add": "secretariat",
    "stakeholders:map_edit": "secretariat",
    "stakeholders:map_remove": "secretariat-action",
    "stakeholders:map_export": "member",
    "stakeholders:invitations": "secretariat",
    "stakeholders:invitation_resend": "secretariat-action",
    "stakeholders:invitation_revoke": "secretariat-action",
    "stakeholders:import": "secretariat",
    "stakeholders:import_confirm": "secretariat-action",
    "organisations:list": "registry",
    "organisations:create": "registry",
    "organisations:similar": "registry",
    "organisations:choices": "registry",
    "organisations:detail": "registry",
    "organisations:edit": "registry",
    "organisations:delete": "registry",
    "organisations:contact_create": "registry",
    "organisations:contact_edit": "registry",
    "invitation_accept": "public",
}

OBJECTS = {
    "stakeholders:member_edit": {"pk": lambda w: w["membership"].pk},
    "stakeholders:map_edit": {"pk": lambda w: w["map_entry"].pk},
    "stakeholders:map_remove": {"pk": lambda w: w["map_entry"].pk},
    "stakeholders:invitation_resend": {"pk": lambda w: w["invitation"].pk},
    "stakeholders:invitation_revoke": {"pk": lambda w: w["invitation"].pk},
    "organisations:detail": {"pk": lambda w: w["organisation"].pk},
    "organisations:edit": {"pk": lambda w: w["organisation"].pk},
    "organisations:delete": {"pk": lambda w: w["organisation"].pk},
    "organisations:contact_create": {"pk": lambda w: w["organisation"].pk},
    "organisations:contact_edit": {"pk": lambda w: w["contact"].pk},
    "invitation_accept": {"token": lambda w: w["invitation"].token()},
}


def build(world):
    membership = MembershipFactory(partnership=world["partnership"])
    world["membership"] = membership
    world["organisation"] = membership.organisation
    world["contact"] = ContactFactory(organisation=membership.organisation)
    world["map_entry"] = MapEntryFactory(partnership=world["partnership"], organisation=membership.organisation)
    world["invitation"] = InvitationFactory(partnership=world["partnership"], contact=world["contact"])
