"""API endpoints: roadmap and MoU versions. Everyone with a role reads the agreed ones (the approved roadmap, the MoU
in force, the agreed versions they replaced); versions not agreed are the members' work in progress, and to anyone
else they do not exist (msp.access.readable_versions, as on the pages: 404)."""

from django.db.models import Prefetch
from django.urls import path
from rest_framework import generics

from governance import selectors
from governance.models import Milestone, MouParty, MouSignature, MouVersion, ResultNode, RoadmapVersion
from msp import access

from ..etag import ETagMixin
from ..serializers.governance_agreements import (
    MouVersionDetailSerializer,
    MouVersionSerializer,
    RoadmapVersionDetailSerializer,
    RoadmapVersionSerializer,
)
from .governance_common import Scoped


class AgreementScoped(Scoped):
    read_action = "view_agreements"
    lookup_field = lookup_url_kwarg = "number"

    def readable(self, versions):
        return access.readable_versions(self.request.user, self.partnership, versions)


class RoadmapVersions(AgreementScoped, generics.ListAPIView):
    """The roadmap's versions you may read, newest first (without their content: see the version)."""

    model = RoadmapVersion
    serializer_class = RoadmapVersionSerializer

    def records(self):
        return self.readable(selectors.roadmap_versions(self.partnership)).order_by("-number")


class RoadmapVersionDetail(AgreementScoped, ETagMixin, generics.RetrieveAPIView):
    """One roadmap version: problem statement, vision, goals, the results chain (impact, outcome, output and activity
    nodes with their parent and owner; `key` stays the same across versions) and the milestones."""

    model = RoadmapVersion
    serializer_class = RoadmapVersionDetailSerializer

    def records(self):
        return self.readable(selectors.roadmap_versions(self.partnership)).prefetch_related(
            "goals",
            Prefetch("nodes", queryset=ResultNode.objects.select_related("owner")),
            Prefetch("milestones", queryset=Milestone.objects.select_related("owner")),
        )


class MouVersions(AgreementScoped, generics.ListAPIView):
    """The MoU's versions you may read, newest first, with their numbers of clauses, signing parties and
    signatures."""

    model = MouVersion
    serializer_class = MouVersionSerializer

    def records(self):
        return self.readable(selectors.mou_versions(self.partnership))


class MouVersionDetail(AgreementScoped, ETagMixin, generics.RetrieveAPIView):
    """One MoU version: its clauses in order, its parties (to approve, to sign) and the signatures given."""

    model = MouVersion
    serializer_class = MouVersionDetailSerializer

    def records(self):
        return self.readable(selectors.mou_versions(self.partnership)).prefetch_related(
            "clauses",
            Prefetch("parties", queryset=MouParty.objects.select_related("organisation")),
            Prefetch("signatures", queryset=MouSignature.objects.select_related("organisation")),
        )


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}roadmap-versions/", RoadmapVersions.as_view(), name="roadmap_version_list"),
    path(f"{P}roadmap-versions/<int:number>/", RoadmapVersionDetail.as_view(), name="roadmap_version_detail"),
    path(f"{P}mou-versions/", MouVersions.as_view(), name="mou_version_list"),
    path(f"{P}mou-versions/<int:number>/", MouVersionDetail.as_view(), name="mou_version_detail"),
]
