"""The rules about the partnership's page, its members and their contact persons: CS-1, CS-2, CS-7, CM-1, PM-6."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from phases.catalogue import Result
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory

from .checking import TODAY, check, urls

pytestmark = pytest.mark.django_db


def member(partnership, name, sector="civil_society", *, contact=True, core=False, **contact_fields):
    organisation = OrganisationFactory(name=name, sector=sector)
    membership = MembershipFactory(
        partnership=partnership, organisation=organisation, is_core_group=core, joined_on=dt.date(2025, 1, 1)
    )
    if contact:
        ContactFactory(organisation=organisation, **contact_fields)
    return membership


# --- CS-1 ---------------------------------------------------------------------------------------------------------


def test_cs1_passes_when_problem_approach_and_fit_are_written():
    p = PartnershipFactory(partnership_fit="yes", fit_rationale="Nobody can do it alone.")
    finding = check("CS-1", p)
    assert finding.result == Result.PASS
    assert "planned approach are written" in finding.evidence
    assert reverse("msp:partnership_edit", kwargs={"partnership_pk": p.pk}) in urls(finding)


def test_cs1_fails_and_names_what_is_missing():
    p = PartnershipFactory(planned_approach="", partnership_fit="yes", fit_rationale="")
    finding = check("CS-1", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == "Not written yet: the planned approach; the rationale for that answer."


def test_cs1_fails_when_whether_a_partnership_fits_is_not_answered():
    finding = check("CS-1", PartnershipFactory(fit_rationale="Because."))
    assert finding.result == Result.FAIL
    assert "whether a partnership can deal with the problem effectively" in finding.evidence


def test_cs1_warns_when_the_answer_is_no():
    finding = check("CS-1", PartnershipFactory(partnership_fit="no", fit_rationale="The state must act."))
    assert finding.result == Result.WARN
    assert "“No”" in finding.evidence


# --- CS-2 ---------------------------------------------------------------------------------------------------------


def test_cs2_passes_with_three_core_members_from_two_sectors_each_with_a_contact():
    p = PartnershipFactory()
    member(p, "Acme Ltd", "private", core=True)
    member(p, "River NGO", core=True)
    member(p, "Water Ministry", "public", core=True)
    member(p, "Not core", core=False, contact=False)
    finding = check("CS-2", p)
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "The core group has 3 members (Acme Ltd, River NGO, Water Ministry) from Civil society, Private sector, "
        "Public sector, each with a contact person."
    )


def test_cs2_fails_with_too_few_core_members_and_names_them():
    p = PartnershipFactory()
    member(p, "Acme Ltd", "private", core=True)
    member(p, "River NGO", core=True)
    finding = check("CS-2", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == "Only 2 members are in the core group (Acme Ltd, River NGO); at least 3 are needed."
    assert reverse("stakeholders:members", kwargs={"partnership_pk": p.pk}) in urls(finding)


def test_cs2_fails_with_one_sector_and_a_member_without_contact():
    p = PartnershipFactory()
    member(p, "River NGO", core=True)
    member(p, "Lake NGO", core=True)
    silent = member(p, "Silent NGO", core=True, is_active=False)
    finding = check("CS-2", p)
    assert finding.result == Result.FAIL
    assert "The core group comes from 1 sector (Civil society); at least 2 are needed." in finding.evidence
    assert "1 of 3 core-group members has no active contact person: Silent NGO." in finding.evidence
    assert ("Silent NGO", reverse("organisations:detail", args=[silent.organisation_id])) in finding.links


def test_cs2_fails_without_a_core_group():
    p = PartnershipFactory()
    member(p, "River NGO")
    finding = check("CS-2", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == "No active member is marked as core group; at least 3 are needed."


def test_cs2_thresholds_are_the_partnerships():
    p = PartnershipFactory()
    member(p, "Acme Ltd", "private", core=True)
    member(p, "River NGO", core=True)
    assert check("CS-2", p).result == Result.FAIL
    assert check("CS-2", p, min_core=2).result == Result.PASS


def test_cs2_ignores_members_who_left():
    p = PartnershipFactory()
    for name, sector in (("Acme Ltd", "private"), ("River NGO", "civil_society"), ("Lake NGO", "civil_society")):
        member(p, name, sector, core=True)
    gone = member(p, "Gone Corp", "private", core=True)
    gone.left_on = dt.date(2026, 1, 1)
    gone.save()
    finding = check("CS-2", p)
    assert finding.result == Result.PASS
    assert "Gone Corp" not in finding.evidence


# --- CS-7 ---------------------------------------------------------------------------------------------------------


def test_cs7_passes_when_every_member_has_a_senior_contact():
    p = PartnershipFactory()
    member(p, "Acme Ltd", seniority="executive")
    member(p, "River NGO", seniority="senior_management", may_sign=True)
    finding = check("CS-7", p)
    assert finding.result == Result.PASS
    assert finding.evidence == "All 2 members have an active senior contact (executive or senior management)."


def test_cs7_warns_and_names_members_with_staff_contacts_only():
    p = PartnershipFactory()
    member(p, "Acme Ltd", seniority="executive")
    member(p, "River NGO", seniority="staff", may_sign=True)
    lapsed = member(p, "Lake NGO", seniority="executive", is_active=False)
    finding = check("CS-7", p)
    assert finding.result == Result.WARN
    assert finding.evidence.startswith("2 of 3 members have no active senior contact")
    assert finding.evidence.endswith(": Lake NGO, River NGO.")
    assert ("Lake NGO", reverse("organisations:detail", args=[lapsed.organisation_id])) in finding.links


# --- CM-1 ---------------------------------------------------------------------------------------------------------


def test_cm1_passes_with_three_sectors_of_society():
    p = PartnershipFactory()
    member(p, "Acme Ltd", "private")
    member(p, "River NGO")
    member(p, "Uni", "academia")
    finding = check("CM-1", p)
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "Active members come from 3 of the four sectors of society: Private sector, Civil society, "
        "Academia and research."
    )


def test_cm1_warns_and_names_missing_sectors_and_the_map_candidates():
    from tests.stakeholders.factories import MapEntryFactory

    p = PartnershipFactory()
    member(p, "River NGO")
    member(p, "Donor Fund", "funder")
    ministry = MapEntryFactory(partnership=p, organisation=OrganisationFactory(name="Water Ministry", sector="public"))
    finding = check("CM-1", p)
    assert finding.result == Result.WARN
    assert "1 of the four sectors of society (Civil society)" in finding.evidence
    assert "Missing: Public sector, Private sector, Academia and research." in finding.evidence
    assert "On the stakeholder map from those sectors: Water Ministry." in finding.evidence
    edit = reverse("stakeholders:map_edit", kwargs={"partnership_pk": p.pk, "pk": ministry.pk})
    assert ("Water Ministry", edit) in finding.links


def test_cm1_threshold_is_the_partnerships():
    p = PartnershipFactory()
    member(p, "Acme Ltd", "private")
    member(p, "River NGO")
    assert check("CM-1", p).result == Result.WARN
    assert check("CM-1", p, min_sectors=2).result == Result.PASS


# --- PM-6 ---------------------------------------------------------------------------------------------------------


def test_pm6_passes_when_every_member_can_be_reached():
    p = PartnershipFactory()
    member(p, "Acme Ltd")
    member(p, "River NGO")
    finding = check("PM-6", p)
    assert finding.result == Result.PASS
    assert finding.evidence == "All 2 members have an active contact person with an e-mail address."


def test_pm6_fails_and_names_the_members_no_one_can_write_to():
    p = PartnershipFactory()
    member(p, "Acme Ltd")
    member(p, "River NGO", email="")
    member(p, "Lake NGO", is_active=False)
    member(p, "Mute NGO", contact=False)
    finding = check("PM-6", p)
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "3 of 4 members have no active contact person with an e-mail address: Lake NGO, Mute NGO, River NGO."
    )
    assert reverse("stakeholders:contacts", kwargs={"partnership_pk": p.pk}) in urls(finding)


def test_pm6_fails_without_members():
    finding = check("PM-6", PartnershipFactory())
    assert finding.result == Result.FAIL
    assert finding.evidence == "The partnership has no active members yet."


def test_evidence_names_five_records_then_counts_the_rest():
    p = PartnershipFactory()
    for n in range(8):
        member(p, f"NGO {n}", email="")
    finding = check("PM-6", p)
    assert finding.evidence.endswith(": NGO 0, NGO 1, NGO 2, NGO 3, NGO 4 and 3 more.")
    assert len(finding.links) == 1 + 5


def test_a_member_joining_later_is_not_yet_counted():
    p = PartnershipFactory()
    member(p, "Acme Ltd")
    later = member(p, "Future NGO", email="")
    later.joined_on = TODAY + dt.timedelta(days=10)
    later.save()
    assert check("PM-6", p).result == Result.PASS


def test_the_evidence_is_in_the_readers_language():
    p = PartnershipFactory()
    for n in range(7):
        member(p, f"ONG {n}", email="")
    with translation.override("fr"):
        french = check("PM-6", p).evidence
    with translation.override("de"):
        german = check("PM-6", p).evidence
    assert french == (
        "7 des 7 membres n'ont pas de personne de contact active avec une adresse e-mail : "
        "ONG 0, ONG 1, ONG 2, ONG 3, ONG 4 et 2 autres."
    )
    assert german == (
        "7 von 7 Mitgliedern haben keine aktive Ansprechperson mit E-Mail-Adresse: "
        "ONG 0, ONG 1, ONG 2, ONG 3, ONG 4 und 2 weitere."
    )
