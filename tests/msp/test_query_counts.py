"""The partnership list and dashboard run the same number of queries at 3 and at 30 partnerships."""

import pytest
from django.urls import reverse

from msp.models import Role
from phases.services import phase_transition
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.querycount import queries_for

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = pytest.mark.usefixtures("gates_open")


def grow(user, n):
    """n more partnerships on which `user` is secretariat, each with countries, goals, targets, people, history."""
    for _ in range(n):
        p = PartnershipFactory(countries=["KE", "TZ"], sdg_goals=[6, 15], sdg_targets=["6.1", "15.3"])
        RoleFactory(partnership=p, user=user, role=Role.SECRETARIAT)
        RoleFactory(partnership=p, role=Role.PARTNER)
        RoleFactory(partnership=p, role=Role.DONOR)
        phase_transition(partnership=p, to=2, by=user)


# session, user, "may create partnerships?" (secretariat somewhere), filter's country choices, filter's goal
# choices, page of partnerships (with my role) and their count in one query, prefetch countries, prefetch goals
LIST_QUERIES = 8
# ... plus validating the chosen country and goal
FILTERED_LIST_QUERIES = 10


def test_the_partnership_list_is_constant(client, db):
    user = UserFactory()
    client.force_login(user)
    grow(user, 3)
    small, _ = queries_for(client, reverse("msp:partnership_list"))
    grow(user, 27)
    large, sql = queries_for(client, reverse("msp:partnership_list"))
    assert small == large == LIST_QUERIES, "\n".join(sql)


def test_the_filtered_list_is_constant(client, db):
    user = UserFactory()
    client.force_login(user)
    grow(user, 3)
    url = reverse("msp:partnership_list") + "?phase=2&country=KE&sdg_goal=6&q=Partnership&page=1"
    small, _ = queries_for(client, url)
    grow(user, 27)
    large, sql = queries_for(client, url)
    assert small == large == FILTERED_LIST_QUERIES, "\n".join(sql)


# session, user, partnership, my role, key facts: countries, goals, targets; roles card; phase history card;
# activity card; stakeholders card: active members, key stakeholders not yet engaged; agreements card (member
# organisations, roadmap versions, MoU versions); governance card (next meeting, open decisions, last decisions);
# resources card (commitments, planned lines, transactions, rates; no years to prefetch without commitments);
# results card (indicators; no periods to prefetch without indicators, else one more); learning card (its figures
# in one query, the highest-scored open risk); checklist health card (the last runs; the items of the last two only
# when there are two)
DASHBOARD_QUERIES = 26


def test_the_dashboard_is_constant(client, db):
    user = UserFactory()
    client.force_login(user)
    grow(user, 3)
    partnership = PartnershipFactory(countries=["GH"], sdg_goals=[1], sdg_targets=["1.2"])
    RoleFactory(partnership=partnership, user=user, role=Role.SECRETARIAT)
    url = reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})
    small, _ = queries_for(client, url)

    grow(user, 27)
    for _ in range(10):
        RoleFactory(partnership=partnership, role=Role.PARTNER)
    phase_transition(partnership=partnership, to=2, by=user)
    phase_transition(partnership=partnership, to=3, by=user)
    phase_transition(partnership=partnership, to=1, by=user, reason="other", note="Start again.")
    large, sql = queries_for(client, url)
    assert small == large == DASHBOARD_QUERIES, "\n".join(sql)


# activity: session, user, partnership, my role, the filter's choices (people, member organisations, kinds of record),
# the page of entries (with actor, content type) and their count in one query
# phase history: session, user, partnership, my role, transitions (with who moved), the partnership's checklist
# parameters for the gate on the move form (the rules are fakes here: their loaders are counted in each app's tests)
PAGE_QUERIES = [8, 6]


def test_activity_and_phase_history_are_constant(client, db):
    user = UserFactory()
    client.force_login(user)
    partnership = PartnershipFactory()
    RoleFactory(partnership=partnership, user=user, role=Role.SECRETARIAT)
    urls = [
        reverse("msp:activity", kwargs={"partnership_pk": partnership.pk}),
        reverse("phases:history", kwargs={"partnership_pk": partnership.pk}),
    ]
    small = [queries_for(client, url)[0] for url in urls]
    for _ in range(8):
        RoleFactory(partnership=partnership, role=Role.PARTNER)
    phase_transition(partnership=partnership, to=2, by=user)
    phase_transition(partnership=partnership, to=3, by=user)
    phase_transition(partnership=partnership, to=2, by=user, reason="other", note="Again.")
    large = [queries_for(client, url)[0] for url in urls]
    assert small == large == PAGE_QUERIES


# session, user, partnership, my role, contact persons a partner may act as, roles with their users and organisations
ROLES_QUERIES = 6


def test_the_roles_page_is_constant(client, db):
    user = UserFactory()
    client.force_login(user)
    partnership = PartnershipFactory()
    RoleFactory(partnership=partnership, user=user, role=Role.SECRETARIAT)
    url = reverse("msp:roles", kwargs={"partnership_pk": partnership.pk})
    small, _ = queries_for(client, url)
    for role in (Role.PARTNER, Role.DONOR) * 10:
        RoleFactory(partnership=partnership, role=role)
    large, sql = queries_for(client, url)
    assert small == large == ROLES_QUERIES, "\n".join(sql)
