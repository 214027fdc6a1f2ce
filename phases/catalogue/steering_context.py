"""Catalogue items of steering and resources (SR), context (CX)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .base import HARD, SOFT, Area, Kind, item

A, K = Area, Kind
ITEMS = [
    item(
        "SR-1",
        _("Secretariat with a dedicated coordinator"),
        A.SR,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "Steering a MSP therefore requires a well-equipped secretariat – from the operational phase at the latest – "
            "with at least one person responsible solely for coordination and process management."
        ),
        _(
            "The secretariat has a coordinator at %(coordinator_percent)s %% or more, and a secretariat budget line "
            "above zero."
        ),
        _("Name the secretariat's coordinator and budget the secretariat."),
        {2: HARD},
        coordinator_percent=100,
    ),
    item(
        "SR-2",
        _("Neutral secretariat"),
        A.SR,
        [2, 3, 4],
        K.ASSISTED,
        gettext_noop(
            "While the size and functions of the secretariat may vary depending on the partnership, it is essential "
            "that this operates neutrally."
        ),
        _(
            "Warns when the secretariat's host is the largest funder, holds a voting seat, or a decision records a "
            "position for it."
        ),
        _("Check that the secretariat's host does not steer the partnership, then confirm."),
    ),
    item(
        "SR-3",
        _("Everyone has access to decision-making"),
        A.SR,
        [2, 3, 4],
        K.AUTO,
        gettext_noop(
            "In practice, this means establishing structures that guarantee access to all decision-making processes "
            "for all stakeholders."
        ),
        _("Every active member organisation holds a seat on a primary decision-making body."),
        _("Give every member a seat on the primary decision-making body."),
        {2: HARD},
    ),
    item(
        "SR-4",
        _("Equal information before decisions"),
        A.SR,
        [3, 4],
        K.AUTO,
        gettext_noop(
            "All partners must therefore have at their disposal the relevant information for decision-making."
        ),
        _(
            "The papers of every meeting that took decisions in the last 12 months were shared with all members at "
            "least %(days_before)s days before it."
        ),
        _("Share meeting papers with the members in good time."),
        days_before=7,
    ),
    item(
        "SR-5",
        _("Budget sufficient and reviewed"),
        A.SR,
        [2, 3, 4],
        K.AUTO,
        gettext_noop(
            "Frequent checks should be carried out to ensure that the available budget is sufficient to cover the "
            "activities and ambitions of the partnership."
        ),
        _(
            "Committed funding (cash and valued in-kind) covers this year's planned budget; in phases 3 and 4 the "
            "budget was reviewed in the last %(review_months)s months."
        ),
        _("Raise commitments to cover the budget, or revise it; record a budget review."),
        {2: SOFT},
        review_months=3,
    ),
    item(
        "SR-6",
        _("Steering, management and M&E costed"),
        A.SR,
        [2, 3],
        K.AUTO,
        gettext_noop(
            "At the same time, many of the success factors listed here – such as steering, management and monitoring – "
            "can be calculated as cost items."
        ),
        _("Budget lines for the secretariat, management, and monitoring and evaluation, each above zero."),
        _("Add budget lines for the secretariat, management and monitoring and evaluation."),
        {2: HARD},
    ),
    item(
        "SR-7",
        _("Funding not concentrated"),
        A.SR,
        [2, 3, 4],
        K.AUTO,
        gettext_noop(
            "Ideally, the funding for a partnership should not come primarily from just one source as this can lead to "
            "over-dependence and power imbalances."
        ),
        _("At least two cash sources, the largest holding at most %(max_share)s %% of committed cash."),
        _("Seek further funders so that no source dominates."),
        max_share=50,
    ),
    item(
        "SR-8",
        _("Funders' expectations transparent"),
        A.SR,
        [2, 3],
        K.AUTO,
        gettext_noop(
            "In each case, any expectations that go hand in hand with financial support must be made transparent from "
            "the outset."
        ),
        _("Every cash commitment states the funder's expectations (an explicit “none” counts)."),
        _("Record each funder's expectations with its commitment."),
    ),
    item(
        "SR-9",
        _("Capacity matches roles"),
        A.SR,
        [2, 3],
        K.ASSISTED,
        gettext_noop(
            "The organisations involved should look at whether or not their operational capacity matches the demands "
            "of their respective roles within the partnership."
        ),
        _("Warns where a member's committed staff time exceeds its declared capacity."),
        _("Discuss roles with members whose commitments exceed their capacity, then confirm."),
    ),
    item(
        "CX-1",
        _("Context analysed, other initiatives known"),
        A.CX,
        [1, 2],
        K.AUTO,
        gettext_noop(
            "If a MSP is to position itself appropriately, it is important to conduct a context analysis and to "
            "evaluate the activities of other stakeholders in the same field."
        ),
        _("A context analysis with at least one related initiative, or an explicit “none found”."),
        _("Record a context analysis and the related initiatives."),
        {1: HARD},
    ),
    item(
        "CX-2",
        _("Aligned, no duplication"),
        A.CX,
        [2, 3],
        K.ASSISTED,
        gettext_noop(
            "Beginning with the planning phase, partnerships should align their strategy with this analysis in order "
            "to prevent duplication, competition and fragmentation among initiatives in the same sector."
        ),
        _("Every related initiative marked overlapping or competing has an alignment action."),
        _("Agree an alignment action with each overlapping or competing initiative."),
    ),
    item(
        "CX-3",
        _("Contribution to the SDGs assessed in advance"),
        A.CX,
        [1, 2],
        K.AUTO,
        gettext_noop(
            "Every initiative to develop a MAP should be assessed in advance for its contribution to achieving the "
            "Sustainable Development Goals."
        ),
        _(
            "Leaving phase 1: at least one SDG target linked to the partnership; leaving phase 2: at least one outcome "
            "or impact indicator linked to an SDG target."
        ),
        _("Link the partnership, and its outcome or impact indicators, to the SDG targets they serve."),
        {1: HARD, 2: HARD},
    ),
    item(
        "CX-4",
        _("Exchange with meta-platforms"),
        A.CX,
        [3, 4],
        K.ASSISTED,
        gettext_noop(
            "Moreover, it is useful for stakeholders to look to meta-platforms for a mutual exchange of ideas."
        ),
        _("At least one related initiative of kind meta-platform with an exchange in the last %(months)s months."),
        _("Exchange with a meta-platform and record the date."),
        months=12,
    ),
]
