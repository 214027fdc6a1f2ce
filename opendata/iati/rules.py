"""The IATI rules the schema cannot check, run on a built document (activities or organisations), each reported
in plain words:

- an activity identifier starts with its reporting organisation's identifier (and an organisation file's
  identifier is the reporting organisation's);
- every start is before its end (activity dates, budget and result periods);
- recipient-country percentages add up to 100;
- a budget period is at most a year long, and budgets of one type never overlap;
- every value has a currency, or the activity has a default currency;
- no transaction is dated in the future;
- every code is a code of its codelist (and not withdrawn);
- no narrative is empty.

The builder keeps all of them by construction; the checker is what proves it on every file, and what catches a
file broken by other means (a changed setting, a hand-edited record, a codelist row the registry should not have).
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .codes import SDG_GOAL_VOCABULARY, SDG_TARGET_VOCABULARY, codes
from .elements import XML_LANG

# (element, attribute, codelist): the codes a file may carry.
CODED = [
    ("default", "default-currency", "Currency"),
    ("value", "currency", "Currency"),
    ("reporting-org", "type", "OrganisationType"),
    ("participating-org", "type", "OrganisationType"),
    ("provider-org", "type", "OrganisationType"),
    ("receiver-org", "type", "OrganisationType"),
    ("participating-org", "role", "OrganisationRole"),
    ("activity-status", "code", "ActivityStatus"),
    ("activity-date", "type", "ActivityDateType"),
    ("recipient-country", "code", "Country"),
    ("tag", "vocabulary", "TagVocabulary"),
    ("budget", "type", "BudgetType"),
    ("budget", "status", "BudgetStatus"),
    ("transaction-type", "code", "TransactionType"),
    ("category", "code", "DocumentCategory"),
    ("language", "code", "Language"),
    ("result", "type", "ResultType"),
    ("indicator", "measure", "IndicatorMeasure"),
]
TAG_CODES = {SDG_GOAL_VOCABULARY: "UNSDG-Goals", SDG_TARGET_VOCABULARY: "UNSDG-Targets"}
STARTS_AND_ENDS = [("1", "3"), ("2", "4")]  # ActivityDateType: planned start/end, actual start/end


def check(root, *, today=None) -> list[str]:
    today = today or timezone.localdate()
    found = _codes(root) + _narratives(root)
    for activity in root.iter("iati-activity"):
        found += _identifier(activity)
        found += _dates(activity)
        found += _countries(activity)
        found += _budgets(activity)
        found += _currencies(activity)
        found += _transactions(activity, today)
    for organisation in root.iter("iati-organisation"):
        found += _organisation_identifier(organisation)
        found += _budgets(organisation, tags=("total-budget",))
        found += _currencies(organisation)
    return found


def _date(element, attribute="iso-date"):
    try:
        return dt.date.fromisoformat(element.get(attribute) or "")
    except ValueError:
        return None  # the schema reports a malformed date


def _identifier(activity):
    identifier = (activity.findtext("iati-identifier") or "").strip()
    reporting = activity.find("reporting-org")
    ref = (reporting.get("ref") or "").strip() if reporting is not None else ""
    if ref and identifier.startswith(f"{ref}-"):
        return []
    return [
        _(
            "The activity identifier “%(identifier)s” does not start with the reporting organisation's identifier "
            "“%(ref)s” and a hyphen."
        )
        % {"identifier": identifier, "ref": ref}
    ]


def _organisation_identifier(organisation):
    identifier = (organisation.findtext("organisation-identifier") or "").strip()
    reporting = organisation.find("reporting-org")
    ref = (reporting.get("ref") or "").strip() if reporting is not None else ""
    if identifier and identifier == ref:
        return []
    return [
        _("The organisation identifier “%(identifier)s” is not the reporting organisation's “%(ref)s”.")
        % {"identifier": identifier, "ref": ref}
    ]


def _dates(activity):
    found = []
    dates = {}
    for element in activity.findall("activity-date"):
        dates.setdefault(element.get("type"), []).append(_date(element))
    for start_type, end_type in STARTS_AND_ENDS:
        for start in filter(None, dates.get(start_type, [])):
            for end in filter(None, dates.get(end_type, [])):
                if not start < end:
                    found.append(
                        _("The activity ends (%(end)s) before it starts (%(start)s).")
                        % {"start": start.isoformat(), "end": end.isoformat()}
                    )
    for tag in ("budget", "period"):
        for element in activity.iter(tag):
            start, end = _date_of(element, "period-start"), _date_of(element, "period-end")
            if start and end and end < start:
                found.append(
                    _("A period ends (%(end)s) before it starts (%(start)s).")
                    % {"start": start.isoformat(), "end": end.isoformat()}
                )
    return found


def _date_of(parent, tag):
    element = parent.find(tag)
    return _date(element) if element is not None else None


def _countries(activity):
    countries = activity.findall("recipient-country")
    if len(countries) == 1 and countries[0].get("percentage") is None:
        return []  # one country alone is all of it
    try:
        total = sum(Decimal(c.get("percentage")) for c in countries)
    except (InvalidOperation, TypeError):
        return [_("Every recipient country needs a percentage when there are several.")]
    if countries and total != 100:
        return [_("The recipient countries' percentages add up to %(total)s, not 100.") % {"total": total}]
    return []


def _budgets(parent, tags=("budget",)):
    found = []
    by_type = {}
    for tag in tags:
        for budget in parent.findall(tag):
            start, end = _date_of(budget, "period-start"), _date_of(budget, "period-end")
            if not (start and end):
                continue
            if end >= _a_year_after(start):
                found.append(
                    _("The budget from %(start)s to %(end)s is longer than a year.")
                    % {"start": start.isoformat(), "end": end.isoformat()}
                )
            by_type.setdefault(budget.get("type", "1"), []).append((start, end))
    for periods in by_type.values():
        periods.sort()
        for (start, end), (next_start, _next_end) in zip(periods, periods[1:], strict=False):
            if next_start <= end:
                found.append(
                    _("The budgets from %(start)s and from %(next)s overlap.")
                    % {"start": start.isoformat(), "next": next_start.isoformat()}
                )
    return found


def _a_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28) + dt.timedelta(days=1)


def _currencies(parent):
    if (parent.get("default-currency") or "").strip():
        return []
    missing = [value for value in parent.iter("value") if not (value.get("currency") or "").strip()]
    if missing:
        message = ngettext(
            "%(count)d value has no currency, and no default currency is set.",
            "%(count)d values have no currency, and no default currency is set.",
            len(missing),
        )
        return [message % {"count": len(missing)}]
    return []


def _transactions(activity, today):
    found = []
    for transaction in activity.findall("transaction"):
        day = _date_of(transaction, "transaction-date")
        if day and day > today:
            found.append(_("A transaction is dated in the future (%(date)s).") % {"date": day.isoformat()})
    return found


def _codes(root):
    found = []
    for tag, attribute, codelist in CODED:
        elements = root.iter("iati-activity", "iati-organisation") if tag == "default" else root.iter(tag)
        for element in elements:
            code = element.get(attribute)
            if code is not None and code not in codes(codelist):
                found.append(_unknown(code, codelist, tag, attribute))
    for tag in root.iter("tag"):
        codelist = TAG_CODES.get(tag.get("vocabulary"))
        if codelist and tag.get("code") not in codes(codelist):
            found.append(_unknown(tag.get("code"), codelist, "tag", "code"))
    for element in root.iter():
        code = element.get(XML_LANG) if isinstance(element.tag, str) else None
        if code is not None and code not in codes("Language"):
            found.append(_unknown(code, "Language", element.tag, "xml:lang"))
    return found


def _unknown(code, codelist, tag, attribute):
    return _("“%(code)s” is not a code of the IATI codelist %(codelist)s (<%(tag)s %(attribute)s>).") % {
        "code": code,
        "codelist": codelist,
        "tag": tag if tag != "default" else "iati-activity",
        "attribute": attribute,
    }


def _narratives(root):
    empty = [n for n in root.iter("narrative") if not (n.text or "").strip()]
    return [
        _("An empty narrative in <%(tag)s>: leave the element out instead.") % {"tag": n.getparent().tag} for n in empty
    ]
