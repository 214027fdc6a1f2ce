"""Reading an activity file back (opendata.summary): what the preview shows comes from the XML alone."""

import datetime as dt
from decimal import Decimal

from opendata import iati
from opendata.summary import read_activity


def test_it_reads_every_part_of_the_sample_activity(sample_file):
    activity = read_activity(sample_file)
    assert activity.identifier == "XI-IATI-MSPM-P7"
    assert activity.title == "Sustainable Cocoa Partnership"  # the narrative in the activity's language
    assert [n.lang for n in activity.titles] == ["en", "fr"]
    assert activity.status == "2"
    assert activity.dates[0] == ("1", dt.date(2025, 1, 1))
    assert [(code, p) for code, p, _ in activity.countries] == [("GH", Decimal(60)), ("CI", Decimal(40))]
    assert activity.country_percentage_total == Decimal(100)
    assert [(c.element, c.vocabulary, c.code) for c in activity.classifications] == [
        ("sector", "7", "15"),
        ("tag", "3", "15.2"),
    ]
    assert [(o.name, o.role, o.type, o.ref) for o in activity.organisations][0] == (
        "Ghana Cocoa Board", "1", "10", "GH-COH-1234",
    )  # fmt: skip
    # The second budget's value has no currency: the activity's default currency applies.
    assert [b.value.currency for b in activity.budgets] == ["EUR", "EUR"]
    assert activity.budget_totals == {"EUR": Decimal("200000.50")}
    assert [(t.type, t.currency, t.count, t.total) for t in activity.transaction_totals] == [
        ("1", "EUR", 2, Decimal(75000)),
        ("4", "USD", 1, Decimal("1200.25")),
    ]
    assert activity.results_by_type == {"1": 1, "3": 1}
    assert activity.indicator_count == 2
    period = activity.results[1].indicators[0].periods[0]
    assert (period.targets, period.actuals) == (["400"], ["385"])
    assert activity.results[0].indicators[0].periods[0].targets == ["No new clearing"]
    assert activity.documents[0].categories == ["A09"]


def test_faulty_values_are_shown_empty_rather_than_failing():
    activity = read_activity(
        b"<iati-activities><iati-activity default-currency='EUR'><iati-identifier>X-1</iati-identifier>"
        b"<recipient-country code='GH' percentage='lots'/><budget><period-start iso-date='someday'/>"
        b"<value>NaN</value></budget><transaction><value>12</value></transaction></iati-activity></iati-activities>"
    )
    assert activity.countries == [("GH", None, "")]
    assert activity.budgets[0].start is None and activity.budgets[0].value.value is None
    assert activity.transactions[0].type == "" and activity.transaction_totals[0].total == Decimal(12)


def test_a_document_without_an_activity_reads_as_none():
    assert read_activity(b"<iati-activities version='2.03'/>") is None


def test_it_reads_what_the_builder_makes(partnership):
    activity = read_activity(iati.activity_file(partnership, "XI-IATI-MSPM-P1"))
    assert activity.identifier == "XI-IATI-MSPM-P1"
    assert activity.title  # the builder's title, whatever the builder's version
