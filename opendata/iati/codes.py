"""The IATI codelists the files use, read from opendata/data/iati/codelists (IATI Standard, http://iatistandard.org/,
CC BY 4.0), and how the app's own values map onto them.

Each codelist is read once per process (`codes(name)`): its codes still in use, without the withdrawn ones, which a
new file must not use.
"""

import functools
from pathlib import Path

from lxml import etree

DATA = Path(__file__).resolve().parent.parent / "data" / "iati"
CODELISTS = DATA / "codelists"

# ResultType: the levels of the results chain that IATI knows as results. Activities are the work, not a result.
RESULT_TYPE = {"output": "1", "outcome": "2", "impact": "3"}
# Result levels in the order the file lists them: from the top of the chain down, like the roadmap page.
RESULT_LEVELS = ("impact", "outcome", "output")

# TagVocabulary: SDG goals and targets go in as tags, not as sectors. Both validate against the schema (a code is a
# string there), but sectors of one vocabulary must carry percentages that add up to 100, which would claim a share
# of the partnership for each goal that nobody decided; a tag only says that it contributes, which is what the
# partnership records.
SDG_GOAL_VOCABULARY = "2"
SDG_TARGET_VOCABULARY = "3"

# ActivityDateType
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# ActivityStatus from the phase (msp.models.Phase). Initiation and design prepare the partnership: IATI's
# Pipeline/identification. Implementation and further development carry it out: Implementation. An archived
# partnership is read-only (msp.access refuses every change, so no money moves any more): Closed (4), not
# Finalisation (3, "physical activity complete, finances still open"); archived before it ever reached
# implementation it was given up, not completed: Cancelled (5).
PIPELINE, IMPLEMENTATION, CLOSED, CANCELLED = "1", "2", "4", "5"
STATUS_BY_PHASE = {1: PIPELINE, 2: PIPELINE, 3: IMPLEMENTATION, 4: IMPLEMENTATION}

# BudgetStatus: a year's budget is Committed once the partners have signed the MoU in force (it has the resource
# commitments clause); before, it is the secretariat's plan: Indicative.
INDICATIVE, COMMITTED = "1", "2"

# OrganisationRole for a member whose IATI role was never set, from its role in the partnership. An observer takes
# no part in the activity and is left out.
ROLE_FALLBACK = {
    "funder": "1",  # Funding
    "secretariat_host": "2",  # Accountable: it runs the partnership
    "initiator": "4",  # Implementing, like every partner
    "core_partner": "4",
    "partner": "4",
    "implementing": "4",
}

# TransactionType codes where the counterpart paid the partnership (it is the provider); in every other type the
# partnership pays the counterpart (the receiver).
INCOMING_TYPES = frozenset({"1", "11", "13"})

# DocumentCategory of a published public report: it tells the public what the partnership achieved.
PUBLIC_REPORT_CATEGORY = "A08"  # Results, outcomes and outputs


@functools.cache
def codes(name: str) -> frozenset[str]:
    """The codes of codelist `name` (e.g. "Country") still in use (withdrawn ones left out)."""
    root = etree.parse(str(CODELISTS / f"{name}.xml")).getroot()
    return frozenset(
        item.findtext("code").strip()
        for item in root.iter("codelist-item")
        if item.get("status", "active") != "withdrawn" and item.findtext("code")
    )


def language_code(language: str) -> str:
    """An ISO 639-1 code from a Django language code ("en" from "en-gb")."""
    return (language or "en").split("-")[0].lower()
