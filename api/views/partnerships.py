from django.urls import path

from msp import access

from ..serializers.partnerships import PartnershipSerializer
from .base import DetailView, ListView


def _readable(user):
    return (
        access.partnerships_where(user, "view_summary")
        .select_related("currency")
        .prefetch_related("countries", "sdg_goals", "sdg_targets")
        .order_by("name", "pk")
    )


class Partnerships(ListView):
    """The partnerships you hold a role on (archived ones too, marked `is_archived`)."""

    serializer_class = PartnershipSerializer

    def get_queryset(self):
        return _readable(self.request.user)


class PartnershipDetail(DetailView):
    """One partnership: its summary, as on its dashboard."""

    serializer_class = PartnershipSerializer
    lookup_url_kwarg = "partnership_pk"

    def get_queryset(self):
        return _readable(self.request.user)


urls = [
    path("partnerships/", Partnerships.as_view(), name="partnership_list"),
    path("partnerships/<int:partnership_pk>/", PartnershipDetail.as_view(), name="partnership_detail"),
]
