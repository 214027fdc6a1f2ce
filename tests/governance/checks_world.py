"""Builders for the governance success-factor rule tests: rows written straight to the database (the services'
rules are tested elsewhere), and `check()`, which loads a partnership's facts and runs one rule."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from governance.models import (
    Body,
    BudgetLine,
    Commitment,
    CommitmentYear,
    Decision,
    Meeting,
    MeetingPaper,
    Milestone,
    Minutes,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapGoal,
    RoadmapVersion,
    Seat,
    SecretariatStaff,
)
from phases.catalogue import CATALOGUE
from phases.checks import find, load
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

TODAY = dt.date(2026, 6, 15)
NOW = timezone.make_aware(dt.datetime(2026, 6, 15, 12, 0))


def check(partnership, item_id, today=TODAY, **params):
    """The finding of rule `item_id` on the partnership's data (`params` override the item's defaults)."""
    facts = load(partnership, today=today, only={"governance"})
    return find(CATALOGUE[item_id], facts, {item_id: params} if params else {})


def members(partnership, *names, core=False, joined=dt.date(2025, 1, 1), **extra):
    orgs = []
    for name in names:
        organisation = OrganisationFactory(name=name)
        MembershipFactory(
            partnership=partnership, organisation=organisation, is_core_group=core, joined_on=joined, **extra
        )
        orgs.append(organisation)
    return orgs


def roadmap(partnership, *, vision="Water all year.", goals=("Water for every farm",), problem="Drought.", number=1):
    version = RoadmapVersion.objects.create(
        partnership=partnership, number=number, vision=vision, problem_statement=problem
    )
    for text in goals:
        RoadmapGoal.objects.create(version=version, text=text)
    return version


def node(version, level, title, parent=None):
    return ResultNode.objects.create(version=version, level=level, title=title, parent=parent)


def milestone(version, title, node=None, due_on=dt.date(2026, 12, 31)):
    return Milestone.objects.create(version=version, title=title, node=node, due_on=due_on)


def approve(version, *organisations):
    """Mark the roadmap version approved by `organisations`."""
    version.status, version.approved_at = RoadmapVersion.Status.APPROVED, NOW
    version.save()
    for organisation in organisations:
        RoadmapApproval.objects.create(version=version, organisation=organisation, approver_name="Someone")
    return version


def mou(partnership, *signed_by, status=MouVersion.Status.IN_FORCE, number=1):
    version = MouVersion.objects.create(
        partnership=partnership,
        number=number,
        status=status,
        fingerprint="f" * 64,
        in_force_at=NOW if status == MouVersion.Status.IN_FORCE else None,
    )
    for organisation in signed_by:
        MouSignature.objects.create(
            version=version,
            organisation=organisation,
            signer_name="A. Signer",
            signer_position="Director",
            fingerprint="f" * 64,
        )
    return version


def body(partnership, name="Steering committee", *, seats=(), chair=None, primary=True, cadence=None, **extra):
    created = timezone.make_aware(dt.datetime(2025, 1, 1))
    row = Body.objects.create(
        partnership=partnership, name=name, is_primary=primary, cadence=cadence, created_at=created, **extra
    )
    for organisation in seats:
        Seat.objects.create(body=row, organisation=organisation, is_chair=organisation == chair)
    return row


def secretariat(partnership, host, *, time_share=100, role="coordinator"):
    row = Body.objects.create(partnership=partnership, name="Secretariat", type="secretariat", host_organisation=host)
    if time_share:
        contact = ContactFactory(organisation=host, name="Ama Coordinator")
        SecretariatStaff.objects.create(
            body=row, contact=contact, role=role, time_share=time_share, starts_on=dt.date(2025, 1, 1)
        )
    return row


def meeting(partnership, title, start, *, body=None, formal=True, organisations=(), cancelled=False):
    start = timezone.make_aware(dt.datetime.combine(start, dt.time(9)))
    row = Meeting.objects.create(
        partnership=partnership,
        title=title,
        body=body,
        is_formal=formal,
        start=start,
        end=start + dt.timedelta(hours=3),
        status="cancelled" if cancelled else "scheduled",
    )
    row.organisations.set(organisations)
    return row


def paper(meeting, shared_days_before=None):
    shared = None if shared_days_before is None else meeting.start - dt.timedelta(days=shared_days_before)
    return MeetingPaper.objects.create(
        meeting=meeting,
        title="Budget 2027",
        file="meeting-papers/x.pdf",
        original_filename="x.pdf",
        size=1,
        shared_at=shared,
    )


def minutes(meeting, days_after):
    return Minutes.objects.create(
        meeting=meeting, text="We met.", recorded_on=meeting.end.date() + dt.timedelta(days=days_after)
    )


def decision(partnership, title, *, topic="", method="consensus", decided_on=dt.date(2026, 5, 1), meeting=None):
    return Decision.objects.create(
        partnership=partnership,
        title=title,
        topic=topic,
        method=method,
        status="decided",
        outcome="adopted",
        decided_on=decided_on,
        meeting=meeting,
    )


def line(partnership, category, amount, *, year=2026, node_key=None, description=None):
    return BudgetLine.objects.create(
        partnership=partnership,
        category=category,
        description=description or f"{category} {year}",
        year=year,
        amount=Decimal(amount),
        currency_id="EUR",
        result_node_key=node_key,
    )


def commitment(partnership, organisation, value=None, *, type="cash", year=2026, quantity=None, **extra):
    fields = {"no_expectations": True, "expectations_recorded_on": dt.date(year, 1, 1)} if type == "cash" else {}
    fields.update(extra)
    row = Commitment.objects.create(
        partnership=partnership,
        organisation=organisation,
        type=type,
        description=f"{type} of {organisation.name}",
        value=None if value is None else Decimal(value),
        quantity=None if quantity is None else Decimal(quantity),
        currency_id="EUR" if value is not None else None,
        starts_on=dt.date(year, 1, 1),
        ends_on=dt.date(year, 12, 31),
        committed_on=dt.date(year, 1, 1),
        **fields,
    )
    if value is not None:
        CommitmentYear.objects.create(commitment=row, year=year, amount=Decimal(value))
    return row
