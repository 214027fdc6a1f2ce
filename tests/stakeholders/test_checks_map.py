"""The rules about the stakeholder map: CS-6, CM-2, CM-3; and the loader's bounded number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import date_format

from phases.catalogue import Result
from phases.checks import load
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory

from .checking import TODAY, check, urls
from .factories import MapEntryFactory

pytestmark = pytest.mark.django_db


def entry(partnership, name, *, country=None, sector="civil_society", **fields):
    organisation = OrganisationFactory(name=name, sector=sector, country_id=fields.pop("head_office", None))
    return MapEntryFactory(partnership=partnership, organisation=organisation, country_id=country, **fields)


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


# --- CS-6 ---------------------------------------------------------------------------------------------------------


def test_cs6_passes_with_an_influential_champion_engaged_recently():
    p = PartnershipFactory()
    entry(p, "Minister of Water", influence=5, is_champion=True, engagement="involved", last_engaged_on=days_ago(30))
    entry(p, "Old Friend", influence=5, is_champion=True, engagement="informed", last_engaged_on=days_ago(400))
    finding = check("CS-6", p)
    assert finding.result == Result.PASS
    assert finding.evidence == "Champion with influence 4 or more, engaged in the last 6 months: Minister of Water."


def test_cs6_warns_and_says_why_each_champion_does_not_count():
    p = PartnershipFactory()
    weak = entry(p, "Local Mayor", influence=3, is_champion=True, engagement="consulted", last_engaged_on=days_ago(10))
    entry(p, "Old Friend", influence=5, is_champion=True, engagement="informed", last_engaged_on=dt.date(2025, 11, 1))
    entry(p, "Quiet Minister", influence=5, is_champion=True, engagement="identified")
    finding = check("CS-6", p)
    assert finding.result == Result.WARN
    assert finding.evidence.startswith("The map has 3 champions, but none with influence 4 or more")
    assert "Local Mayor (influence 3)" in finding.evidence
    assert f"Old Friend (last engaged {date_format(dt.date(2025, 11, 1))})" in finding.evidence
    assert "Quiet Minister (Identified; no engagement date)" in finding.evidence
    assert ("Local Mayor", reverse("stakeholders:map_edit", kwargs={"partnership_pk": p.pk, "pk": weak.pk})) in (
        finding.links
    )


def test_cs6_fails_without_a_champion_and_suggests_influential_stakeholders():
    p = PartnershipFactory()
    entry(p, "Minister of Water", influence=5)
    entry(p, "Village Council", influence=2)
    finding = check("CS-6", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "No stakeholder on the map is marked as a champion. Influential enough to be one: Minister of Water (influence 5)."
    )


def test_cs6_thresholds_are_the_partnerships():
    p = PartnershipFactory()
    entry(p, "Old Friend", influence=3, is_champion=True, engagement="informed", last_engaged_on=days_ago(300))
    assert check("CS-6", p).result == Result.WARN
    assert check("CS-6", p, min_influence=3, months=12).result == Result.PASS


# --- CM-2 ---------------------------------------------------------------------------------------------------------


def test_cm2_passes_when_every_key_stakeholder_is_consulted():
    p = PartnershipFactory()
    entry(p, "Ministry", power=5, interest=4, engagement="consulted")
    entry(p, "Union", power=2, interest=2, is_key=True, engagement="partner")
    entry(p, "Bystander", power=4, interest=2)
    finding = check("CM-2", p)
    assert finding.result == Result.PASS
    assert finding.evidence == "All 2 key stakeholders are consulted or more engaged: Ministry, Union."


def test_cm2_fails_and_names_key_stakeholders_left_behind():
    p = PartnershipFactory()
    ministry = entry(p, "Ministry", power=5, interest=5, engagement="informed")
    entry(p, "Union", power=2, interest=2, is_key=True, engagement="exited")
    entry(p, "Agency", power=4, interest=4, engagement="involved")
    finding = check("CM-2", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "2 of 3 key stakeholders are engaged below “consulted”: Ministry (Informed), Union (Exited)."
    )
    assert ("Ministry", reverse("stakeholders:map_edit", kwargs={"partnership_pk": p.pk, "pk": ministry.pk})) in (
        finding.links
    )


def test_cm2_passes_when_the_map_has_no_key_stakeholder():
    p = PartnershipFactory()
    entry(p, "Bystander", power=2, interest=5)
    finding = check("CM-2", p)
    assert finding.result == Result.PASS
    assert "is not flagged key" in finding.evidence


def test_cm2_fails_on_an_empty_map():
    p = PartnershipFactory()
    finding = check("CM-2", p)
    assert finding.result == Result.FAIL
    assert reverse("stakeholders:map", kwargs={"partnership_pk": p.pk}) in urls(finding)


# --- CM-3 ---------------------------------------------------------------------------------------------------------


def test_cm3_passes_with_a_consulted_target_group_in_a_partner_country():
    p = PartnershipFactory(countries=["GH", "KE"])
    entry(p, "Cocoa Farmers", country="GH", is_target_group=True, engagement="consulted")
    # Located by its head office when the map does not say where it is active.
    entry(p, "Women Growers", head_office="KE", is_target_group=True, engagement="involved")
    finding = check("CM-3", p)
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "Target groups in the partnership's countries, consulted or more engaged: Cocoa Farmers (Ghana, Consulted), "
        "Women Growers (Kenya, Involved)."
    )


def test_cm3_fails_and_says_where_each_target_group_falls_short():
    p = PartnershipFactory(countries=["GH"])
    entry(p, "Cocoa Farmers", country="GH", is_target_group=True, engagement="informed")
    entry(p, "Exporters", country="KE", is_target_group=True, engagement="partner")
    entry(p, "Nomads", is_target_group=True, engagement="consulted")
    entry(p, "Ministry", country="GH", engagement="partner")
    finding = check("CM-3", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "The map has 3 target groups, but none in the partnership's countries (Ghana) engaged at “consulted” or "
        "more: Cocoa Farmers (Ghana, Informed), Exporters (Kenya, Partner), Nomads (no country, Consulted)."
    )


def test_cm3_fails_without_target_groups():
    p = PartnershipFactory(countries=["GH"])
    entry(p, "Ministry", country="GH", engagement="partner")
    finding = check("CM-3", p)
    assert (finding.result, finding.evidence) == (
        Result.FAIL,
        "No stakeholder on the map is flagged as a target group.",
    )


def test_cm3_fails_when_the_partnership_names_no_country():
    p = PartnershipFactory()
    entry(p, "Cocoa Farmers", country="GH", is_target_group=True, engagement="consulted")
    finding = check("CM-3", p)
    assert finding.result == Result.FAIL
    assert reverse("msp:partnership_edit", kwargs={"partnership_pk": p.pk}) in urls(finding)


# --- the loader ---------------------------------------------------------------------------------------------------


def populate(partnership, size):
    for n in range(size):
        organisation = OrganisationFactory(name=f"Member {n}", country_id="GH")
        MembershipFactory(
            partnership=partnership, organisation=organisation, is_core_group=n % 2 == 0, joined_on=days_ago(100)
        )
        ContactFactory(organisation=organisation, seniority="executive")
        ContactFactory(organisation=organisation, email="")
        MapEntryFactory(partnership=partnership, organisation=organisation, country_id="GH", is_target_group=True)
        entry(partnership, f"Outsider {n}", country="CI", is_champion=True, last_engaged_on=days_ago(n))


def queries_to_load(partnership):
    with CaptureQueriesContext(connection) as ctx:
        facts = load(partnership, today=TODAY, only={"stakeholders"})
    return len(ctx), facts.stakeholders


def test_the_loader_reads_a_small_and_a_large_partnership_in_the_same_queries():
    small, large = PartnershipFactory(countries=["GH"]), PartnershipFactory(countries=["GH", "CI"])
    populate(small, 3)
    populate(large, 15)
    (small_count, small_facts), (large_count, large_facts) = queries_to_load(small), queries_to_load(large)
    assert small_count == large_count == 4  # members, their contact persons, the map, the countries
    assert (len(small_facts.members), len(large_facts.members), len(large_facts.entries)) == (3, 15, 30)
    # The rules read only what was loaded.
    with CaptureQueriesContext(connection) as ctx:
        for item_id in ("CS-2", "CS-6", "CS-7", "CM-1", "CM-2", "CM-3", "PM-6"):
            check_facts(item_id, large_facts, large)
    assert len(ctx) == 0


def check_facts(item_id, stakeholders, partnership):
    from phases.catalogue import CATALOGUE
    from phases.checks import Facts, find

    return find(CATALOGUE[item_id], Facts(partnership, TODAY, data={"stakeholders": stakeholders}), {})


def test_the_app_registers_its_rules_and_loader():
    from phases.checks import LOADERS, RULES

    ours = {item_id for item_id, (function, _needs) in RULES.items() if function.__module__.startswith("stakeholders.")}
    assert ours == {"CS-1", "CS-2", "CS-6", "CS-7", "CM-1", "CM-2", "CM-3", "PM-6"}
    assert LOADERS["stakeholders"].__module__ == "stakeholders.checks.facts"
