"""The meeting list and a meeting's page run the same number of queries with few and with many meetings and
attendees: each is measured on a small partnership and on a large one."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.querycount import queries_for


def _world(size):
    """A partnership with `size` + 1 members and a committee; `size` past and `size` upcoming meetings, each with
    every member organisation and person invited; `size` decisions taken at the last one."""
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, f"p{partnership.pk}m{i}") for i in range(size + 1)]
    body = services.body_save(
        partnership=partnership, by=secretariat, type="steering_committee", name="SC", majority_threshold="simple"
    )
    now = timezone.now()
    meetings = []
    for i in range(2 * size):
        start = now + dt.timedelta(days=(i - size) * 30 + 1)
        meeting = services.meeting_save(
            partnership=partnership,
            by=secretariat,
            body=body if i % 2 else None,
            title=f"Meeting {i}",
            is_formal=bool(i % 2),
            start=start,
            end=start + dt.timedelta(hours=2),
            place="Accra",
            online_link="",
            agenda="",
        )
        services.meeting_invite(
            meeting=meeting,
            by=secretariat,
            organisations=[p.contact.organisation for p in partners],
            users=partners,
        )
        meetings.append(meeting)
    for i in range(size):  # taken at the last meeting (formal, of the committee), one of them decided
        decision = services.decision_save(
            partnership=partnership, by=secretariat, title=f"Decision {i}", method="delegated", meeting=meetings[-1]
        )
        if i == 0:
            services.decision_decide(decision=decision, by=secretariat, outcome="deferred")
    return partnership, secretariat, partners[0], meetings[-1]


@pytest.fixture
def worlds(db):
    return _world(1), _world(8)


def _counts(client, worlds, viewer, name, with_meeting=False):
    counts, sql = [], []
    for partnership, secretariat, partner, meeting in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        args = [partnership.pk, meeting.pk] if with_meeting else [partnership.pk]
        count, sql = queries_for(client, reverse(f"governance:{name}", args=args))
        counts.append(count)
    return counts, "\n".join(sql)


# session, user, partnership, my role; upcoming meetings, past meetings (each with body and organisation count)
LIST_QUERIES = 6


def test_the_meeting_list_is_constant(client, worlds):
    for viewer in ("partner", "secretariat"):
        counts, sql = _counts(client, worlds, viewer, "meetings")
        assert counts == [LIST_QUERIES] * 2, sql


# session, user, partnership, my role; the meeting with its body; its organisations; its persons; the decisions
# taken at it; its minutes; its papers
DETAIL_QUERIES = 10


def test_the_meeting_page_is_constant(client, worlds):
    for viewer in ("partner", "secretariat"):
        counts, sql = _counts(client, worlds, viewer, "meeting", with_meeting=True)
        assert counts == [DETAIL_QUERIES] * 2, sql
