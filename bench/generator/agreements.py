"""The agreements: an approved roadmap (common goals, a results chain of impact, outcomes, outputs and
activities, milestones, its parties and their approvals) and an MoU in force (clauses, parties, signatures with
the fingerprint of the signed text), as the services leave them once every member has approved and signed.

A partnership still in phase 1 has neither; one in phase 2 has its roadmap in review and no MoU yet.
"""

import datetime as dt

from governance.models import (
    Clause,
    ClauseType,
    Level,
    Milestone,
    MilestoneStatus,
    MouParty,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapGoal,
    RoadmapParty,
    RoadmapVersion,
)
from msp.models import Phase

from .words import OUTCOMES, OUTPUTS

OUTCOMES_PER_CHAIN = 3
OUTPUTS_PER_OUTCOME = 3
MILESTONES = 8
CLAUSES = [
    (ClauseType.PARTNERS, "The partners", "The organisations listed below form the partnership as equals."),
    (ClauseType.VISION, "Vision and objectives", "The partners share the vision and the goals of the roadmap."),
    (ClauseType.ROLES, "Roles and responsibilities", "Each partner leads the results-chain nodes it owns."),
    (ClauseType.RESOURCES, "Resource commitments", "Partners bring what they committed, in cash or in kind."),
    (ClauseType.GOVERNANCE, "Governance", "The steering committee decides by consensus; the secretariat is neutral."),
    (ClauseType.COMMUNICATION, "Communication", "Partners speak for the partnership only as the committee agrees."),
    (ClauseType.FUNDING, "Funding conditions", "Funds are used as the budget plans and reported every quarter."),
    (ClauseType.GRIEVANCE, "Grievance", "A partner raises a grievance with the chair; the assembly settles it."),
    (ClauseType.EXIT, "Exit", "A partner may leave with three months' notice and hands over its work."),
]  # fmt: skip


def build(ctx):
    plans = [p for p in ctx.plans if p.partnership.phase >= Phase.DESIGN]
    _roadmaps(ctx, plans)
    _mous(ctx, [p for p in plans if p.partnership.phase >= Phase.IMPLEMENTATION])


