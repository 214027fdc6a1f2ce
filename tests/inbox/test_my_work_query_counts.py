"""My work runs the same number of queries with one and with many things awaiting each kind."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services as gov
from governance.models import RoadmapVersion
from msp.models import Role
from tests.factories import ContactFactory, MembershipFactory, PartnershipFactory, RoleFactory
from tests.governance.factories import MilestoneFactory, member, mou_draft, roadmap_draft
from tests.monitoring.factories import IndicatorFactory, PeriodFactory
from tests.monitoring.reports.report_rows import report_row
from tests.phases.health_check_factories import open_round
from tests.querycount import queries_for
from tests.stakeholders.factories import InvitationFactory


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    donor = RoleFactory(partnership=partnership, role=Role.DONOR).user
    partner = member(partnership, f"p{partnership.pk}")
    organisation = partner.contact.organisation
    today = timezone.localdate()
    for _ in range(size):  # indicators first: each hangs from a node of the draft roadmap
        indicator = IndicatorFactory(partnership=partnership, responsible=organisation)
        PeriodFactory(indicator=indicator, start=today - dt.timedelta(days=200), end=today - dt.timedelta(days=100))
    draft = RoadmapVersion.objects.get(partnership=partnership)  # the draft the indicators' nodes made
    gov.roadmap_version_update(
        version=draft, by=secretariat, problem_statement="Drought.", vision="Water.", goals=["Water"]
    )
    for i in range(size):
        MilestoneFactory(version=draft, owner=organisation, due_on=timezone.localdate() - dt.timedelta(days=i + 1))
    roadmap = gov.roadmap_send_for_review(version=draft, by=secretariat)
    gov.roadmap_approve(version=roadmap, by=partner)  # approved: its milestones are overdue
    gov.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    gov.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    for i in range(size):
        decision = gov.decision_save(partnership=partnership, by=secretariat, title=f"Decision {i}")
        gov.decision_open(decision=decision, by=secretariat)
        open_round(partnership, secretariat, title=f"Check {i}")
        report_row(partnership, secretariat, released=True)
        InvitationFactory(
            partnership=partnership, contact=ContactFactory(), expires_at=timezone.now() + dt.timedelta(days=2)
        )
    return {"secretariat": secretariat, "partner": partner, "donor": donor}


@pytest.fixture
def worlds(db):
    return _world(1), _world(8)


# session, user, partnerships, roles on them, the contact person the user acts through (and, for a partner, where
# its organisation is a member: two queries for all partnerships); then one query per kind the role may have work
# of (its first entries and their number): the secretariat data due, milestones, invitations; a partner versions to
# approve (roadmap, MoU), to sign, decisions, health checks, data due, milestones, reports; a donor reports.
QUERIES = {"secretariat": 8, "partner": 14, "donor": 6}
# The page of one kind: the same up to the kind, then its page of entries with their number (one query, a window
# count; none when the role has no work of that kind at all, the partner's invitations).
KIND_QUERIES = {
    ("secretariat", "data"): 6,
    ("secretariat", "position"): 5,
    ("partner", "position"): 7,
    ("partner", "invitation"): 6,
    ("donor", "report"): 6,
}


@pytest.mark.parametrize("viewer", ["secretariat", "partner", "donor"])
def test_my_work_is_constant(client, worlds, viewer):
    counts, sql = [], []
    for world in worlds:
        client.force_login(world[viewer])
        count, sql = queries_for(client, reverse("inbox:my_work"))
        counts.append(count)
    assert counts[0] == counts[1] == QUERIES[viewer], "\n".join(sql)


@pytest.mark.parametrize(("viewer", "kind"), list(KIND_QUERIES))
def test_the_page_of_a_kind_is_constant(client, worlds, viewer, kind):
    counts, sql = [], []
    for world in worlds:
        client.force_login(world[viewer])
        count, sql = queries_for(client, reverse("inbox:my_work_kind", kwargs={"kind": kind}))
        counts.append(count)
    assert counts[0] == counts[1] == KIND_QUERIES[(viewer, kind)], "\n".join(sql)


def test_my_work_is_constant_in_the_number_of_partnerships(client, db):
    """A partner on many partnerships: what it acts for is read once for all of them (msp.affiliations.preload)."""
    counts = []
    for more in (0, 3):
        world = _world(1)
        partner = world["partner"]
        for _ in range(more):
            partnership = PartnershipFactory()
            secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
            RoleFactory(partnership=partnership, user=partner, role=Role.PARTNER)
            MembershipFactory(partnership=partnership, organisation=partner.contact.organisation)
            gov.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
        client.force_login(partner)
        count, sql = queries_for(client, reverse("inbox:my_work"))
        counts.append(count)
    assert counts == [QUERIES["partner"]] * 2, "\n".join(sql)
