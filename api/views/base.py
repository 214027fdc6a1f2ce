"""The API's base views. Every endpoint under a partnership loads it through msp.access.get_partnership with the
action its page needs (`read_action`): an outsider gets 404, a role too weak 403, exactly as on the pages. What is
visible inside (a donor's locked periods only, shared papers only...) comes from the same selectors the pages use."""

from rest_framework import generics

from msp import access

from ..etag import ETagMixin


class PartnershipScoped:
    """A view under /partnerships/<partnership_pk>/: `self.partnership`, checked for `read_action` (GET, HEAD) or
    `write_action` (POST, PUT, PATCH, DELETE) before anything else is read."""

    read_action = "view"
    write_action = "change"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, throttling, IsAuthenticated
        action = self.read_action if request.method in ("GET", "HEAD", "OPTIONS") else self.write_action
        self.partnership = access.get_partnership(request.user, kwargs["partnership_pk"], action)


class ListView(generics.ListAPIView):
    pass


class DetailView(ETagMixin, generics.RetrieveAPIView):
    pass


class PartnershipListView(PartnershipScoped, generics.ListAPIView):
    pass


class PartnershipDetailView(PartnershipScoped, ETagMixin, generics.RetrieveAPIView):
    pass
