"""What an IATI 2.03 activity file says, read back from the XML itself (never from the database), so the
secretariat's preview shows exactly what would be published: if the builder leaves a field out, the preview does
not show it either.

`read_activity(document)` parses the first <iati-activity> of an iati-activities document into plain dataclasses
(codes stay codes; opendata.codes names them). Pure: no database, no settings. Unknown or malformed values are
kept as text or left empty rather than raising: the preview must show a faulty file, not fail on it.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The document is ours, but a parser that fetches nothing and expands no entities costs nothing.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


@dataclass
class Narrative:
    text: str
    lang: str  # the narrative's own xml:lang, else the activity's


@dataclass
class Organisation:
    name: str
    ref: str = ""
    type: str = ""
    role: str = ""


@dataclass
class Money:
    value: Decimal | None
    currency: str
    value_date: dt.date | None = None


@dataclass
class Budget:
    start: dt.date | None
    end: dt.date | None
    value: Money
    type: str = ""
    status: str = ""


@dataclass
class Transaction:
    type: str
    date: dt.date | None
    value: Money


@dataclass
class TransactionTotal:
    type: str
    currency: str
    count: int
    total: Decimal


@dataclass
class Period:
    start: dt.date | None
    end: dt.date | None
    targets: list[str] = field(default_factory=list)
    actuals: list[str] = field(default_factory=list)


@dataclass
class Indicator:
    title: str
    measure: str
    ascending: bool | None
    baselines: list[tuple] = field(default_factory=list)  # (year, value)
    periods: list[Period] = field(default_factory=list)


@dataclass
class Result:
    type: str
    title: str
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Document:
    url: str
    format: str
    title: str
    categories: list[str] = field(default_factory=list)
    date: dt.date | None = None


@dataclass
class Classification:
    """An SDG goal or target (or another classification) given as a <tag> or a <sector>."""

    element: str  # "tag" or "sector"
    vocabulary: str
    code: str
    text: str = ""
    percentage: Decimal | None = None


@dataclass
class Activity:
    identifier: str
    language: str
    default_currency: str
    last_updated: str = ""
    reporting_org: Organisation | None = None
    titles: list[Narrative] = field(default_factory=list)
    descriptions: list[tuple] = field(default_factory=list)  # (type code, [Narrative])
    status: str = ""
    dates: list[tuple] = field(default_factory=list)  # (type code, date)
    countries: list[tuple] = field(default_factory=list)  # (code, percentage or None, narrative)
    classifications: list[Classification] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    @property
    def title(self) -> str:
        return _in_language(self.titles, self.language)

    @property
    def country_percentage_total(self) -> Decimal | None:
        given = [p for _code, p, _name in self.countries if p is not None]
        return sum(given, Decimal(0)) if given else None

    @property
    def budget_totals(self) -> dict[str, Decimal]:
        totals = defaultdict(Decimal)
        for budget in self.budgets:
            if budget.value.value is not None:
                totals[budget.value.currency] += budget.value.value
        return dict(sorted(totals.items()))

    @property
    def transaction_totals(self) -> list[TransactionTotal]:
        """Per transaction type and currency: how many and their sum, in type order."""
        counts, sums = Counter(), defaultdict(Decimal)
        for transaction in self.transactions:
            key = (transaction.type, transaction.value.currency)
            counts[key] += 1
            sums[key] += transaction.value.value or Decimal(0)
        order = sorted(counts, key=lambda k: (_code_order(k[0]), k[1]))
        return [
            TransactionTotal(type, currency, counts[type, currency], sums[type, currency]) for type, currency in order
        ]

    @property
    def indicator_count(self) -> int:
        return sum(len(result.indicators) for result in self.results)

    @property
    def results_by_type(self) -> dict[str, int]:
        return dict(sorted(Counter(result.type for result in self.results).items(), key=lambda i: _code_order(i[0])))


def _code_order(code):
    return (0, int(code), "") if str(code).isdigit() else (1, 0, str(code))


def _in_language(narratives, lang) -> str:
    """The narrative in `lang`, else the first one."""
    for narrative in narratives:
        if narrative.lang == lang:
            return narrative.text
    return narratives[0].text if narratives else ""


def _narratives(element, lang) -> list[Narrative]:
    if element is None:
        return []
    return [Narrative((n.text or "").strip(), n.get(XML_LANG) or lang) for n in element.findall("narrative")]


def _text(element, lang) -> str:
    return _in_language(_narratives(element, lang), lang)


def _decimal(value) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _money(element, default_currency) -> Money:
    if element is None:
        return Money(None, default_currency)
    return Money(_decimal(element.text), element.get("currency") or default_currency, _date(element.get("value-date")))


def _organisation(element, lang) -> Organisation:
    return Organisation(
        name=_text(element, lang),
        ref=element.get("ref", ""),
        type=element.get("type", ""),
        role=element.get("role", ""),
    )


def _values(elements) -> list[str]:
    """The values of <target>/<actual> elements: the value attribute, else their comment (qualitative)."""
    found = []
    for element in elements:
        value = element.get("value")
        if value is None:
            value = _text(element.find("comment"), "")
        found.append(value)
    return found


def _indicator(element, lang) -> Indicator:
    ascending = element.get("ascending")
    return Indicator(
        title=_text(element.find("title"), lang),
        measure=element.get("measure", ""),
        ascending=None if ascending is None else ascending in ("1", "true"),
        baselines=[(b.get("year", ""), b.get("value", "")) for b in element.findall("baseline")],
        periods=[
            Period(
                start=_date(p.find("period-start").get("iso-date")) if p.find("period-start") is not None else None,
                end=_date(p.find("period-end").get("iso-date")) if p.find("period-end") is not None else None,
                targets=_values(p.findall("target")),
                actuals=_values(p.findall("actual")),
            )
            for p in element.findall("period")
        ],
    )


def _period_date(element, name):
    found = element.find(name)
    return _date(found.get("iso-date")) if found is not None else None


def _activity(activity) -> Activity:
    lang = activity.get(XML_LANG) or ""
    currency = activity.get("default-currency", "")
    reporting = activity.find("reporting-org")
    return Activity(
        identifier=(activity.findtext("iati-identifier") or "").strip(),
        language=lang,
        default_currency=currency,
        last_updated=activity.get("last-updated-datetime", ""),
        reporting_org=_organisation(reporting, lang) if reporting is not None else None,
        titles=_narratives(activity.find("title"), lang),
        descriptions=[(d.get("type", "1"), _narratives(d, lang)) for d in activity.findall("description")],
        status=(
            activity.find("activity-status").get("code", "") if activity.find("activity-status") is not None else ""
        ),
        dates=[(d.get("type", ""), _date(d.get("iso-date"))) for d in activity.findall("activity-date")],
        countries=[
            (c.get("code", ""), _decimal(c.get("percentage")) if c.get("percentage") else None, _text(c, lang))
            for c in activity.findall("recipient-country")
        ],
        classifications=[
            Classification(
                element=c.tag,
                vocabulary=c.get("vocabulary", "1"),
                code=c.get("code", ""),
                text=_text(c, lang),
                percentage=_decimal(c.get("percentage")) if c.get("percentage") else None,
            )
            for c in activity.iterchildren("sector", "tag")
        ],
        organisations=[_organisation(o, lang) for o in activity.findall("participating-org")],
        budgets=[
            Budget(
                start=_period_date(b, "period-start"),
                end=_period_date(b, "period-end"),
                value=_money(b.find("value"), currency),
                type=b.get("type", "1"),
                status=b.get("status", "1"),
            )
            for b in activity.findall("budget")
        ],
        transactions=[
            Transaction(
                type=(t.find("transaction-type").get("code", "") if t.find("transaction-type") is not None else ""),
                date=_period_date(t, "transaction-date"),
                value=_money(t.find("value"), currency),
            )
            for t in activity.findall("transaction")
        ],
        results=[
            Result(
                type=r.get("type", ""),
                title=_text(r.find("title"), lang),
                indicators=[_indicator(i, lang) for i in r.findall("indicator")],
            )
            for r in activity.findall("result")
        ],
        documents=[
            Document(
                url=d.get("url", ""),
                format=d.get("format", ""),
                title=_text(d.find("title"), lang),
                categories=[c.get("code", "") for c in d.findall("category")],
                date=_period_date(d, "document-date"),
            )
            for d in activity.findall("document-link")
        ],
    )


def read_activity(document: bytes) -> Activity | None:
    """The first activity of an iati-activities document, or None when it has none."""
    root = etree.fromstring(document, PARSER)
    activity = root.find("iati-activity")
    return _activity(activity) if activity is not None else None
