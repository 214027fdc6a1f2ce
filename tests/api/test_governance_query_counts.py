"""Every stakeholder and governance list endpoint (and the details with nested rows) runs the same number of queries
for a partnership with 2 and with 6 of everything: members with contacts and map entries, roadmap and MoU versions
with their parts, bodies with seats, decisions with positions, meetings with attendees and papers, commitments,
budget lines and transactions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.demo import evidence_pdf
from governance.models import MouParty, MouSignature, MouVersion, RoadmapVersion
from msp.codelists import Currency
from msp.models import Role
from tests.api.conftest import token_client
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory
from tests.governance.factories import (
    ClauseFactory,
    MilestoneFactory,
    MouVersionFactory,
    ResultNodeFactory,
    RoadmapGoalFactory,
    RoadmapVersionFactory,
)
from tests.querycount import queries_for
from tests.stakeholders.factories import MapEntryFactory


def _stakeholders(p, size):
    organisations = []
    for i in range(size):
        organisation = OrganisationFactory(name=f"Org {i}")
        MembershipFactory(partnership=p, organisation=organisation, is_core_group=i % 2 == 0)
        ContactFactory(organisation=organisation)
        ContactFactory(organisation=organisation, may_sign=True)
        MapEntryFactory(partnership=p, organisation=organisation, power=1 + i % 5, interest=1 + 2 * i % 5)
        organisations.append(organisation)
    return organisations


def _versions(p, sec, size, organisations):
    for i in range(size):
        roadmap = RoadmapVersionFactory(partnership=p, number=i + 1, created_by=sec)
        RoadmapGoalFactory(version=roadmap)
        for organisation in organisations:
            node = ResultNodeFactory(version=roadmap, owner=organisation)
            MilestoneFactory(version=roadmap, owner=organisation, node=node)
        RoadmapVersion.objects.filter(pk=roadmap.pk).update(status="superseded", approved_at=timezone.now())
        mou = MouVersionFactory(partnership=p, number=i + 1, created_by=sec)
        for organisation in organisations:
            ClauseFactory(version=mou)
            MouParty.objects.create(version=mou, organisation=organisation, purpose="sign")
            MouSignature.objects.create(
                version=mou, organisation=organisation, signer_name="Ana", signer_position="Director", fingerprint="f"
            )
        MouVersion.objects.filter(pk=mou.pk).update(status="superseded", in_force_at=timezone.now())


def _governance(p, sec, size, organisations):
    for i in range(size):
        body = services.body_save(
            partnership=p, by=sec, type="working_group", name=f"Group {i}", majority_threshold="simple"
        )
        for organisation in organisations:
            services.seat_save(body=body, by=sec, organisation=organisation, is_chair=False)
        decision = services.decision_save(partnership=p, by=sec, title=f"Decision {i}", method="consent")
        services.decision_open(decision=decision, by=sec)
        for organisation in organisations:
            services.position_record_on_behalf(
                decision=decision, by=sec, organisation=organisation, position="support", note="By e-mail."
            )
        start = timezone.now() + dt.timedelta(days=i + 1)
        meeting = services.meeting_save(
            partnership=p,
            by=sec,
            body=body,
            title=f"Meeting {i}",
            is_formal=True,
            start=start,
            end=start + dt.timedelta(hours=1),
            place="Accra",
            online_link="",
            agenda="",
        )
        services.meeting_invite(meeting=meeting, by=sec, organisations=organisations, users=[sec])
        services.meeting_paper_upload(
            meeting=meeting, by=sec, title="Paper", file=ContentFile(evidence_pdf("p"), name="p.pdf"), share=True
        )


def _resources(p, sec, size, organisations):
    for i in range(size):
        services.commitment_save(
            partnership=p,
            by=sec,
            organisation=organisations[i % len(organisations)],
            type="cash",
            description=f"Funding {i}",
            value=Decimal("1000"),
            currency=Currency.objects.get(pk="EUR"),
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2028, 12, 31),
            no_expectations=True,
        )
        line = services.budget_line_save(
            partnership=p,
            by=sec,
            category="secretariat",
            description=f"Line {i}",
            year=2026,
            amount="10",
            currency="EUR",
        )
        services.transaction_save(
            partnership=p,
            by=sec,
            type="4",
            date=dt.date(2026, 1, 2),
            amount="5",
            currency="EUR",
            counterpart=organisations[i % len(organisations)],
            budget_line=line,
        )


def _grow(size):
    p = PartnershipFactory()
    sec = RoleFactory(partnership=p, role=Role.SECRETARIAT).user
    donor = RoleFactory(partnership=p, role=Role.DONOR).user
    organisations = _stakeholders(p, size)
    ContactFactory(organisation=organisations[0], user=donor)  # a donor reading their organisation's commitments
    _versions(p, sec, size, organisations)
    _governance(p, sec, size, organisations)
    _resources(p, sec, size, organisations)
    return p, {"secretariat": sec, "donor": donor}


LISTS = [
    "member_list",
    "contact_list",
    "map_entry_list",
    "roadmap_version_list",
    "mou_version_list",
    "body_list",
    "decision_list",
    "meeting_list",
    "commitment_list",
    "budget_line_list",
    "transaction_list",
]
DETAILS = {  # url name -> the object's URL kwarg, from the partnership
    "roadmap_version_detail": lambda p: {"number": 1},
    "mou_version_detail": lambda p: {"number": 1},
    "decision_detail": lambda p: {"pk": p.decisions.order_by("pk").first().pk},
    "meeting_detail": lambda p: {"pk": p.meetings.order_by("pk").first().pk},
}
DONOR_READS = {"roadmap_version_list", "mou_version_list", "body_list", "decision_list", "commitment_list"}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The two partnerships, built once for the module (it takes seconds) in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _grow(2), _grow(6)
        transaction.set_rollback(True)


@pytest.fixture
def worlds(built, db):
    """Each test runs in a savepoint on top of the built partnerships: what it writes (its token) goes with it."""
    return built


def _counts(worlds, role, name, kwargs=lambda p: {}):
    counts = []
    for p, users in worlds:
        client = token_client(users[role])
        client.get(reverse("api:partnership_list"))  # the token's first use is written down once
        url = reverse(f"api:{name}", kwargs={"partnership_pk": p.pk, **kwargs(p)})
        count, _sql = queries_for(client, url)
        counts.append(count)
    return counts


@pytest.mark.parametrize("name", LISTS + list(DETAILS))
def test_the_secretariats_reads_are_constant(worlds, name):
    small, big = _counts(worlds, "secretariat", name, DETAILS.get(name, lambda p: {}))
    assert small == big, f"{name}: {small} queries with 2 of everything, {big} with 6"


@pytest.mark.parametrize("name", sorted(DONOR_READS))
def test_a_donors_reads_are_constant(worlds, name):
    small, big = _counts(worlds, "donor", name)
    assert small == big, f"{name}: {small} queries with 2 of everything, {big} with 6"


def test_the_lists_show_what_was_made(worlds):
    (_small, _), (p, users) = worlds
    client = token_client(users["secretariat"])
    sizes = {
        name: client.get(reverse(f"api:{name}", kwargs={"partnership_pk": p.pk})).json()["count"] for name in LISTS
    }
    assert sizes == {
        "member_list": 6,
        "contact_list": 13,  # two per organisation, and the donor's
        "map_entry_list": 6,
        "roadmap_version_list": 6,
        "mou_version_list": 6,
        "body_list": 6,
        "decision_list": 6,
        "meeting_list": 6,
        "commitment_list": 6,
        "budget_line_list": 6,
        "transaction_list": 6,
    }
