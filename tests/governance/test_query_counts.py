"""The roadmap, MoU, comparison, list and dashboard pages run the same number of queries with little and with much
data: each is measured on a small partnership and on a large one, seen by the same kind of user."""

import pytest
from django.urls import reverse

from governance import services
from governance.models import MouVersion, RoadmapVersion
from msp.models import PartnershipRole, Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.governance.factories import member, mou_draft, roadmap_draft, sign
from tests.querycount import queries_for


def _url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


def _world(size):
    """A partnership with `size` + 1 member organisations, a roadmap in review and an MoU being signed, both
    growing with `size`: results-chain nodes and milestones, clauses, approvals, signatures, comment threads."""
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    signers = [member(partnership, f"p{partnership.pk}m{i}") for i in range(size + 1)]
    owner = signers[0].contact.organisation

    roadmap = roadmap_draft(partnership, secretariat, goals=[f"Goal {i}" for i in range(size)])
    for i in range(size):
        impact = services.result_node_save(version=roadmap, by=secretariat, level="impact", title=f"I{i}", owner=owner)
        outcome = services.result_node_save(
            version=roadmap, by=secretariat, level="outcome", parent=impact, title=f"O{i}", owner=owner
        )
        output = services.result_node_save(
            version=roadmap, by=secretariat, level="output", parent=outcome, title=f"P{i}", owner=owner
        )
        services.result_node_save(version=roadmap, by=secretariat, level="activity", parent=output, title=f"A{i}")
        services.milestone_save(
            version=roadmap, by=secretariat, title=f"M{i}", due_on="2030-01-01", owner=owner, node=outcome
        )
    services.roadmap_send_for_review(version=roadmap, by=secretariat)
    for signer in signers[:-1]:
        services.roadmap_approve(version=roadmap, by=signer)
    for i in range(size):
        first = services.roadmap_comment(version=roadmap, by=signers[0], body=f"Comment {i}")
        services.roadmap_comment(version=roadmap, by=secretariat, body="Reply", parent=first)

    v1 = services.mou_send_for_review(version=mou_draft(partnership, secretariat, clauses=["A", "B"]), by=secretariat)
    services.mou_approve(version=v1, by=signers[0])
    services.mou_comment(version=v1, by=signers[0], body="On the whole text.")
    v2 = services.mou_version_create(partnership=partnership, by=secretariat)
    for i in range(size):
        services.clause_save(version=v2, by=secretariat, type="other", title=f"Clause {i}", text=f"Text **{i}**.")
    services.mou_send_for_signature(version=v2, by=secretariat)
    for signer in signers[:-1]:
        sign(v2, signer)
    for clause in v2.clauses.all():
        first = services.mou_comment(version=v2, by=signers[0], body="Why?", clause=clause)
        services.mou_comment(version=v2, by=secretariat, body="Because.", parent=first)
    return partnership, secretariat, signers[0]


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


def _counts(client, worlds, viewer, name, *args, query=""):
    counts, sql = [], []
    for partnership, secretariat, partner in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        count, sql = queries_for(client, _url(name, partnership, *args) + query)
        counts.append(count)
    return counts, "\n".join(sql)


# session, user, partnership, my role; the version by number (404 otherwise); roadmap versions (the switcher);
# onto the version found there, its goals, nodes (with owners), milestones (with owners and nodes), approvals (with
# organisations and people), parties (with organisations), comments (with authors, organisations, resolvers);
# active member organisations; the partner's contact person and its membership
ROADMAP_PARTNER_QUERIES = 15
# The tab without a version number: the version list (which gives the latest) and the approved version (none here,
# so asked) instead of the 404 check and the switcher;
# no contact person to look up for the secretariat, but the party situation: partner users and their contacts
# (who nobody can act for), and the parties offered in the form to record an approval (exists, then options).
ROADMAP_TAB_SECRETARIAT_QUERIES = 17


def test_the_roadmap_page_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, "partner", "roadmap_version", 1)
    assert counts == [ROADMAP_PARTNER_QUERIES] * 2, sql
    counts, sql = _counts(client, worlds, "secretariat", "roadmap")
    assert counts == [ROADMAP_TAB_SECRETARIAT_QUERIES] * 2, sql


# session, user, partnership, my role; the version by number (404 otherwise); the version again with its clauses,
# approvals, signatures (with organisations and signers), parties, scans, comments (with authors, organisations,
# resolvers); active member organisations; the partner's contact person and membership; the version list; the
# stored PDF copy whose hash the page shows (its content type is cached)
MOU_PARTNER_QUERIES = 17
# No contact person to look up; the party situation (partner users, their contacts) and the parties offered in the
# form to record a paper signature (exists, then options).
MOU_SECRETARIAT_QUERIES = 19


