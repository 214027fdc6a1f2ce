"""API endpoints: a partnership's members, the contact persons of its organisations and its stakeholder map: the
members' pages (msp.access "view"), read through the same selectors and filtered by the same FilterSets."""

from django.urls import path
from rest_framework import generics

from stakeholders import selectors
from stakeholders.filters import ContactFilter, MapFilter, MembershipFilter
from stakeholders.models import ContactPerson, Membership, StakeholderMapEntry

from ..serializers.stakeholders import ContactSerializer, MapEntrySerializer, MembershipSerializer
from .governance_common import Scoped


class Members(Scoped, generics.ListAPIView):
    """Every membership, current and past (current first, then the core group): the members page, with its filters
    (`q`, `status`=current|left, `sector`, `role`, `core`=yes|no)."""

    model = Membership
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter

    def records(self):
        return selectors.memberships_for(self.partnership)


class Contacts(Scoped, generics.ListAPIView):
    """The contact persons of the organisations that are (or were) members or are on the stakeholder map: the
    contacts page, with its filters (`q`, `organisation`, `member`, `may_sign`, `active`)."""

    model = ContactPerson
    serializer_class = ContactSerializer
    filterset_class = ContactFilter

    def records(self):
        return selectors.contacts_for(self.partnership)

    def filterset_kwargs(self):
        return {"organisations": selectors.involved_organisations(self.partnership).order_by("name")}


class MapEntries(Scoped, generics.ListAPIView):
    """The stakeholder map (power, interest, engagement), most powerful first: the map page, with its filters
    (`q`, `quadrant`, `engagement`, `flag`, `country`)."""

    model = StakeholderMapEntry
    serializer_class = MapEntrySerializer
    filterset_class = MapFilter

    def records(self):
        return selectors.map_entries_for(self.partnership)


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}members/", Members.as_view(), name="member_list"),
    path(f"{P}contacts/", Contacts.as_view(), name="contact_list"),
    path(f"{P}stakeholder-map/", MapEntries.as_view(), name="map_entry_list"),
]
