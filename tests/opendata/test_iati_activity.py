"""What a partnership's IATI activity says, part by part: what a reader of the published file finds (and what they
must never find)."""

import datetime as dt
from decimal import Decimal

from django.test import override_settings
from django.utils import timezone

from governance.models import ExchangeRate, Transaction
from msp.models import Partnership
from opendata import iati
from opendata.iati import schema
from tests.opendata.iati_world import activity_of, iati_world


def _file(world, **kwargs):
    partnership = world["partnership"]
    return iati.activity_file(partnership, iati.activity_identifier(partnership))


def test_the_file_is_valid_and_keeps_every_rule(db):
    world = iati_world()
    assert schema.validate(_file(world)) == []
    assert iati.problems(world["partnership"]) == []


@override_settings(IATI_REPORTING_ORG_REF="XM-DAC-99999", IATI_REPORTING_ORG_NAME="Partnerships Network")
def test_the_activity_is_reported_by_the_installations_organisation_under_an_identifier_it_starts(db):
    world = iati_world()
    activity = activity_of(_file(world))
    assert activity.findtext("iati-identifier") == f"XM-DAC-99999-P{world['partnership'].pk}"
    reporting = activity.find("reporting-org")
    assert (reporting.get("ref"), reporting.findtext("narrative")) == ("XM-DAC-99999", "Partnerships Network")


def test_title_and_description_are_in_the_working_language(db):
    world = iati_world(language="fr")
    activity = activity_of(_file(world))
    assert activity.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert activity.findtext("title/narrative") == "Sustainable Cocoa"
    assert activity.findtext("description/narrative") == (
        "Cocoa farmers earn below a living income.\n\nEvery cocoa farmer earns a living income."
    )


def test_a_partnership_without_problem_or_vision_still_describes_itself_in_its_language(db):
    world = iati_world(language="fr")
    Partnership.objects.filter(pk=world["partnership"].pk).update(problem_statement="", vision=" ")
    world["partnership"].refresh_from_db()
    assert activity_of(_file(world)).findtext("description/narrative") == (
        "Sustainable Cocoa : un partenariat multi-acteurs."
    )


def test_current_members_take_part_in_their_iati_role_with_type_and_identifier(db):
    world = iati_world()
    orgs = {
        o.findtext("narrative"): (o.get("role"), o.get("type"), o.get("ref"))
        for o in activity_of(_file(world)).findall("participating-org")
    }
    # The funder as recorded; a partner without an IATI role implements; an observer takes no part.
    assert orgs == {"Chocolate Fund": ("1", "60", "XM-DAC-47015"), "Cooperative 0": ("4", "24", None)}


def test_status_follows_the_phase_and_archiving(db):
    world = iati_world()
    partnership = world["partnership"]
    assert activity_of(_file(world)).find("activity-status").get("code") == "2"  # implementation
    partnership.phase = 2
    assert activity_of(_file(world)).find("activity-status").get("code") == "1"  # back to design: pipeline
    partnership.archived_at = timezone.now()
    assert activity_of(_file(world)).find("activity-status").get("code") == "4"  # closed


def test_dates_start_with_the_first_record_and_implementation_and_end_with_the_roadmap(db):
    world = iati_world()
    dates = {d.get("type"): d.get("iso-date") for d in activity_of(_file(world)).findall("activity-date")}
    # Planned start: the funder joined first; actual start: the move into implementation; planned end: the last
    # milestone of the approved roadmap. No actual end while it runs.
    assert dates == {"1": "2024-01-15", "2": "2024-06-01", "3": "2027-06-30"}


def test_an_archived_partnership_ends_on_the_day_it_was_archived(db):
    world = iati_world()
    world["partnership"].archived_at = timezone.make_aware(dt.datetime(2026, 1, 31, 12, 0))
    dates = {d.get("type"): d.get("iso-date") for d in activity_of(_file(world)).findall("activity-date")}
    assert dates["4"] == "2026-01-31"


def test_recipient_countries_share_exactly_100_percent(db):
    world = iati_world()
    shares = {c.get("code"): c.get("percentage") for c in activity_of(_file(world)).findall("recipient-country")}
    assert shares == {"CI": "33.34", "GH": "33.33", "TG": "33.33"}
    assert sum(Decimal(v) for v in shares.values()) == 100


def test_sdg_goals_and_targets_are_tags_with_their_vocabularies(db):
    world = iati_world()
    tags = [(t.get("vocabulary"), t.get("code")) for t in activity_of(_file(world)).findall("tag")]
    assert tags == [("2", "1"), ("2", "15"), ("3", "15.2")]
    assert activity_of(_file(world)).find("tag").findtext("narrative").startswith("Goal 1.")


def test_budgets_are_per_calendar_year_from_the_newest_revision(db):
    world = iati_world()
    budgets = [
        (
            b.get("type"),
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            b.findtext("value"),
            b.find("value").get("currency"),
        )
        for b in activity_of(_file(world)).findall("budget")
    ]
    # 2026's line of 2000 was revised to 2500: only the revision counts, and the year is a revised budget.
    assert budgets == [
        ("1", "2025-01-01", "2025-12-31", "1000", "EUR"),
        ("2", "2026-01-01", "2026-12-31", "2500", "EUR"),
    ]


def test_a_line_in_another_currency_is_converted_with_the_rate_of_the_budgets_first_day(db):
    world = iati_world()
    p = world["partnership"]
    p.budget_lines.create(category="other", description="Licences", year=2025, amount=100, currency_id="USD")
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", rate=Decimal("1.25"), date=dt.date(2024, 12, 1))
    assert activity_of(_file(world)).find("budget/value").text == "1080"  # 1000 EUR + 100 USD / 1.25


