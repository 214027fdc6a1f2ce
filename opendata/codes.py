"""Names of the IATI codes an activity file uses, in the reader's language, for the secretariat's preview.

Where the project already names a codelist (organisation roles, budget and transaction types, indicator measures,
results-chain levels), its labels are reused so a code reads the same on every page; the rest are here. Codes are
from the IATI Standard's codelists (http://iatistandard.org/, CC BY 4.0; see ../shared/data/iati/codelists). A
code without a name here is shown as it stands: the preview never hides what the file holds.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from governance.models import BudgetType, Level, TransactionType
from monitoring.models import Measure
from stakeholders.models import IatiRole

ACTIVITY_STATUS = {
    "1": pgettext_lazy("IATI activity status", "Pipeline/identification"),
    "2": pgettext_lazy("IATI activity status", "Implementation"),
    "3": pgettext_lazy("IATI activity status", "Finalisation"),
    "4": pgettext_lazy("IATI activity status", "Closed"),
    "5": pgettext_lazy("IATI activity status", "Cancelled"),
    "6": pgettext_lazy("IATI activity status", "Suspended"),
}
ACTIVITY_DATE_TYPE = {
    "1": pgettext_lazy("IATI activity date", "Planned start"),
    "2": pgettext_lazy("IATI activity date", "Actual start"),
    "3": pgettext_lazy("IATI activity date", "Planned end"),
    "4": pgettext_lazy("IATI activity date", "Actual end"),
}
DESCRIPTION_TYPE = {
    "1": pgettext_lazy("IATI description type", "General"),
    "2": pgettext_lazy("IATI description type", "Objectives"),
    "3": pgettext_lazy("IATI description type", "Target groups"),
    "4": pgettext_lazy("IATI description type", "Other"),
}
BUDGET_STATUS = {
    "1": pgettext_lazy("IATI budget status", "Indicative"),
    "2": pgettext_lazy("IATI budget status", "Committed"),
}
RESULT_TYPE = {
    "1": Level.OUTPUT.label,
    "2": Level.OUTCOME.label,
    "3": Level.IMPACT.label,
    "9": pgettext_lazy("IATI result type", "Other"),
}
# Where an SDG goal or target can stand: as a sector (SectorVocabulary 7, 8, 9) or a tag (TagVocabulary 2, 3).
SDG_VOCABULARIES = {
    ("sector", "7"): _("SDG goal (sector)"),
    ("sector", "8"): _("SDG target (sector)"),
    ("sector", "9"): _("SDG indicator (sector)"),
    ("tag", "2"): _("SDG goal (tag)"),
    ("tag", "3"): _("SDG target (tag)"),
}
DOCUMENT_CATEGORY = {
    "A01": pgettext_lazy("IATI document category", "Pre- and post-project impact appraisal"),
    "A02": pgettext_lazy("IATI document category", "Objectives / Purpose of activity"),
    "A05": pgettext_lazy("IATI document category", "Budget"),
    "A07": pgettext_lazy("IATI document category", "Review of project performance and evaluation"),
    "A08": pgettext_lazy("IATI document category", "Results, outcomes and outputs"),
    "A09": pgettext_lazy("IATI document category", "Memorandum of understanding"),
    "A12": pgettext_lazy("IATI document category", "Activity web page"),
    "B01": pgettext_lazy("IATI document category", "Annual report"),
}

LISTS = {
    "activity_status": ACTIVITY_STATUS,
    "date_type": ACTIVITY_DATE_TYPE,
    "description_type": DESCRIPTION_TYPE,
    "budget_type": dict(BudgetType.choices),
    "budget_status": BUDGET_STATUS,
    "transaction_type": dict(TransactionType.choices),
    "role": dict(IatiRole.choices),
    "measure": dict(Measure.choices),
    "result_type": RESULT_TYPE,
    "document_category": DOCUMENT_CATEGORY,
}


def name(codelist: str, code) -> str:
    """The name of `code` in `codelist` (a key of LISTS), or the code itself when it has none."""
    return str(LISTS[codelist].get(str(code), code))


def sdg_vocabulary(element: str, vocabulary: str):
    """The name of an SDG vocabulary, or None when (element, vocabulary) is not one."""
    return SDG_VOCABULARIES.get((element, str(vocabulary)))
