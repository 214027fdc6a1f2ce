"""Demo decisions of the cocoa partnership's steering committee, one of each method: a work plan adopted by
consensus, a fee change adopted by two-thirds majority (as the demo MoU's governance clause asks), a negotiated
compromise adopted with an objection on record, a delegated choice, a proposal under consent that a member blocks
(still open: the secretariat cannot adopt it), and a draft. Partners with an account record their organisation's
position themselves; the others' were given at the meeting and recorded by the secretariat with a note.
Idempotent: a partnership that has decisions is left alone.

Once the meetings are there (`link_meetings`, after governance.demo.meetings), the decisions taken at the steering
committee's past meetings name them, dated that day, and the draft names the coming meeting."""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from stakeholders.models import ContactPerson

from .. import services
from ..decision_rules import Outcome
from ..models import Body, Decision, DecisionStatus, Meeting, MeetingStatus
from ..selectors.decisions import entitled

MEETING_NOTE = "Given at the steering committee meeting; noted in the minutes."


def load(ctx):
    partnership = ctx["partnerships"]["cocoa"]
    if Decision.objects.filter(partnership=partnership).exists():
        return
    body = Body.objects.filter(partnership=partnership, is_primary=True).first()
    if body is None:
        return
    secretariat = ctx["users"]["amina"]
    people = {
        c.organisation_id: c.user
        for c in ContactPerson.objects.filter(user__in=[ctx["users"]["kofi"], ctx["users"]["awa"]])
    }
    with set_actor(secretariat):
        _all(partnership, body, secretariat, people)


def _all(partnership, body, by, people):
    def propose(title, method, text, **links):
        decision = services.decision_save(
            partnership=partnership, by=by, title=title, text=text, body=body, method=method, **links
        )
        return services.decision_open(decision=decision, by=by)

    def say(decision, organisation, position, statement=""):
        user = people.get(organisation.pk)
        if user is not None:
            return services.position_record(
                decision=decision, by=user, organisation=organisation, position=position, statement=statement
            )
        return services.position_record_on_behalf(
            decision=decision,
            by=by,
            organisation=organisation,
            position=position,
            statement=statement,
            note=MEETING_NOTE,
        )

    plan = propose("Adopt the work plan", "consensus", "The work plan and budget for the coming year as circulated.")
    orgs = entitled(plan)
    for org in orgs:
        say(plan, org, "support")
    plan = services.decision_decide(decision=plan, by=by, outcome="adopted", decided_on=dt.date(2025, 1, 28))

    fee = propose("Raise the annual membership fee to 2,000 EUR", "majority", "From 2026, to fund the secretariat.")
    for i, org in enumerate(orgs):
        say(
            fee,
            org,
            "object" if i >= len(orgs) - 2 else "support",
            "Too high for cooperatives." if i >= len(orgs) - 2 else "",
        )
    services.decision_decide(decision=fee, by=by, outcome="adopted", decided_on=dt.date(2025, 4, 15))

    compromise = propose(
        "Share traceability data with buyers", "negotiated_compromise", "Aggregated farm data only, after consent."
    )
    for i, org in enumerate(orgs):
        say(
            compromise,
            org,
            "object" if i == 0 else "with_reservations",
            "Farm data stays with the farmers." if i == 0 else "",
        )
    services.decision_decide(decision=compromise, by=by, outcome="adopted", decided_on=dt.date(2025, 6, 10))

    delegated = services.decision_save(
        partnership=partnership,
        by=by,
        title="Choose the auditor",
        text="The secretariat chose the auditor within the work plan's budget.",
        method="delegated",
        delegated_by=plan,
    )
    services.decision_decide(decision=delegated, by=by, outcome="adopted", decided_on=dt.date(2025, 3, 3))

    blocked = propose(
        "Open the certification scheme to non-members", "consent", "Any cocoa cooperative may apply for the label."
    )
    for i, org in enumerate(orgs[:4]):
        say(blocked, org, "block" if i == 1 else "support", "The label loses its value." if i == 1 else "")

    services.decision_save(
        partnership=partnership,
        by=by,
        title="Meet every two months",
        method="consent",
        body=body,
        text="The steering committee meets six times a year instead of four.",
    )


# The steering committee's past meetings, oldest first: the one each adopted decision of these methods was taken at.
TAKEN_AT = {"consensus": 0, "majority": 1, "negotiated_compromise": 1}
DRAFT_FOR_NEXT_MEETING = "Meet every two months"
DELEGATED_AFTER = dt.timedelta(days=14)


def link_meetings(ctx):
    """Decisions taken at the demo's past meetings name them and are dated that day; the delegated choice follows
    the decision that delegated it; the draft is proposed for the coming meeting. Idempotent: a decision that
    already names a meeting is left alone (so is one whose date already follows its delegation)."""
    partnership = ctx["partnerships"]["cocoa"]
    body = Body.objects.filter(partnership=partnership, is_primary=True).first()
    if body is None:
        return
    meetings = list(
        Meeting.objects.filter(partnership=partnership, body=body, is_formal=True, status=MeetingStatus.SCHEDULED)
    )
    now = timezone.now()
    past = sorted((m for m in meetings if m.end < now), key=lambda m: m.start)
    coming = sorted((m for m in meetings if m.end >= now), key=lambda m: m.start)
    if len(past) < max(TAKEN_AT.values()) + 1:
        return
    unlinked = Decision.objects.filter(partnership=partnership, body=body, meeting__isnull=True)
    adopted = unlinked.filter(status=DecisionStatus.DECIDED, outcome=Outcome.ADOPTED, method__in=TAKEN_AT)
    for decision in adopted:
        meeting = past[TAKEN_AT[decision.method]]
        # Decided decisions are not edited through the services (only drafts are): the demo's history, dated.
        Decision.objects.filter(pk=decision.pk).update(meeting=meeting, decided_on=timezone.localdate(meeting.start))
    for delegated in Decision.objects.filter(partnership=partnership, delegated_by__isnull=False).select_related(
        "delegated_by"
    ):
        earliest = delegated.delegated_by.decided_on + DELEGATED_AFTER
        if delegated.decided_on < earliest:
            Decision.objects.filter(pk=delegated.pk).update(decided_on=min(earliest, timezone.localdate()))
    draft = unlinked.filter(status=DecisionStatus.DRAFT, title=DRAFT_FOR_NEXT_MEETING).first()
    if draft is not None and coming:
        with set_actor(ctx["users"]["amina"]):
            services.decision_save(
                partnership=partnership, by=ctx["users"]["amina"], decision=draft, title=draft.title, meeting=coming[0]
            )
