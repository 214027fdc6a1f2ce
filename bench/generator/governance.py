"""Governance and resources: bodies with seats and the secretariat with its staff, meetings with attendees, the
decision log with each member's position, commitments with their amounts per year, the budget and transactions.

Decisions are mostly adopted by consensus at a meeting of the steering committee (every active member recorded
support, some with reservations); the newest are open for positions or still drafts, as a living log is.
"""

import datetime as dt
from decimal import Decimal

from governance.decision_rules import Method, Outcome, Position
from governance.models import (
    Body,
    BodyType,
    BudgetCategory,
    BudgetLine,
    Commitment,
    CommitmentStatus,
    CommitmentType,
    CommitmentYear,
    Decision,
    DecisionPosition,
    DecisionStatus,
    Meeting,
    Seat,
    SecretariatStaff,
    StaffRole,
    Transaction,
    TransactionType,
)

from . import context as c
from .words import DECISIONS

OPEN_DECISIONS = 3
DRAFT_DECISIONS = 2
SPENT = [TransactionType.DISBURSEMENT, TransactionType.EXPENDITURE]


def build(ctx):
    _bodies(ctx)
    _meetings(ctx)
    _decisions(ctx)
    _commitments(ctx)
    _budget(ctx)


def _bodies(ctx):
    bodies = []
    for plan in ctx.plans:
        p = plan.partnership
        plan.bodies = {
            "steering": Body(partnership=p, type=BodyType.STEERING_COMMITTEE, name="Steering committee",
                             is_primary=True, cadence=4, created_by=plan.secretariat),
            "assembly": Body(partnership=p, type=BodyType.ASSEMBLY, name="Partners' assembly", cadence=1,
                             created_by=plan.secretariat),
            "group": Body(partnership=p, type=BodyType.WORKING_GROUP, name="Working group on monitoring",
                          created_by=plan.secretariat),
            "secretariat": Body(partnership=p, type=BodyType.SECRETARIAT, name="Secretariat",
                                host_organisation=plan.host, created_by=plan.secretariat),
        }  # fmt: skip
        bodies += plan.bodies.values()
    ctx.bulk(Body, bodies)
    seats, staff = [], []
    for plan in ctx.plans:
        members = plan.organisations
        for k, organisation in enumerate(members[:7]):
            seats.append(Seat(body=plan.bodies["steering"], organisation=organisation, is_chair=k == 0))
        for organisation in members:
            seats.append(Seat(body=plan.bodies["assembly"], organisation=organisation))
        for organisation in members[2:6]:
            seats.append(Seat(body=plan.bodies["group"], organisation=organisation, is_voting=False))
        for k, contact in enumerate(ctx.contacts[plan.host.pk]):
            staff.append(SecretariatStaff(body=plan.bodies["secretariat"], contact=contact,
                                          role=StaffRole.COORDINATOR if k == 0 else StaffRole.OFFICER,
                                          time_share=100 if k == 0 else 50, starts_on=plan.started))  # fmt: skip
    ctx.bulk(Seat, seats)
    ctx.bulk(SecretariatStaff, staff)


def _meetings(ctx):
    meetings = []
    for plan in ctx.plans:
        for k in range(c.MEETINGS):
            # Quarterly, the last ones still ahead.
            day = ctx.today - dt.timedelta(days=90 * (c.MEETINGS - 2 - k) + 10)
            start = ctx.moment(day, hour=9)
            meetings.append(
                Meeting(partnership=plan.partnership, body=plan.bodies["steering"], is_formal=k % 4 != 3,
                        title=f"Steering committee, meeting {k + 1}", start=start, end=start + dt.timedelta(hours=3),
                        place=f"{plan.partnership.name.split(' Partnership')[0]} office", sequence=0,
                        agenda="1. Welcome\n2. Progress against the roadmap\n3. Decisions\n4. Any other business",
                        created_by=plan.secretariat)
            )  # fmt: skip
            plan.meetings.append(meetings[-1])
    ctx.bulk(Meeting, meetings)
    through = Meeting.organisations.through
    ctx.bulk(through, [
        through(meeting_id=meeting.pk, organisation_id=organisation.pk)
        for plan in ctx.plans for meeting in plan.meetings if meeting.start < ctx.now
        for organisation in plan.organisations[:7]
    ])  # fmt: skip


