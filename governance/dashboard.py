"""The roadmap, MoU, Governance and Resources tabs, and the dashboard's agreements card (see msp.registry)."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import access
from msp.registry import Card, Tab, register_card, register_tab
from stakeholders.selectors import active_member_organisations

from . import selectors
from .models import DecisionStatus, MouParty, MouVersion, RoadmapParty, RoadmapVersion
from .resources import for_partnership as overview_figures
from .selectors import decisions as decision_selectors
from .selectors import meetings as meeting_selectors

register_tab(Tab("roadmap", _("Roadmap"), "governance:roadmap", order=20, action="view_agreements"))
register_tab(Tab("mou", _("MoU"), "governance:mou_list", order=30, action="view_agreements"))
# Bodies and seats, the secretariat (and, later, meetings and decisions): see governance/views/bodies.py.
register_tab(Tab("governance", _("Governance"), "governance:bodies", order=35, action="view_bodies"))
# The overview, commitments, the budget, transactions, exchange rates: see governance/views/resources.py.
# Donors see the tab too (resource totals, their own organisation's commitments).
register_tab(Tab("resources", _("Resources"), "governance:resources", order=37, action="view_resources"))


def agreements(request, partnership):
    """The roadmap and MoU versions that matter now, and which member organisations have not yet acted on them.

    Roadmap: the version in review if there is one (approvals outstanding), else the approved one. MoU: the
    version being signed if there is one (signatures outstanding), else the one in force, else the latest. Of the
    versions the user may read: a donor hears of agreed versions only, never of drafts (msp.access).
    """
    user = request.user
    members = list(active_member_organisations(partnership))
    roadmaps = list(
        access.readable_versions(user, partnership, RoadmapVersion.objects.filter(partnership=partnership))
        .exclude(status=RoadmapVersion.Status.SUPERSEDED)
        .prefetch_related(
            "approvals", Prefetch("parties", queryset=RoadmapParty.objects.select_related("organisation"))
        )
        .order_by("-number")
    )
    roadmap = next((v for v in roadmaps if v.status == RoadmapVersion.Status.IN_REVIEW), None) or next(
        (v for v in roadmaps if v.status == RoadmapVersion.Status.APPROVED), None
    )
    roadmap_draft = next((v for v in roadmaps if v.status == RoadmapVersion.Status.DRAFT), None)
    mous = list(
        access.readable_versions(user, partnership, MouVersion.objects.filter(partnership=partnership))
        .exclude(status=MouVersion.Status.SUPERSEDED)
        .prefetch_related(
            "signatures", "approvals", Prefetch("parties", queryset=MouParty.objects.select_related("organisation"))
        )
        .order_by("-number")
    )
    mou = (
        next((v for v in mous if v.status in MouVersion.SIGNABLE), None)
        or next((v for v in mous if v.status == MouVersion.Status.IN_REVIEW), None)
        or next((v for v in mous if v.status == MouVersion.Status.IN_FORCE), None)
        or (mous[0] if mous else None)
    )
    in_force = next((v for v in mous if v.status == MouVersion.Status.IN_FORCE), None)
    context = {
        "roadmap": roadmap,
        "roadmap_draft": roadmap_draft,
        "mou": mou,
        "mou_in_force": in_force,
        "member_count": len(members),
        "sees_unagreed": access.can(user, "view_unagreed_versions", partnership),
    }
    if roadmap is not None and roadmap.status == RoadmapVersion.Status.IN_REVIEW:
        context["roadmap_missing"] = selectors.outstanding(selectors.approval_status(roadmap, members))
    if mou is not None and mou.status in MouVersion.SIGNABLE:
        context["mou_missing"] = selectors.outstanding(selectors.signature_status(mou, members))
    elif mou is not None and mou.status == MouVersion.Status.IN_REVIEW:
        context["mou_missing_approval"] = selectors.outstanding(selectors.approval_status(mou, members))
    return context


register_card(
    Card("agreements", "governance/cards/agreements.html", order=18, context=agreements, action="view_agreements")
)


def governance(request, partnership):
    """The governance card: for members, the next meeting (donors see no meetings); the decisions open for
    positions (for a partner, those awaiting their organisation's position, with a link) and the last decisions
    taken (donors: adopted ones)."""
    user = request.user
    acting = access.acting_for(user, partnership) if access.can(user, "record_position", partnership) else None
    seen = decision_selectors.decisions_for(user, partnership)
    sees_meetings = access.can(user, "view_meetings", partnership)
    return {
        "sees_meetings": sees_meetings,
        "next_meeting": meeting_selectors.next_meeting(partnership) if sees_meetings else None,
        "awaiting": list(decision_selectors.open_awaiting(partnership, acting.organisation)[:5]) if acting else [],
        "open_count": seen.filter(status=DecisionStatus.OPEN).count(),
        "last": list(seen.filter(status=DecisionStatus.DECIDED)[:3]),
    }


register_card(
    Card("governance", "governance/cards/governance.html", order=19, context=governance, action="view_decisions")
)


def resources_card(request, partnership):
    """The resources card: planned vs committed this year, its coverage, and the concentration warning (five
    queries: governance.resources). Everyone with a role sees it (totals only, no funder named)."""
    figures = overview_figures(partnership)
    return {"figures": figures, "year": figures.current_year(timezone.localdate())}


register_card(
    Card("resources", "governance/cards/resources.html", order=21, context=resources_card, action="view_resources")
)
