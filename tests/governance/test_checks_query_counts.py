"""The governance loader reads a partnership in the same number of queries whatever its size (issue 13, acceptance
1 and 4): 3 members with their data, or 15."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phases.checks import load
from tests.factories import PartnershipFactory
from tests.governance.checks_world import (
    TODAY,
    approve,
    body,
    commitment,
    decision,
    line,
    meeting,
    members,
    milestone,
    minutes,
    mou,
    node,
    paper,
    roadmap,
    secretariat,
)

pytestmark = pytest.mark.django_db


def build(size):
    partnership = PartnershipFactory(phase=3, currency_id="EUR")
    orgs = members(partnership, *(f"Org {size}-{i}" for i in range(size)), core=True, capacity_person_days=100)
    version = roadmap(partnership, goals=[f"Goal {i}" for i in range(size)])
    impact = node(version, "impact", "Impact")
    for i in range(size):
        outcome = node(version, "outcome", f"Outcome {i}", parent=impact)
        milestone(version, f"Milestone {i}", node=outcome)
        line(partnership, "activities", 100 + i, node_key=outcome.key)
    approve(version, *orgs)
    mou(partnership, *orgs)
    secretariat(partnership, orgs[0])
    board = body(partnership, seats=orgs, chair=orgs[1], cadence=4)
    for i, org in enumerate(orgs):
        commitment(partnership, org, 1000 + i)
        commitment(partnership, org, type="staff_time", quantity=50)
        held = meeting(
            partnership,
            f"Meeting {i}",
            TODAY - dt.timedelta(days=10 * (i + 1)),
            body=board,
            formal=bool(i % 2),
            organisations=orgs,
        )
        paper(held, shared_days_before=10)
        minutes(held, days_after=3)
        decision(partnership, f"Decision {i}", topic="continue" if i % 2 else "", meeting=held)
    return partnership


def queries(partnership):
    with CaptureQueriesContext(connection) as ctx:
        load(partnership, today=TODAY, only={"governance"})
    return len(ctx)


def test_the_loader_reads_3_or_15_members_in_the_same_number_of_queries():
    small, large = build(3), build(15)
    assert queries(small) == queries(large) <= 25


@pytest.mark.parametrize("phase", [1, 2, 3, 4])
def test_every_governance_rule_gives_a_result_with_evidence_on_an_empty_and_a_full_partnership(phase):
    from phases.catalogue import CATALOGUE, Result
    from phases.checks import RULES, find

    for partnership in (PartnershipFactory(phase=phase), build(3)):
        facts = load(partnership, today=TODAY, only={"governance"})
        for item_id, (_function, needs) in RULES.items():
            if needs != ("governance",):
                continue
            finding = find(CATALOGUE[item_id], facts, {})
            assert finding.result in Result.values, item_id
            assert finding.evidence, item_id
            assert all(url.startswith("/partnerships/") for _label, url in finding.links), item_id
