"""The decision log runs the same number of queries with few and with many decisions and positions."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.querycount import queries_for

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = pytest.mark.usefixtures("gates_open")


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, f"p{partnership.pk}d{i}") for i in range(size + 1)]
    body = services.body_save(
        partnership=partnership, by=secretariat, type="steering_committee", name="SC", majority_threshold="simple"
    )
    for partner in partners:
        services.seat_save(body=body, by=secretariat, organisation=partner.contact.organisation)
    start = timezone.now() - dt.timedelta(days=3)
    meetings = [
        services.meeting_save(
            partnership=partnership,
            by=secretariat,
            body=body,
            title=f"SC {i}",
            is_formal=True,
            start=start - dt.timedelta(days=i),
            end=start - dt.timedelta(days=i) + dt.timedelta(hours=1),
            place="Accra",
            online_link="",
            agenda="",
        )
        for i in range(size)
    ]
    for i in range(size):
        decision = services.decision_save(
            partnership=partnership, by=secretariat, title=f"Decision {i}", method="majority", body=body
        )
        services.decision_open(decision=decision, by=secretariat)
        for partner in partners:
            services.position_record(
                decision=decision, by=partner, organisation=partner.contact.organisation, position="support"
            )
        # each taken at a meeting of its own, which the log names
        services.decision_decide(decision=decision, by=secretariat, outcome="adopted", meeting=meetings[i])
    return partnership, secretariat, partners[0]


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role; the bodies offered in the filter; the page of decisions (with their body,
# meeting and position counts) and their number (one query, a window count)
LOG_QUERIES = 6


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_decision_log_is_constant(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, partner in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        count, sql = queries_for(client, reverse("governance:decisions", args=[partnership.pk]) + "?method=majority")
        counts.append(count)
    assert counts[0] == counts[1] == LOG_QUERIES, "\n".join(sql)


def _linked_world(size):
    """A decision of a _world taken at a meeting, that changed the phase, the roadmap and the MoU, with `size` + 1
    positions."""
    from phases.services import phase_transition
    from tests.governance.factories import mou_draft, roadmap_draft

    partnership, secretariat, partner = _world(size)
    body = partnership.bodies.get()
    start = timezone.now() - dt.timedelta(days=3)
    meeting = services.meeting_save(
        partnership=partnership,
        by=secretariat,
        body=body,
        title="SC",
        is_formal=True,
        start=start,
        end=start + dt.timedelta(hours=1),
        place="Accra",
        online_link="",
        agenda="",
    )
    decision = services.decision_save(
        partnership=partnership,
        by=secretariat,
        title="Linked",
        method="majority",
        body=body,
        meeting=meeting,
        phase_transition=phase_transition(partnership=partnership, to=2, by=secretariat),
        roadmap_version=roadmap_draft(partnership, secretariat),
        mou_version=mou_draft(partnership, secretariat),
    )
    services.decision_open(decision=decision, by=secretariat)
    for seat in body.seats.select_related("organisation"):
        user = seat.organisation.contacts.get().user
        services.position_record(decision=decision, by=user, organisation=seat.organisation, position="support")
    return partnership, partner, decision


# For a partner: session, user, partnership, my role; the decision with its body, position count, meeting, phase
# move and versions (one join); the positions table: positions (with organisation and who recorded), the decision's
# partnership, the voting seats, the active members; the adoption check: positions, voting seats, active members;
# "may I record a position?": my contact person, my organisation's membership.
DECISION_QUERIES = 14


def test_the_decision_page_is_constant(client, db):
    counts, sql = [], []
    for size in (1, 8):
        partnership, partner, decision = _linked_world(size)
        client.force_login(partner)
        count, sql = queries_for(client, reverse("governance:decision", args=[partnership.pk, decision.pk]))
        counts.append(count)
    assert counts[0] == counts[1] == DECISION_QUERIES, "\n".join(sql)