def _roadmaps(ctx, plans):
    versions = []
    for plan in plans:
        approved = plan.partnership.phase >= Phase.IMPLEMENTATION
        sent = ctx.moment(plan.started + dt.timedelta(days=300))
        plan.roadmap = RoadmapVersion(
            partnership=plan.partnership, number=1, status="approved" if approved else "in_review",
            problem_statement=plan.partnership.problem_statement, vision=plan.partnership.vision,
            change_note="The first roadmap, agreed at the founding workshop.",
            created_at=sent - dt.timedelta(days=30), created_by=plan.secretariat, sent_at=sent,
            approved_at=sent + dt.timedelta(days=20) if approved else None,
        )  # fmt: skip
        versions.append(plan.roadmap)
    ctx.bulk(RoadmapVersion, versions)
    goals, impacts = [], []
    for plan in plans:
        v = plan.roadmap
        goals += [RoadmapGoal(version=v, position=k, text=text) for k, text in enumerate(ctx.pick(OUTCOMES, 3))]
        impacts.append(ResultNode(version=v, level=Level.IMPACT, title=plan.partnership.vision[:300], owner=plan.host))
    ctx.bulk(RoadmapGoal, goals)
    ctx.bulk(ResultNode, impacts)
    outcomes = []
    for plan, impact in zip(plans, impacts, strict=True):
        plan.nodes = [impact]
        for k, title in enumerate(ctx.pick(OUTCOMES, OUTCOMES_PER_CHAIN)):
            node = ResultNode(version=plan.roadmap, level=Level.OUTCOME, parent=impact, title=title, position=k,
                              owner=plan.organisations[k], description=f"{title}, in every district of the programme.")  # fmt: skip
            outcomes.append(node)
            plan.nodes.append(node)
    ctx.bulk(ResultNode, outcomes)
    outputs = []
    for plan in plans:
        for outcome in [n for n in plan.nodes if n.level == Level.OUTCOME]:
            for k in range(OUTPUTS_PER_OUTCOME):
                node = ResultNode(version=plan.roadmap, level=Level.OUTPUT, parent=outcome, position=k,
                                  title=f"{ctx.rng.randint(2, 40) * 50} {ctx.pick(OUTPUTS)}",
                                  owner=ctx.pick(plan.organisations))  # fmt: skip
                outputs.append(node)
                plan.nodes.append(node)
    ctx.bulk(ResultNode, outputs)
    activities, milestones, parties, approvals = [], [], [], []
    for plan in plans:
        v = plan.roadmap
        for k, output in enumerate([n for n in plan.nodes if n.level == Level.OUTPUT][:3]):
            activities.append(ResultNode(version=v, level=Level.ACTIVITY, parent=output, position=k,
                                         title=f"Run the field programme: {output.title}", owner=output.owner))  # fmt: skip
        for k in range(MILESTONES):
            due = plan.started + dt.timedelta(days=120 * (k + 1))
            done = due < ctx.today - dt.timedelta(days=30) and k % 4 != 3
            status = MilestoneStatus.DONE if done else (MilestoneStatus.DELAYED if due < ctx.today
                                                        else MilestoneStatus.PLANNED)  # fmt: skip
            milestones.append(Milestone(version=v, title=f"Milestone {k + 1}: {ctx.pick(OUTPUTS)}", due_on=due,
                                        owner=ctx.pick(plan.organisations), node=ctx.pick(plan.nodes[1:]),
                                        status=status, done_on=due if done else None))  # fmt: skip
        for k, organisation in enumerate(plan.organisations):
            parties.append(RoadmapParty(version=v, organisation=organisation, added_at=v.sent_at, added_by=plan.secretariat))  # fmt: skip
            if v.approved_at or k % 2 == 0:
                approvals.append(RoadmapApproval(version=v, organisation=organisation, approver_name="",
                                                 at=v.sent_at + dt.timedelta(days=1 + k % 19),
                                                 by=plan.partners[k % len(plan.partners)] if plan.partners else None))  # fmt: skip
    ctx.bulk(ResultNode, activities)
    ctx.bulk(Milestone, milestones)
    ctx.bulk(RoadmapParty, parties)
    ctx.bulk(RoadmapApproval, approvals)


def _mous(ctx, plans):
    versions = []
    for plan in plans:
        plan.clauses = [
            Clause(position=k, type=kind, title=title, text=text) for k, (kind, title, text) in enumerate(CLAUSES)
        ]
        sent = plan.roadmap.approved_at + dt.timedelta(days=15)
        plan.mou = MouVersion(
            partnership=plan.partnership, number=1, status="in_force", title="Memorandum of Understanding",
            change_note="The founding MoU.", created_at=sent - dt.timedelta(days=20), created_by=plan.secretariat,
            sent_at=sent, for_signature_at=sent, in_force_at=sent + dt.timedelta(days=25),
        )  # fmt: skip
        # Fixed when the version was sent: the SHA-256 of the exact text signed (title and clauses).
        plan.mou.fingerprint = plan.mou.compute_fingerprint(plan.clauses)
        versions.append(plan.mou)
    ctx.bulk(MouVersion, versions)
    clauses = []
    for plan in plans:
        for clause in plan.clauses:
            clause.version = plan.mou
        clauses += plan.clauses
    ctx.bulk(Clause, clauses)
    parties, signatures = [], []
    for plan in plans:
        v = plan.mou
        for k, organisation in enumerate(plan.organisations):
            parties.append(MouParty(version=v, organisation=organisation, purpose=MouParty.Purpose.SIGN,
                                    added_at=v.for_signature_at, added_by=plan.secretariat))  # fmt: skip
            contact = ctx.contacts[organisation.pk][0]
            signatures.append(MouSignature(version=v, organisation=organisation, signer_name=contact.name,
                                           signer_position=contact.job_title or "Director",
                                           signed_by=contact.user if contact.user_id else None,
                                           signed_at=v.for_signature_at + dt.timedelta(days=1 + k),
                                           fingerprint=v.fingerprint))  # fmt: skip
    ctx.bulk(MouParty, parties)
    ctx.bulk(MouSignature, signatures)
