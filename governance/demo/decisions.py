"""Demo decisions of the cocoa partnership's steering committee, one of each method: a work plan adopted by
consensus, a fee change adopted by two-thirds majority (as the demo MoU's governance clause asks), a negotiated
compromise adopted with an objection on record, a delegated choice, a proposal under consent that a member blocks
(still open: the secretariat cannot adopt it), and a draft. Partners with an account record their organisation's
position themselves; the others' were given at the meeting and recorded by the secretariat with a note.
Idempotent: a partnership that has decisions is left alone."""

import datetime as dt

from auditlog.context import set_actor

from stakeholders.models import ContactPerson

from .. import services
from ..models import Body, Decision
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

    plan = propose("Adopt the 2025 work plan", "consensus", "The work plan and budget for 2025 as circulated.")
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
        title="Choose the auditor for 2025",
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