def test_the_mou_page_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, "partner", "mou_version", 2)
    assert counts == [MOU_PARTNER_QUERIES] * 2, sql
    counts, sql = _counts(client, worlds, "secretariat", "mou_version", 2)
    assert counts == [MOU_SECRETARIAT_QUERIES] * 2, sql


# session, user, partnership, my role; the versions with clause, signature, signing-party and open-comment counts
MOU_LIST_QUERIES = 5


def test_the_mou_list_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, "partner", "mou_list")
    assert counts == [MOU_LIST_QUERIES] * 2, sql


# session, user, partnership, my role; version numbers; each version with its partnership and clauses (2 x 2)
COMPARE_QUERIES = 9


def test_the_comparison_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, "partner", "mou_compare", query="?a=1&b=2")
    assert counts == [COMPARE_QUERIES] * 2, sql


def test_the_dashboard_with_agreements_is_constant(client, worlds):
    counts = []
    for partnership, _secretariat, partner in worlds:
        client.force_login(partner)
        counts.append(queries_for(client, reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk}))[0])
    assert counts[0] == counts[1], counts


def _agree(partnership, secretariat):
    """Everything of `partnership` (a _world) agreed, with drafts after it: the roadmap approved by its last party
    and a v2 draft; the MoU v2 signed by its last party, then a v3 signed by every party (v2 superseded, still
    agreed) and a v4 draft. The donor's pages must leave the drafts (and v1, superseded in review) out."""
    partners = [
        r.user for r in PartnershipRole.objects.filter(partnership=partnership, role=Role.PARTNER).order_by("pk")
    ]
    services.roadmap_approve(version=RoadmapVersion.objects.get(partnership=partnership, number=1), by=partners[-1])
    services.roadmap_version_create(partnership=partnership, by=secretariat)
    sign(MouVersion.objects.get(partnership=partnership, number=2), partners[-1])
    v3 = services.mou_version_create(partnership=partnership, by=secretariat)
    services.mou_send_for_signature(version=v3, by=secretariat)
    for partner in partners:
        sign(v3, partner)
    services.mou_version_create(partnership=partnership, by=secretariat)
    return RoleFactory(partnership=partnership, user=UserFactory(), role=Role.DONOR).user


# For a donor: session, user, partnership, my role, then the page's own queries (the versions narrowed to the
# agreed ones inside the same queries: a filter, no query of its own). Roadmap tab: the version list (the switcher,
# which holds the approved version), then onto that version its goals, nodes, milestones, approvals, parties,
# comments (prefetched, not shown), active member organisations; a version page: the version by number first. MoU list: the versions with their counts. MoU page: the version by number, again with clauses,
# approvals, signatures, parties, scans, comments, active members, the version list, the stored PDF copy.
# Comparison: version numbers, each version with its clauses. Dashboard: the partnership's countries, goals,
# targets, the roadmap versions, the MoU versions (approvals, signatures and parties only of a version in review or
# being signed: none here), the governance card's decisions (no meeting: donors see none).
DONOR_QUERIES = {
    "roadmap": 12,
    "roadmap_version": 13,
    "mou_list": 5,
    "mou_version": 15,
    "mou_compare": 9,
    # With the resources card (commitments, this year's planned lines, rates, whether any line or transaction
    # exists), the results card (indicators, their visible periods) and the checklist health card.
    "dashboard": 19,
}


def test_a_donor_reads_the_agreed_versions_in_constant_queries(client, worlds):
    """A donor reads the agreed roadmap and MoU (without comments, drafts left out): no query per row either."""
    urls = {
        "roadmap": lambda p: _url("roadmap", p),
        "roadmap_version": lambda p: _url("roadmap_version", p, 1),
        "mou_list": lambda p: _url("mou_list", p),
        "mou_version": lambda p: _url("mou_version", p, 3),
        "mou_compare": lambda p: _url("mou_compare", p) + "?a=2&b=3",
        "dashboard": lambda p: reverse("msp:dashboard", kwargs={"partnership_pk": p.pk}),
    }
    counts = {name: [] for name in urls}
    for partnership, secretariat, _partner in worlds:
        client.force_login(_agree(partnership, secretariat))
        for name, url in urls.items():
            counts[name].append(queries_for(client, url(partnership))[0])
    assert counts == {name: [n, n] for name, n in DONOR_QUERIES.items()}, counts