def test_a_year_that_cannot_be_converted_is_left_out_and_said_so(db):
    world = iati_world()
    world["partnership"].budget_lines.create(
        category="other", description="Licences", year=2025, amount=100, currency_id="USD"
    )
    years = [b.find("period-start").get("iso-date") for b in activity_of(_file(world)).findall("budget")]
    assert years == ["2026-01-01"]
    assert any(
        "budget of 2025 is left out" in p and "no rate for USD" in p for p in iati.problems(world["partnership"])
    )


def test_transactions_have_type_date_value_and_the_registry_counterpart_only(db):
    world = iati_world()
    incoming, expenditure = activity_of(_file(world)).findall("transaction")
    assert incoming.find("transaction-type").get("code") == "1"
    assert incoming.find("value").attrib == {"currency": "EUR", "value-date": "2025-02-01"}
    assert incoming.find("provider-org").get("ref") == "XM-DAC-47015"
    assert expenditure.findtext("value") == "120.5"
    # The payee is a name from a bank statement (maybe a person): neither it nor the description is published.
    assert expenditure.find("receiver-org") is None and expenditure.find("description") is None


def test_a_future_transaction_is_left_out_and_problems_say_so(db):
    world = iati_world()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    Transaction.objects.create(partnership=world["partnership"], type="3", date=tomorrow, amount=1, currency_id="EUR")
    dates = [t.find("transaction-date").get("iso-date") for t in activity_of(_file(world)).findall("transaction")]
    assert tomorrow.isoformat() not in dates and len(dates) == 2
    assert iati.problems(world["partnership"]) == [
        f"1 transaction dated in the future is left out (IATI allows none): {tomorrow.isoformat()}."
    ]


def test_results_are_the_approved_chains_impacts_outcomes_and_outputs(db):
    world = iati_world()
    results = activity_of(_file(world)).findall("result")
    assert [(r.get("type"), r.findtext("title/narrative")) for r in results] == [
        ("3", "Living incomes"),
        ("2", "Better yields"),
        ("1", "Farmers trained"),
    ]
    indicator = results[0].find("indicator")
    assert (indicator.get("measure"), indicator.get("ascending")) == ("1", "true")
    assert indicator.find("baseline").attrib == {"year": "2024", "iso-date": "2024-12-31", "value": "10"}
    assert results[1].find("description") is None  # an empty description is left out, not written empty


def test_only_locked_periods_are_published_with_target_actual_and_breakdown(db):
    world = iati_world()
    indicator = activity_of(_file(world)).find("result/indicator")
    (period,) = indicator.findall("period")
    assert period.find("period-start").get("iso-date") == "2025-01-01"
    assert period.find("target").get("value") == "100"
    total, *parts = period.findall("actual")
    assert total.get("value") == "90.5" and total.findtext("comment/narrative") == "Rains came late."
    assert [(a.get("value"), a.find("dimension").attrib) for a in parts] == [
        ("40.5", {"name": "Sex", "value": "F"}),
        ("50", {"name": "Sex", "value": "M"}),
    ]
    assert b"7777" not in _file(world)  # the open period's actual


def test_a_result_without_indicators_is_left_out_and_said_so(db):
    world = iati_world()
    world["indicators"][0].delete()  # the impact's only indicator
    types = [r.get("type") for r in activity_of(_file(world)).findall("result")]
    assert types == ["2", "1"]
    assert iati.problems(world["partnership"]) == [
        "The impact “Living incomes” is left out of the results: IATI wants at least one indicator."
    ]


def test_without_an_approved_roadmap_no_results_are_published_and_the_notes_say_why(db):
    world = iati_world()
    world["nodes"]["impact"].version.__class__.objects.filter(pk=world["nodes"]["impact"].version_id).update(
        status="superseded"
    )
    assert activity_of(_file(world)).find("result") is None
    assert iati.problems(world["partnership"]) == []
    assert "No results are published until a roadmap version is approved" in iati.notes(world["partnership"])[0]


def test_a_published_public_report_is_linked_and_a_released_donor_report_is_not(db, client):
    from monitoring.models import Report

    world = iati_world()
    p = world["partnership"]
    common = {"partnership": p, "period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 6, 30)}
    public = Report.objects.create(kind="public", status="done", language="en", published_at=timezone.now(), **common)
    Report.objects.create(kind="donor", status="done", language="en", released_at=timezone.now(), **common)
    (link,) = activity_of(_file(world)).findall("document-link")
    assert link.get("url").endswith(f"/reports/public/{public.public_key}/pdf/")
    assert link.get("format") == "application/pdf"
    assert link.find("category").get("code") == "A08"
    assert link.findtext("title/narrative") == "Public report 1, 2025-01-01 to 2025-06-30"
    assert schema.validate(_file(world)) == []


def test_no_person_is_named_anywhere(db):
    world = iati_world()
    text = _file(world).decode()
    person, contact = world["person"], world["contact"]
    for private in (
        person.username,
        person.first_name,
        person.last_name,
        person.email,
        contact.name,
        contact.email,
        contact.phone,
        "Yaw Payee-Boateng",
    ):
        assert private not in text


def test_problems_and_notes_speak_the_readers_language_while_the_file_speaks_the_partnerships(db):
    from django.utils import translation

    world = iati_world(language="fr")
    p = world["partnership"]
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    Transaction.objects.create(partnership=p, type="3", date=tomorrow, amount=1, currency_id="EUR")
    p.reports.create(
        kind="public",
        status="done",
        language="fr",
        published_at=timezone.now(),
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 6, 30),
    )
    with translation.override("de"):
        assert iati.problems(p)[0].startswith("1 in der Zukunft datierte Buchung wird weggelassen")
        assert activity_of(_file(world)).findtext("document-link/title/narrative").startswith("Rapport public 1")
