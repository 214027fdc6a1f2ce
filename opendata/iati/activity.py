"""A partnership as one IATI 2.03 activity, its elements in the order the schema requires.

Everything is written in the partnership's working language (`xml:lang` on the activity; the words the app adds,
such as a report's title, are translated into it); codelist names that IATI publishes only in English say so. A
narrative is never empty: an element with nothing to say is left out (or, where the schema requires it, given the
words the app has). No person is named anywhere: organisations take part, people do not.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree

from . import codes
from .documents import add_documents
from .elements import XML_LANG, codelist_narrative, date_element, narrative, text_of, with_narrative
from .finance import add_budgets, add_transactions, organisation_element
from .loading import load
from .results import add_results


@dataclass
class Built:
    element: etree._Element
    # What the builder left out because it would break an IATI rule (a future transaction, a result without
    # indicators, a budget it cannot convert): part of `problems()`.
    left_out: list = field(default_factory=list)
    # What is not published by design, for the secretariat to know (drafts, private documents, people's names).
    notes: list = field(default_factory=list)


def build(partnership, identifier, *, today=None) -> Built:
    """The <iati-activity> element of `partnership` under `identifier`, with what was left out and why."""
    data = load(partnership, today=today)
    left_out = []
    activity = etree.Element(
        "iati-activity",
        **{XML_LANG: codes.language_code(partnership.language), "default-currency": partnership.currency_id},
    )
    etree.SubElement(activity, "iati-identifier").text = identifier
    reporting_org(activity)
    with_narrative(activity, "title", partnership.name)
    # The file's own words in the working language; what is left out and the notes in the reader's.
    with translation.override(partnership.language):
        _description(activity, partnership)
    _participants(activity, data)
    etree.SubElement(activity, "activity-status", code=_status(data))
    _dates(activity, data)
    _countries(activity, data)
    _sdgs(activity, data)
    add_budgets(activity, data, left_out)
    add_transactions(activity, data, left_out)
    with translation.override(partnership.language):
        add_documents(activity, data)
    add_results(activity, data, left_out)
    notes = _notes(data)
    return Built(activity, left_out, notes)


def reporting_org(parent):
    element = etree.SubElement(
        parent, "reporting-org", ref=settings.IATI_REPORTING_ORG_REF, type=settings.IATI_REPORTING_ORG_TYPE
    )
    narrative(element, settings.IATI_REPORTING_ORG_NAME)
    return element


def _description(activity, partnership):
    """The problem it tackles and its vision; the schema wants a description, so one without either says what
    the activity is."""
    text = "\n\n".join(part for part in (text_of(partnership.problem_statement), text_of(partnership.vision)) if part)
    with_narrative(
        activity, "description", text or _("%(name)s: a multi-stakeholder partnership.") % {"name": partnership.name}
    )


def _participants(activity, data):
    """Every current member organisation in its IATI role (the one recorded, else the one its role in the
    partnership implies; an observer takes no part). The schema wants at least one: with none, the reporting
    organisation stands as the accountable one, which it is."""
    written = 0
    for membership in data.members:
        role = membership.iati_role or codes.ROLE_FALLBACK.get(membership.role)
        if role:
            organisation_element(activity, "participating-org", membership.organisation, role=role)
            written += 1
    if not written:
        element = etree.SubElement(
            activity,
            "participating-org",
            ref=settings.IATI_REPORTING_ORG_REF,
            type=settings.IATI_REPORTING_ORG_TYPE,
            role="2",
        )
        narrative(element, settings.IATI_REPORTING_ORG_NAME)


def _status(data):
    if data.partnership.is_archived:
        return codes.CLOSED if data.implementation_day else codes.CANCELLED
    return codes.STATUS_BY_PHASE[data.partnership.phase]


def _dates(activity, data):
    """Planned start: the partnership's first recorded day (created, a member joining, a phase move). Actual
    start: the day it first entered implementation. Planned end: the last milestone of the approved roadmap.
    Actual end: the day it was archived, once implemented. An end is written only after its start."""
    partnership = data.partnership
    start = data.first_day or data.today
    date_element(activity, "activity-date", start, type=codes.PLANNED_START)
    if data.implementation_day and data.implementation_day <= data.today:
        date_element(activity, "activity-date", data.implementation_day, type=codes.ACTUAL_START)
    last_due = getattr(data.roadmap, "last_due", None)
    if last_due and last_due > start:
        date_element(activity, "activity-date", last_due, type=codes.PLANNED_END)
    if partnership.is_archived and data.implementation_day:
        end = timezone.localtime(partnership.archived_at).date()
        if data.implementation_day < end <= data.today:
            date_element(activity, "activity-date", end, type=codes.ACTUAL_END)


def _countries(activity, data):
    """Split evenly; the rounding remainder goes to the first ones, so that the percentages add up to exactly 100
    (three countries: 33.34, 33.33, 33.33)."""
    if not data.countries:
        return
    hundredths, rest = divmod(10000, len(data.countries))
    for i, code in enumerate(data.countries):
        share = hundredths + (1 if i < rest else 0)
        percentage = f"{share // 100}.{share % 100:02d}".rstrip("0").rstrip(".")
        etree.SubElement(activity, "recipient-country", code=code, percentage=percentage)


def _sdgs(activity, data):
    for goal in data.goals:
        tag = etree.SubElement(activity, "tag", vocabulary=codes.SDG_GOAL_VOCABULARY, code=str(goal.number))
        codelist_narrative(tag, goal.name, goal.name_fr, data.language)
    for target in data.targets:
        tag = etree.SubElement(activity, "tag", vocabulary=codes.SDG_TARGET_VOCABULARY, code=target.code)
        codelist_narrative(tag, target.description, target.description_fr, data.language)


def _notes(data):
    notes = []
    published = sum(len(data.indicators.get(node.key, [])) for node in data.nodes)
    if data.roadmap is None and data.indicator_count:
        notes.append(
            _("No results are published until a roadmap version is approved: only the agreed results chain is.")
        )
    elif data.indicator_count > published:
        count = data.indicator_count - published
        message = ngettext(
            "%(count)d indicator measures an activity or a node outside the approved roadmap and is not published.",
            "%(count)d indicators measure activities or nodes outside the approved roadmap and are not published.",
            count,
        )
        notes.append(message % {"count": count})
    if data.mou_in_force:
        notes.append(_("The MoU in force is not linked: its signed copy names the people who signed it."))
    unnamed = sum(1 for t in data.transactions if not t.counterpart_id and t.counterpart_name)
    if unnamed:
        message = ngettext(
            "%(count)d transaction names a counterpart outside the organisation registry: the name is not published "
            "(it may be a person's).",
            "%(count)d transactions name a counterpart outside the organisation registry: the names are not "
            "published (they may be people's).",
            unnamed,
        )
        notes.append(message % {"count": unnamed})
    return notes
