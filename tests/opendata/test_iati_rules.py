"""Each IATI rule of the issue, broken: in the data where the data can break it (the builder then leaves the record
out or `problems()` reports it), and in a hand-broken copy of a valid file where the builder cannot (the checker
must still catch it), plus the schema check itself."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone
from lxml import etree

from opendata import iati
from opendata.iati import rules, schema
from opendata.models import Publication
from stakeholders.models import OrganisationType
from tests.factories import PartnershipFactory
from tests.opendata.iati_world import iati_world


@pytest.fixture
def world(db):
    return iati_world()


@pytest.fixture
def root(world):
    """A valid file of the world, to break by hand."""
    p = world["partnership"]
    built = etree.fromstring(iati.activity_file(p, iati.activity_identifier(p)))
    assert rules.check(built) == []
    return built


def _activity(root):
    return root.find("iati-activity")


# --- the identifier starts with the reporting organisation's and never changes ------------------------------------


def test_an_identifier_that_does_not_start_with_the_reporting_orgs_is_reported(world):
    p = world["partnership"]
    found = rules.check(etree.fromstring(iati.activity_file(p, "XM-OTHER-123")))
    assert found == [
        "The activity identifier “XM-OTHER-123” does not start with the reporting organisation's identifier "
        "“XI-IATI-MSPM” and a hyphen."
    ]


def test_a_changed_reporting_organisation_leaves_the_published_identifier_and_says_it_no_longer_fits(world):
    p = world["partnership"]
    Publication.objects.create(partnership=p, identifier=iati.activity_identifier(p))
    with override_settings(IATI_REPORTING_ORG_REF="XM-DAC-12345"):
        assert any("“XI-IATI-MSPM-P" in problem and "“XM-DAC-12345”" in problem for problem in iati.problems(p))


def test_a_published_identifier_never_changes(world):
    p = world["partnership"]
    publication = Publication.objects.create(partnership=p, identifier=iati.activity_identifier(p))
    publication.identifier = "XI-IATI-MSPM-OTHER"
    with pytest.raises(Exception, match="never changes"):
        publication.save()
    assert Publication.objects.get(pk=publication.pk).identifier == iati.activity_identifier(p)
    publication.identifier = iati.activity_identifier(p)
    publication.is_published = True
    publication.save()  # anything else may change


def test_the_organisation_files_identifier_is_the_reporting_organisations(db):
    root = etree.fromstring(iati.organisation_file())
    assert rules.check(root) == []
    root.find("iati-organisation/organisation-identifier").text = "XM-ELSE"
    assert rules.check(root) == [
        "The organisation identifier “XM-ELSE” is not the reporting organisation's “XI-IATI-MSPM”."
    ]


# --- start before end ----------------------------------------------------------------------------------------------


def test_an_activity_ending_before_it_starts_is_reported(root):
    planned_end = _activity(root).find("activity-date[@type='3']")
    planned_end.set("iso-date", "2020-01-01")
    assert rules.check(root) == ["The activity ends (2020-01-01) before it starts (2024-01-15)."]


def test_a_planned_end_before_the_start_is_not_written(world):
    from django.db.models import QuerySet

    from governance.models import Milestone

    # Past the freeze of the approved version: a record as a hand edit could leave it.
    QuerySet(Milestone).filter(version__partnership=world["partnership"]).update(due_on=dt.date(2023, 1, 1))
    p = world["partnership"]
    root = etree.fromstring(iati.activity_file(p, iati.activity_identifier(p)))
    assert root.find("iati-activity/activity-date[@type='3']") is None
    assert iati.problems(p) == []


def test_a_result_period_ending_before_it_starts_is_reported(root):
    _activity(root).find("result/indicator/period/period-end").set("iso-date", "2024-12-31")
    assert rules.check(root) == ["A period ends (2024-12-31) before it starts (2025-01-01)."]


# --- recipient-country percentages add up to 100 ---------------------------------------------------------------


def test_percentages_that_do_not_add_up_to_100_are_reported(root):
    _activity(root).find("recipient-country").set("percentage", "40")
    assert rules.check(root) == ["The recipient countries' percentages add up to 106.66, not 100."]


def test_a_missing_percentage_among_several_countries_is_reported(root):
    del _activity(root).find("recipient-country").attrib["percentage"]
    assert rules.check(root) == ["Every recipient country needs a percentage when there are several."]


@pytest.mark.parametrize("count", [1, 2, 3, 6, 7])
def test_any_number_of_countries_adds_up_to_exactly_100(db, count):
    codes = ["GH", "CI", "TG", "BF", "NG", "SN", "ML"][:count]
    p = iati_world(countries=codes)["partnership"]
    root = etree.fromstring(iati.activity_file(p, iati.activity_identifier(p)))
    assert len(root.findall("iati-activity/recipient-country")) == count
    assert rules.check(root) == []


# --- budget periods at most a year, not overlapping ------------------------------------------------------------


def test_a_budget_longer_than_a_year_is_reported(root):
    _activity(root).find("budget/period-end").set("iso-date", "2026-01-01")
    found = rules.check(root)
    assert "The budget from 2025-01-01 to 2026-01-01 is longer than a year." in found


def test_overlapping_budgets_of_one_type_are_reported(root):
    second = _activity(root).findall("budget")[1]
    second.set("type", "1")
    second.find("period-start").set("iso-date", "2025-12-01")
    second.find("period-end").set("iso-date", "2026-11-30")
    assert rules.check(root) == ["The budgets from 2025-01-01 and from 2025-12-01 overlap."]


def test_an_original_and_a_revised_budget_of_one_year_do_not_overlap(root):
    second = _activity(root).findall("budget")[1]
    second.find("period-start").set("iso-date", "2025-01-01")
    second.find("period-end").set("iso-date", "2025-12-31")
    assert rules.check(root) == []


# --- every value has a currency or a default currency is set ----------------------------------------------------


def test_values_without_a_currency_and_no_default_are_reported(root):
    activity = _activity(root)
    del activity.attrib["default-currency"]
    assert rules.check(root) == []  # every value still names its currency
    del activity.find("budget/value").attrib["currency"]
    del activity.find("transaction/value").attrib["currency"]
    assert rules.check(root) == ["2 values have no currency, and no default currency is set."]


def test_a_value_without_its_own_currency_is_fine_with_a_default_currency(root):
    del _activity(root).find("budget/value").attrib["currency"]
    assert rules.check(root) == []


# --- no transaction in the future --------------------------------------------------------------------------------


def test_a_transaction_dated_in_the_future_is_reported(root):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    _activity(root).find("transaction/transaction-date").set("iso-date", tomorrow)
    assert rules.check(root) == [f"A transaction is dated in the future ({tomorrow})."]


# --- every code from its codelist ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, attribute, code, codelist",
    [
        ("activity-status", "code", "9", "ActivityStatus"),
        ("participating-org", "role", "7", "OrganisationRole"),
        ("recipient-country", "code", "XX", "Country"),
        ("tag", "code", "18", "UNSDG-Goals"),
        ("budget", "status", "3", "BudgetStatus"),
        ("transaction/transaction-type", "code", "99", "TransactionType"),
        ("transaction/value", "currency", "EUX", "Currency"),
        ("result", "type", "4", "ResultType"),
        ("result/indicator", "measure", "6", "IndicatorMeasure"),
        (".", "default-currency", "ECU", "Currency"),
    ],
)
def test_a_code_outside_its_codelist_is_reported(root, path, attribute, code, codelist):
    _activity(root).find(path).set(attribute, code)
    (found,) = rules.check(root)
    assert f"“{code}” is not a code of the IATI codelist {codelist}" in found


def test_a_withdrawn_code_is_refused(root):
    _activity(root).find("recipient-country").set("code", "AN")  # Netherlands Antilles: withdrawn
    assert rules.check(root)[0].startswith("“AN” is not a code of the IATI codelist Country")


def test_an_organisation_type_the_codelist_does_not_have_is_reported_by_problems(world):
    OrganisationType.objects.create(code="99", name="Made up")
    world["funder"].iati_type_id = "99"
    world["funder"].save()
    assert any(
        "“99” is not a code of the IATI codelist OrganisationType" in p for p in iati.problems(world["partnership"])
    )


# --- no empty narratives -------------------------------------------------------------------------------------------


def test_an_empty_narrative_is_reported(root):
    _activity(root).find("title/narrative").text = "   "
    assert rules.check(root) == ["An empty narrative in <title>: leave the element out instead."]


def test_empty_texts_in_the_data_leave_their_element_out(world):
    p = world["partnership"]
    world["funder"].name = " "
    world["funder"].save()
    root = etree.fromstring(iati.activity_file(p, iati.activity_identifier(p)))
    assert all((n.text or "").strip() for n in root.iter("narrative"))
    assert iati.problems(p) == []


# --- the schema ----------------------------------------------------------------------------------------------------


def test_the_schema_reports_a_missing_required_element_with_its_line(root):
    activity = _activity(root)
    activity.remove(activity.find("reporting-org"))
    found = schema.validate(etree.tostring(root))
    assert found and found[0].startswith("line ") and "reporting-org" in " ".join(found)


def test_the_schema_reports_elements_out_of_order(root):
    activity = _activity(root)
    activity.append(activity.find("activity-status"))  # after the results
    assert schema.validate(etree.tostring(root))


def test_bad_xml_is_reported_not_raised(db):
    assert schema.validate(b"<iati-activities><unclosed></iati-activities>")[0].startswith(
        "The file is not well-formed"
    )
    assert schema.validate(b"<html/>") == [
        "The file is neither IATI activities nor IATI organisations (its root is <html>)."
    ]


@pytest.mark.django_db
def test_characters_xml_cannot_carry_are_dropped_not_a_crash():
    """A name pasted with a vertical tab or another control character (forms take them) still gives a valid file."""
    partnership = PartnershipFactory(name="Cocoa\x0bPartnership\x01", problem_statement="Farmers\x1f earn little.")
    data = iati.activity_file(partnership, iati.activity_identifier(partnership))
    assert b"<narrative>CocoaPartnership</narrative>" in data
    assert schema.validate(data) == []
