"""A meeting's page with circulated minutes runs the same number of queries with one comment and with many, and
the meeting list the same with and without minutes: each measured on a small and a large meeting."""

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
    """A past meeting attended by `size` member organisations (their partners attend through them), its minutes
    circulated, each partner commenting."""
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, f"p{partnership.pk}m{i}") for i in range(size)]
    start = timezone.now() - dt.timedelta(days=3)
    meeting = services.meeting_save(
        partnership=partnership,
        by=secretariat,
        title="Review",
        is_formal=False,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="",
    )
    services.meeting_invite(meeting=meeting, by=secretariat, organisations=[p.contact.organisation for p in partners])
    services.minutes_save(meeting=meeting, by=secretariat, text="1. Agreed.", recorded_on=timezone.localdate())
    services.minutes_circulate(meeting=meeting, by=secretariat)
    for partner in partners:
        services.minutes_comment(meeting=meeting, by=partner, text=f"Fine for {partner.username}.")
    return partnership, secretariat, partners[0], meeting


@pytest.fixture
def worlds(db):
    return _world(1), _world(8)


def _counts(client, worlds, viewer, name):
    counts, sql = [], []
    for partnership, secretariat, partner, meeting in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        args = [partnership.pk, meeting.pk] if name == "meeting" else [partnership.pk]
        count, sql = queries_for(client, reverse(f"governance:{name}", args=args))
        counts.append(count)
    return counts, "\n".join(sql)


# The meeting page's (tests/governance/test_meeting_query_counts.py: session, user, partnership, my role; the
# meeting with its body; its organisations; its persons; the decisions taken at it; its papers) and the minutes
# with who recorded and finalised them; their comments with author and organisation.
SECRETARIAT_QUERIES = 11
# The same, and for a partner the organisation they act for (their contact person, and whether it is a member):
# whether they attended and may comment.
PARTNER_QUERIES = 13


def test_the_meeting_page_with_minutes_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, "secretariat", "meeting")
    assert counts == [SECRETARIAT_QUERIES] * 2, sql
    counts, sql = _counts(client, worlds, "partner", "meeting")
    assert counts == [PARTNER_QUERIES] * 2, sql


def test_the_meeting_list_with_minutes_is_constant(client, worlds):
    from tests.governance.test_meeting_query_counts import LIST_QUERIES

    for viewer in ("partner", "secretariat"):
        counts, sql = _counts(client, worlds, viewer, "meetings")
        assert counts == [LIST_QUERIES] * 2, sql
