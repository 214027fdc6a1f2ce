"""Catalogue items of common strategy and future planning (CS), cooperation management (CM)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .base import HARD, Area, Kind, item

A, K = Area, Kind
ITEMS = [
    item(
        "CS-1",
        _("Problem and approach outlined"),
        A.CS,
        [1],
        K.AUTO,
        gettext_noop(
            "In addition to identifying the challenges in detail and clarifying whether or not the problem can be dealt "
            "with effectively through a partnership, the initiators must analyse the context and the views of the "
            "relevant stakeholders, and outline the planned approach."
        ),
        _(
            "The problem statement and the planned approach are written, and whether a partnership can deal with the "
            "problem effectively is answered with a rationale."
        ),
        _(
            "Write the problem statement and the planned approach on the partnership page, and say why a partnership "
            "can deal with it."
        ),
        {1: HARD},
    ),
    item(
        "CS-2",
        _("Core group formed"),
        A.CS,
        [1],
        K.AUTO,
        gettext_noop(
            "In order to ensure that the partnership can function, a core group of key and committed stakeholders "
            "should be formed around the initiators to get the partnership up and running."
        ),
        _(
            "At least %(min_core)s core-group members from at least %(min_sectors)s sectors, each with a named contact "
            "person."
        ),
        _("Mark the members that form the core group, and give each a contact person."),
        {1: HARD},
        min_core=3,
        min_sectors=2,
    ),
    item(
        "CS-3",
        _("Common objectives agreed"),
        A.CS,
        [2],
        K.AUTO,
        gettext_noop(
            "Partners agree on common goals, indicators for success and a vision of what the partnership can change."
        ),
        _(
            "The current roadmap version has a vision and at least one goal, and every active member organisation "
            "approved it."
        ),
        _("Write the vision and goals in the roadmap and send it to the members for approval."),
        {2: HARD},
    ),
    item(
        "CS-4",
        _("Results chain and milestones agreed"),
        A.CS,
        [2, 3],
        K.AUTO,
        gettext_noop(
            "Agreement on results chains and milestones creates a solid framework for action and gives partners and "
            "third parties assurance regarding the common approach."
        ),
        _(
            "At least one impact and one outcome; every outcome, output and activity has a parent; every outcome has "
            "at least one dated milestone."
        ),
        _("Complete the results chain in the roadmap and give every outcome a milestone."),
        {2: HARD},
    ),
    item(
        "CS-5",
        _("Shared leadership"),
        A.CS,
        [2, 3],
        K.AUTO,
        gettext_noop(
            "MSP leadership is defined as the willingness of partners to take responsibility for the joint project, "
            "share any risks and invest the necessary resources."
        ),
        _(
            "Every active member has at least one commitment and owns at least one results-chain node, milestone or "
            "risk."
        ),
        _("Record each member's commitments and give members ownership of results, milestones or risks."),
    ),
    item(
        "CS-6",
        _("High-level support"),
        A.CS,
        [1, 2, 3],
        K.ASSISTED,
        gettext_noop(
            "High-level support helps to maintain political momentum for an issue and to mobilise both public and "
            "private resources."
        ),
        _(
            "At least one stakeholder with influence %(min_influence)s or more, marked as a champion, engaged (informed "
            "or more) in the last %(months)s months."
        ),
        _("Identify an influential champion on the stakeholder map and keep them engaged."),
        min_influence=4,
        months=6,
    ),
    item(
        "CS-7",
        _("Management support inside partners"),
        A.CS,
        [2, 3, 4],
        K.ASSISTED,
        gettext_noop(
            "Without support from management levels within the partner organisations, the MSP will not be able to "
            "sustain its success."
        ),
        _("Each member's signatory or sponsor is a senior contact; a person confirms."),
        _("Record a senior contact who may sign for each member, then confirm."),
    ),
    item(
        "CS-8",
        _("Capacity development budgeted"),
        A.CS,
        [2],
        K.ASSISTED,
        gettext_noop(
            "Only by clearly defining strategic objectives are partners able to assess the investments that are needed "
            "in institutional capacity development and to critically reflect on these."
        ),
        _("A capacity-development budget line above zero, or a recorded decision that none is needed."),
        _("Add a capacity-development budget line, or record a decision that none is needed."),
    ),
    item(
        "CM-1",
        _("Relevant mix of sectors"),
        A.CM,
        [1, 2],
        K.AUTO,
        gettext_noop(
            "Once the relevant stakeholders have come to the table, multi-stakeholder partnerships have enormous "
            "potential to bring about change by combining the core competencies of various sectors of society."
        ),
        _(
            "Active members come from at least %(min_sectors)s of: public sector, private sector, civil society, "
            "academia."
        ),
        _("Look on the stakeholder map for the sectors that are missing among the members."),
        min_sectors=3,
    ),
    item(
        "CM-2",
        _("No key stakeholder missing"),
        A.CM,
        [1, 2, 3],
        K.AUTO,
        gettext_noop("On the other hand, the credibility of a MSP can suffer if key stakeholders are not involved."),
        _("No stakeholder with power and interest of 4 or more (or flagged key) is engaged below “consulted”."),
        _("Consult or involve the key stakeholders the map shows below “consulted”."),
        {1: HARD},
    ),
    item(
        "CM-3",
        _("Target groups in partner countries involved"),
        A.CM,
        [1, 2],
        K.AUTO,
        gettext_noop(
            "This includes systematically integrating the relevant decision-makers and, in particular, potential target "
            "groups in partner countries."
        ),
        _(
            "At least one stakeholder flagged as a target group, located in one of the partnership's countries, "
            "engaged at “consulted” or more."
        ),
        _("Add the target groups to the stakeholder map and consult them."),
        {1: HARD},
    ),
    item(
        "CM-4",
        _("Informal exchange and relationships"),
        A.CM,
        [1],
        K.AUTO,
        gettext_noop(
            "Rather, stakeholders should take plenty of time for informal exchange and building relationships, since "
            "this paves the way for the future success of the MSP."
        ),
        _("At least one informal meeting recorded, attended by every core-group organisation."),
        _("Record an informal meeting with every core-group organisation."),
        {1: HARD},
    ),
    item(
        "CM-5",
        _("Shared understanding of the problem"),
        A.CM,
        [1, 2],
        K.ASSISTED,
        gettext_noop(
            "It is important to recognise and discuss these differences in culture and language in order to arrive at "
            "a common vision and shared understanding of the problem to be solved."
        ),
        _(
            "The problem statement is part of an approved roadmap; a person confirms that differences in terms and "
            "culture were discussed."
        ),
        _("Discuss the members' terms and ways of working, then confirm."),
    ),
    item(
        "CM-6",
        _("Trust and respectful culture"),
        A.CM,
        [1, 2, 3, 4],
        K.MANUAL,
        gettext_noop(
            "While trust can be developed through mutual respect and by dealing with each other on equal terms, it is "
            "quickly lost if there is no constructive and respectful culture of discussion."
        ),
        _("A dated assessment with a note, no older than %(stale_months)s months."),
        _("Assess trust among the partners (a health check helps) and record it."),
        stale_months=6,
    ),
]