def _decisions(ctx):
    decisions = []
    for plan in ctx.plans:
        past = [m for m in plan.meetings if m.start < ctx.now and m.is_formal]
        for k in range(c.DECISIONS):
            if k < c.DECISIONS - OPEN_DECISIONS - DRAFT_DECISIONS:
                meeting = past[k % len(past)] if past else None
                day = meeting.start.date() if meeting else ctx.past_day(plan.started)
                outcome = Outcome.DEFERRED if k % 13 == 12 else Outcome.ADOPTED
                fields = dict(status=DecisionStatus.DECIDED, outcome=outcome, decided_on=day, meeting=meeting)
            elif k < c.DECISIONS - DRAFT_DECISIONS:
                fields = dict(status=DecisionStatus.OPEN)
            else:
                fields = dict(status=DecisionStatus.DRAFT)
            title = f"{DECISIONS[k % len(DECISIONS)]} ({k // len(DECISIONS) + 1})"
            decisions.append(Decision(partnership=plan.partnership, title=title, body=plan.bodies["steering"],
                                      text=f"The steering committee is asked to {title[0].lower()}{title[1:]}.",
                                      method=Method.CONSENSUS, created_by=plan.secretariat, **fields))  # fmt: skip
            plan.decisions.append(decisions[-1])
    ctx.bulk(Decision, decisions)
    positions = []
    for plan in ctx.plans:
        seated = plan.organisations[:7]  # the steering committee's voting seats
        for decision in plan.decisions:
            if decision.status == DecisionStatus.DRAFT:
                continue
            # An open decision has some positions yet; a decided one every seat's.
            voters = seated if decision.status == DecisionStatus.DECIDED else seated[: ctx.rng.randint(1, 5)]
            for k, organisation in enumerate(voters):
                deferred = decision.outcome == Outcome.DEFERRED and k == 0
                position = (
                    Position.OBJECT if deferred else Position.WITH_RESERVATIONS if k % 5 == 4 else Position.SUPPORT
                )
                statement = "We need the budget figures first." if position != Position.SUPPORT else ""
                positions.append(
                    DecisionPosition(decision=decision, organisation=organisation, position=position,
                                     statement=statement, recorded_by=plan.secretariat,
                                     on_behalf=True, evidence_note="Stated at the meeting; see the minutes.",
                                     recorded_at=ctx.moment(decision.decided_on or ctx.today - dt.timedelta(days=3)))
                )  # fmt: skip
    ctx.bulk(DecisionPosition, positions, batch=5000)


def _commitments(ctx):
    commitments = []
    kinds = [CommitmentType.STAFF_TIME, CommitmentType.EXPERTISE, CommitmentType.GOODS, CommitmentType.NETWORK,
             CommitmentType.FACILITIES]  # fmt: skip
    for plan in ctx.plans:
        start = dt.date(plan.started.year, 1, 1)
        for k, organisation in enumerate(plan.organisations):
            cash = organisation == plan.funder or k % 4 == 1
            years = 3
            value = Decimal(ctx.rng.randint(20, 400) * 1000) if cash else (
                Decimal(ctx.rng.randint(5, 60) * 1000) if k % 2 else None)  # fmt: skip
            commitments.append(Commitment(
                partnership=plan.partnership, organisation=organisation,
                type=CommitmentType.CASH if cash else kinds[k % len(kinds)],
                description="Core funding of the programme." if cash else "Staff time of the field team.",
                quantity=None if cash else Decimal(ctx.rng.randint(20, 200)), unit="" if cash else "person-days",
                value=value, currency_id="EUR" if value is not None else None,
                starts_on=start, ends_on=dt.date(start.year + years - 1, 12, 31),
                status=CommitmentStatus.COMMITTED if k % 7 else CommitmentStatus.PLEDGED,
                committed_on=plan.started + dt.timedelta(days=k),
                funder_expectations="Quarterly financial reports and an annual audit." if cash else "",
                expectations_recorded_on=plan.started + dt.timedelta(days=k) if cash else None,
                created_by=plan.secretariat,
            ))  # fmt: skip
    ctx.bulk(Commitment, commitments)
    years = []
    for commitment in commitments:
        if commitment.value is None:
            continue
        share = (commitment.value / 3).quantize(Decimal("0.0001"))
        for k in range(3):
            amount = share if k < 2 else commitment.value - 2 * share
            years.append(CommitmentYear(commitment=commitment, year=commitment.starts_on.year + k, amount=amount))
    ctx.bulk(CommitmentYear, years, batch=5000)


def _budget(ctx):
    lines, categories = [], list(BudgetCategory.values)
    for plan in ctx.plans:
        plan.lines = []
        first = plan.started.year
        for k in range(c.BUDGET_LINES):
            node = plan.nodes[1 + k % (len(plan.nodes) - 1)] if len(plan.nodes) > 1 and k % 3 == 0 else None
            line = BudgetLine(partnership=plan.partnership, category=categories[k % len(categories)],
                              description=f"Budget line {k + 1}", year=first + k % 4,
                              amount=Decimal(ctx.rng.randint(5, 120) * 500), currency_id="EUR",
                              result_node_key=node.key if node else None, created_by=plan.secretariat)  # fmt: skip
            lines.append(line)
            plan.lines.append(line)
    ctx.bulk(BudgetLine, lines, batch=5000)
    transactions = []
    for plan in ctx.plans:
        for k in range(c.TRANSACTIONS):
            incoming = k % 10 == 0
            kind = TransactionType.INCOMING_FUNDS if incoming else SPENT[k % 2]
            line = None if incoming else plan.lines[k % len(plan.lines)]
            day = ctx.past_day(plan.started)
            transactions.append(Transaction(
                partnership=plan.partnership, type=kind, date=day, currency_id="EUR",
                amount=Decimal(ctx.rng.randint(20, 400) * (1000 if incoming else 50)),
                counterpart=plan.funder if incoming else ctx.pick(plan.organisations),
                budget_line=line, reference=f"TX-{plan.index + 1}-{k + 1:04d}",
                description="Instalment of the core grant" if incoming else "Field costs", created_by=plan.secretariat,
            ))  # fmt: skip
    ctx.bulk(Transaction, transactions, batch=5000)
