"""Catalogue items of monitoring, evaluation and learning (ME), process management (PM), further development (FD)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .base import HARD, SOFT, Area, Kind, item

A, K = Area, Kind
ITEMS = [
    item(
        "ME-1",
        _("Results monitoring current"),
        A.ME,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "Good results monitoring enables the MSP to rapidly identify new circumstances and challenges and adapt its "
            "strategy and approach accordingly."
        ),
        _(
            "Every indicator has a baseline and a target per period; every period that ended over %(grace_days)s days "
            "ago has an actual value."
        ),
        _("Complete baselines and targets, and enter the overdue data."),
        {3: HARD},
        grace_days=30,
    ),
    item(
        "ME-2",
        _("Process monitoring"),
        A.ME,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "At the same time, it is important to check whether the partnership itself functions correctly and "
            "observes established cooperation, communication and steering processes."
        ),
        _("Each body met at its cadence; minutes recorded within %(minutes_days)s days of each meeting."),
        _("Hold the bodies' meetings as planned and record their minutes promptly."),
        minutes_days=14,
    ),
    item(
        "ME-3",
        _("Reporting to each audience"),
        A.ME,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "Whereas external donors prefer a formal report, for the general public it may be appropriate to provide an "
            "account with a more personal touch."
        ),
        _("In the last %(months)s months a donor report was released and a public report was published."),
        _("Make the donor report and the public report of the last period, then release and publish them."),
        {3: HARD},
        months=6,
    ),
    item(
        "ME-4",
        _("Institutionalised learning"),
        A.ME,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "The objective should be to convert both successes and failures into opportunities through participatory "
            "learning processes."
        ),
        _("In the last 12 months, lessons from both a success and a failure, each with an action and an owner."),
        _("Record lessons from successes and failures, with an action and an owner."),
        {3: HARD},
    ),
    item(
        "ME-5",
        _("Capacity gaps addressed"),
        A.ME,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "In the context of changing conditions and challenges it is also essential to continuously identify "
            "capacities that are lacking – both at individual and organisational level – and to address these through "
            "capacity development measures."
        ),
        _("Every open capacity gap has a measure or a decision and was reviewed in the last %(review_months)s months."),
        _("Give each open capacity gap a measure and review it."),
        review_months=6,
    ),
    item(
        "ME-6",
        _("Adapting to change"),
        A.ME,
        [3],
        K.ASSISTED,
        gettext_noop(
            "If it becomes clear during implementation that conditions have changed, key partners are missing or "
            "results chains are not working, stakeholders can revisit the planning process in Phase 1 or 2 described "
            "above at any time."
        ),
        _(
            "An indicator below %(below_percent)s %% of its target, or a materialised risk, asks for a roadmap review "
            "or a phase reversion; passes once one is recorded after it."
        ),
        _("Review the roadmap (a new version) or go back to an earlier phase."),
        below_percent=70,
    ),
    item(
        "PM-1",
        _("Resources linked to results"),
        A.PM,
        [2, 3],
        K.AUTO,
        gettext_noop(
            "Only when there is clear evidence of a direct relationship between resources spent and intended results, "
            "is it possible to ensure the long-term commitment of stakeholders to the partnership."
        ),
        _("At least %(linked_percent)s %% of the budget sits on lines linked to a results-chain node."),
        _("Link budget lines to the results they serve."),
        linked_percent=85,
    ),
    item(
        "PM-2",
        _("Commitments clearly defined"),
        A.PM,
        [2, 3],
        K.AUTO,
        gettext_noop(
            "In order to guarantee effectiveness and identify asymmetric power structures, the partner’s contributions "
            "and commitments must be clearly defined."
        ),
        _("Every active member has at least one commitment with type, description, value or quantity, and period."),
        _("Record a complete commitment for every member."),
        {2: HARD},
    ),
    item(
        "PM-3",
        _("Power asymmetries visible"),
        A.PM,
        [2, 3, 4],
        K.ASSISTED,
        gettext_noop(
            "Open communication helps to ensure that unequal power structures within the partnership can be resolved."
        ),
        _(
            "Compares each member's share of contributions with its share of seats; warns on a dominant funder that "
            "chairs, or a contributor with no seat."
        ),
        _("Discuss the balance of contributions and seats, then confirm."),
    ),
    item(
        "PM-4",
        _("Roles suit skills and capacities"),
        A.PM,
        [2],
        K.MANUAL,
        gettext_noop(
            "At the same time, each organisation should take on the role which best suits its skills and capacities."
        ),
        _("A dated self-assessment per member role, with a note, no older than %(stale_months)s months."),
        _("Ask the members to assess whether their roles suit them, and record it."),
        stale_months=6,
    ),
    item(
        "PM-5",
        _("Written agreement"),
        A.PM,
        [2, 3, 4],
        K.AUTO,
        gettext_noop(
            "This should be set down in writing if possible – e.g. in the form of a memorandum of understanding."
        ),
        _("An MoU version is in force, signed by every active member organisation."),
        _("Send the MoU for signature, and have new members accede."),
        {2: SOFT},
    ),
    item(
        "PM-6",
        _("Transparent communication"),
        A.PM,
        [2, 3, 4],
        K.AUTO,
        gettext_noop(
            "For the full strength of a multi-stakeholder partnership can only be leveraged if there is a transparent "
            "exchange of information between all stakeholders involved."
        ),
        _("Every active member has at least one active contact with an e-mail address."),
        _("Add a contact with an e-mail address for every member."),
    ),
    item(
        "FD-1",
        _("Direction decided from evidence"),
        A.FD,
        [4],
        K.ASSISTED,
        gettext_noop(
            "In addition, based on monitoring and evaluation and previous lessons learned, partners should consider how "
            "and in what direction the partnership might be developed in future."
        ),
        _(
            "A decision in phase 4 on the future direction (continue, scale up, internationalise, refocus, hand over, "
            "close)."
        ),
        _("Decide on the partnership's future direction and record the decision."),
    ),
    item(
        "FD-2",
        _("Continuation agreed"),
        A.FD,
        [4],
        K.AUTO,
        gettext_noop(
            "If the partnership is to sustain its success, it is important for stakeholders to agree what needs to "
            "happen for the MAP to continue to carry out its activities."
        ),
        _("A decision reached by consensus or consent on what must happen for the partnership to continue."),
        _("Agree, by consensus or consent, what the partnership needs to continue."),
    ),
    item(
        "FD-3",
        _("Handover and local partners"),
        A.FD,
        [4],
        K.ASSISTED,
        gettext_noop(
            "They should also make provision for handing over responsibility to others so as to enable new partners to "
            "join and in particular to strengthen local partners and their capacities."
        ),
        _("A handover plan recorded; a member joined in phase 4, or a capacity measure for a local partner exists."),
        _("Record a handover plan and strengthen local partners."),
    ),
]
