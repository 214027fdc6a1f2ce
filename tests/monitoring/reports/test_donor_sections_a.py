"""The donor report's summary, status, map movement, governance, checklist and annex sections: what a donor reading
them would check, rendered through monitoring.reports.donor.build (and, for the demo, as the PDF a donor gets)."""

import datetime as dt
import html
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from governance.models import Body, Decision, DecisionPosition, Meeting, MouParty, MouSignature, Seat
from monitoring.models import ReportKind
from monitoring.reports import donor, jobs
from msp.models import Partnership
from phases.models import ChecklistRun, RunItem
from tests.factories import MembershipFactory, OrganisationFactory, TransitionFactory, UserFactory
from tests.governance.factories import MouVersionFactory
from tests.stakeholders.factories import MapEntryFactory

pytestmark = pytest.mark.django_db

START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
ARTIFACTS = Path(__file__).resolve().parents[3] / "var" / "test-artifacts" / "reports" / "donor-sections-a"
PART_A = ("summary", "status", "movement", "governance", "checklist", "annex")


def at(day, hour=10):
    return timezone.make_aware(dt.datetime.fromisoformat(f"{day}T{hour:02d}:00"))


def report_for(partnership, start=START, end=END, language="en"):
    return jobs.report_request(
        kind=ReportKind.DONOR, period_start=start, period_end=end, language=language, partnership=partnership
    )


def sections(report) -> dict:
    """{section key: its text, tags stripped and spaces collapsed} of the report's HTML."""
    with translation.override(report.language):
        made = donor.build(report, lambda key: None).html
    found = re.findall(r'<section class="report-section" id="section-(\w+)">(.*?)</section>', made, re.S)
    return {key: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()) for key, body in found}


def snapshot(*rows):
    return {
        "stakeholder_map": [
            {"organisation": org.pk, "name": org.name, "power": p, "interest": i, "engagement": e}
            for org, p, i, e in rows
        ]
    }


# --- empty states ----------------------------------------------------------------------------------------------


def test_a_new_partnership_gets_an_empty_state_in_every_section(partnership):
    text = sections(report_for(partnership))
    assert "The partnership had not changed phase by the end of the period." in text["status"]
    assert "The partnership had no members at the end of the period." in text["status"]
    assert "No stakeholder is on the map." in text["status"]
    assert "there is no earlier map to compare with" in text["movement"]
    assert "has not set up a governance body yet" in text["governance"]
    assert "No meeting was held in the period." in text["governance"]
    assert "No decision was adopted in the period." in text["governance"]
    assert "had not been evaluated by the end of the period" in text["checklist"]
    assert "has not drafted a Memorandum of Understanding yet" in text["annex"]
    assert "0 key decisions were adopted in the period." in text["summary"]
    assert "the partnership was in its Initiation phase." in text["summary"]  # entered after the period: no date


# --- summary and status ----------------------------------------------------------------------------------------


def test_the_summary_and_status_count_the_members_of_the_periods_last_day(partnership):
    public = OrganisationFactory(name="Cocoa Board", sector="public")
    MembershipFactory(
        partnership=partnership,
        organisation=public,
        role="initiator",
        is_core_group=True,
        joined_on=dt.date(2024, 1, 1),
    )
    MembershipFactory(
        partnership=partnership, organisation=OrganisationFactory(name="Farmers Union"), joined_on=dt.date(2025, 1, 1)
    )
    MembershipFactory(
        partnership=partnership,
        organisation=OrganisationFactory(name="Left Early"),
        joined_on=dt.date(2025, 1, 1),
        left_on=dt.date(2026, 3, 1),
    )
    MembershipFactory(
        partnership=partnership, organisation=OrganisationFactory(name="Joined Later"), joined_on=dt.date(2026, 9, 1)
    )
    text = sections(report_for(partnership))
    assert "it had 2 member organisations, 1 of them in the core group" in text["summary"]
    status = text["status"]
    assert (
        "Members by sector Sector Members Organisations Public sector 1 Cocoa Board Civil society 1 Farmers Union"
        in (status)
    )
    assert "Members by role Role Members Organisations Initiator 1 Cocoa Board Partner 1 Farmers Union" in status
    assert "Left Early" not in status and "Joined Later" not in status


def test_the_summary_counts_indicator_lights_of_checked_periods_as_they_stood_at_the_periods_end(partnership):
    from tests.monitoring.factories import ActualFactory, IndicatorFactory, PeriodFactory

    locked = timezone.now()

    def indicator(*periods):
        made = IndicatorFactory(partnership=partnership)
        for start, value, is_locked in periods:
            period = PeriodFactory(
                indicator=made, start=start, end=start + dt.timedelta(days=89), locked_at=locked if is_locked else None
            )
            ActualFactory(period=period, value=Decimal(value))
        return made

    indicator((dt.date(2026, 1, 1), 95, True), (dt.date(2026, 7, 1), 10, True))  # red only after the period: green
    indicator((dt.date(2026, 1, 1), 10, True))  # red
    indicator((dt.date(2026, 4, 1), 95, False))  # not checked yet: no data for a donor
    text = sections(report_for(partnership))["summary"]
    assert "Of its 3 indicators: 1 on track, 0 at risk, 1 off track, 1 without checked data yet." in text
    assert "1 / 0 / 1 / 1" in text


def test_status_shows_the_phase_and_the_moves_as_they_stood_at_the_periods_end(partnership, secretariat):
    TransitionFactory(partnership=partnership, from_phase=1, to_phase=2, by=secretariat, created_at=at("2025-05-02"))
    TransitionFactory(
        partnership=partnership, from_phase=2, to_phase=3, note="Roadmap agreed", created_at=at("2026-08-01")
    )
    partnership.phase = 3
    partnership.save()
    text = sections(report_for(partnership))
    assert "the partnership was in phase 2, Design, since 2 May 2025" in text["status"]
    assert "1. Initiation → 2. Design" in text["status"]
    assert secretariat.get_full_name() in text["status"]
    assert "Roadmap agreed" not in text["status"]  # after the period
    assert "was in its Design phase, which it entered on 2 May 2025" in text["summary"]


def test_status_draws_the_power_interest_grid_with_its_table(partnership):
    MapEntryFactory(partnership=partnership, organisation=OrganisationFactory(name="Cocoa Board"), power=5, interest=4)
    with translation.override("en"):
        made = donor.build(report_for(partnership), lambda key: None).html
    status = made.split('id="section-status"')[1].split("</section>")[0]
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in status and 'role="img"' in status
    assert "<title" in status and "<desc" in status
    assert re.search(
        r"<th scope=\"row\"[^>]*>Cocoa Board</th><td>5</td><td>4</td><td>3</td><td>Manage closely</td>", status
    )


# --- movement --------------------------------------------------------------------------------------------------


def test_movement_compares_the_last_transition_before_the_end_with_the_next_ones_snapshot(partnership):
    board, trader, union = (OrganisationFactory(name=n) for n in ("Cocoa Board", "Trader", "Union"))
    TransitionFactory(
        partnership=partnership, created_at=at("2025-10-01"), from_phase=1, to_phase=2,
        snapshots=snapshot((board, 5, 2, "informed"), (trader, 4, 4, "involved"), (union, 3, 5, "partner")),
    )  # fmt: skip
    TransitionFactory(
        partnership=partnership, created_at=at("2026-09-01"), from_phase=2, to_phase=3,
        snapshots=snapshot((board, 5, 4, "partner"), (trader, 4, 3, "involved"), (union, 3, 5, "consulted")),
    )  # fmt: skip
    MapEntryFactory(partnership=partnership, organisation=union, power=5, interest=5)  # today's: not the period's
    text = sections(report_for(partnership))["movement"]
    assert "compared with the map stored at its next phase transition, on 1 Sep 2026" in text
    assert "Entered the “manage closely” quadrant (high power, high interest): Cocoa Board." in text
    assert "Left the “manage closely” quadrant: Trader." in text
    assert "Engagement rose: Cocoa Board (Informed → Partner)." in text
    assert "Engagement fell: Union (Partner → Consulted)." in text


def test_movement_compares_with_todays_map_when_the_partnership_has_not_moved_since(partnership):
    board, ministry = OrganisationFactory(name="Cocoa Board"), OrganisationFactory(name="Ministry")
    TransitionFactory(
        partnership=partnership, created_at=at("2025-10-01"),
        snapshots=snapshot((board, 4, 4, "partner"), (ministry, 5, 3, "informed")),
    )  # fmt: skip
    MapEntryFactory(partnership=partnership, organisation=board, power=4, interest=4, engagement="partner")
    MapEntryFactory(partnership=partnership, organisation=OrganisationFactory(name="Newcomer"), power=5, interest=5)
    text = sections(report_for(partnership))["movement"]
    assert "compared with the map today" in text
    assert "Entered the “manage closely” quadrant (high power, high interest): Newcomer." in text
    assert "New on the map: Newcomer." in text
    assert "No longer on the map: Ministry." in text
    assert "1 other stakeholder kept the same place and engagement." in text


def test_movement_says_why_there_is_nothing_to_compare_when_the_transitions_stored_no_map(partnership):
    TransitionFactory(partnership=partnership, created_at=at("2025-10-01"), snapshots={})
    text = sections(report_for(partnership))["movement"]
    assert "were made before the stakeholder map was kept with each transition" in text


def test_movement_says_so_when_nobody_moved(partnership):
    board = OrganisationFactory(name="Cocoa Board")
    TransitionFactory(
        partnership=partnership, created_at=at("2025-10-01"), snapshots=snapshot((board, 3, 3, "informed"))
    )
    MapEntryFactory(partnership=partnership, organisation=board, power=3, interest=3, engagement="informed")
    assert "Nobody moved on the map" in sections(report_for(partnership))["movement"]


# --- governance ------------------------------------------------------------------------------------------------


def test_governance_lists_bodies_meetings_and_how_the_periods_decisions_were_reached(partnership):
    board, union, bank = (OrganisationFactory(name=n) for n in ("Cocoa Board", "Farmers Union", "Green Bank"))
    committee = Body.objects.create(partnership=partnership, name="Steering Committee", is_primary=True)
    Seat.objects.create(body=committee, organisation=board, is_chair=True)
    Seat.objects.create(body=committee, organisation=union, is_voting=False)
    meeting = Meeting.objects.create(
        partnership=partnership,
        body=committee,
        title="Half-year review",
        start=at("2026-03-10"),
        end=at("2026-03-10", 13),
    )
    Meeting.objects.create(
        partnership=partnership, title="Old meeting", start=at("2025-03-10"), end=at("2025-03-10", 13)
    )

    def decision(title, day, outcome="adopted", **kwargs):
        return Decision.objects.create(
            partnership=partnership, title=title, status="decided", outcome=outcome, decided_on=day, **kwargs
        )

    plan = decision("Annual plan 2026", dt.date(2026, 3, 10), body=committee, meeting=meeting, method="majority")
    decision("Choose the auditor", dt.date(2026, 3, 24), method="delegated", delegated_by=plan)
    decision("Rejected fee", dt.date(2026, 3, 10), outcome="rejected")
    decision("Old plan", dt.date(2025, 3, 10))
    for org, position in ((board, "support"), (union, "support"), (bank, "abstain")):
        DecisionPosition.objects.create(decision=plan, organisation=org, position=position)

    text = sections(report_for(partnership))["governance"]
    assert (
        "Steering Committee primary decision-making body Steering committee 2 (1) Cocoa Board (chair); "
        "Farmers Union (non-voting)"
    ) in text
    assert "Half-year review Steering Committee 0 Annual plan 2026" in text
    assert "Old meeting" not in text
    assert "Annual plan 2026 10 Mar 2026 Majority · Steering Committee · Half-year review · Adopted" in text
    assert "Support: 2; Abstain: 1" in text
    assert "Choose the auditor 24 Mar 2026 Delegated · delegated by “Annual plan 2026” · Adopted" in text
    assert "Rejected fee" not in text and "Old plan" not in text
    assert "Green Bank" not in text  # positions are counted, never named


# --- checklist -------------------------------------------------------------------------------------------------


def test_the_checklist_section_shows_the_last_run_before_the_end_with_its_failures_first(partnership):
    def run(day, overall):
        return ChecklistRun.objects.create(
            partnership=partnership, phase=2, trigger="manual", created_at=at(day), overall=overall,
            health={"CS": 1.0, "CM": 0.5, "SR": 0.25},
        )  # fmt: skip

    used = run("2026-06-20", 0.62)
    run("2026-08-01", 0.9)  # after the period
    RunItem.objects.create(run=used, item_id="CM-2", result="warn", evidence="Two key stakeholders only informed.")
    RunItem.objects.create(run=used, item_id="SR-1", result="fail", evidence="No budget line for the secretariat.")
    RunItem.objects.create(run=used, item_id="CS-1", result="pass", evidence="Problem statement agreed.")
    text = sections(report_for(partnership))["checklist"]
    assert "on 20 Jun 2026" in text and "overall health at 62%" in text
    assert "Health per area" in text and "Cooperation management 50%" in text
    assert "Pass Warning Fail Needs confirmation 1 1 1 0" in text
    assert text.index("SR-1") < text.index("CM-2")  # failures first
    assert "No budget line for the secretariat." in text and "Two key stakeholders only informed." in text
    assert "Problem statement agreed." not in text


# --- annex -----------------------------------------------------------------------------------------------------


def test_the_annex_shows_the_mou_in_force_its_signatures_and_whose_signature_is_awaited(partnership):
    board, union, bank = (OrganisationFactory(name=n) for n in ("Cocoa Board", "Farmers Union", "Green Bank"))
    signed = MouVersionFactory(partnership=partnership, status="in_force", in_force_at=at("2025-11-05"))
    pending = MouVersionFactory(partnership=partnership, status="partially_signed", for_signature_at=at("2026-05-01"))
    for version, orgs in ((signed, (board, union)), (pending, (board, union, bank))):
        for org in orgs:
            MouParty.objects.create(version=version, organisation=org, purpose="sign")
    MouSignature.objects.create(
        version=signed, organisation=board, signer_name="Esi Mensima", signer_position="Chief Executive",
        signed_at=at("2025-11-01"), fingerprint="a" * 64,
    )  # fmt: skip
    MouSignature.objects.create(
        version=signed, organisation=union, signer_name="Kofi Boateng", signer_position="Secretary",
        signed_at=at("2025-11-04"), fingerprint="a" * 64, method="paper",
    )  # fmt: skip
    MouSignature.objects.create(
        version=pending, organisation=board, signer_name="Esi Mensima", signer_position="Chief Executive",
        signed_at=at("2026-05-02"), fingerprint="b" * 64,
    )  # fmt: skip
    text = sections(report_for(partnership))["annex"]
    assert f"version {signed.number}" in text and "in force since 5 Nov 2025" in text
    assert "Cocoa Board Esi Mensima, Chief Executive 1 Nov 2025 in the app" in text
    assert "Farmers Union Kofi Boateng, Secretary 4 Nov 2025 on paper" in text
    assert f"Version {pending.number} was sent for signature on 1 May 2026; 2 parties have not signed it yet." in text
    assert "Green Bank Not signed yet" in text


# --- queries ---------------------------------------------------------------------------------------------------


def _grow(partnership, n, secretariat):
    body = Body.objects.create(partnership=partnership, name=f"Committee {n}")
    version = MouVersionFactory(partnership=partnership, status="in_force", in_force_at=at("2025-11-05"))
    orgs = []
    for i in range(n):
        org = OrganisationFactory()
        orgs.append(org)
        MembershipFactory(partnership=partnership, organisation=org, joined_on=dt.date(2025, 1, 1))
        MapEntryFactory(partnership=partnership, organisation=org, power=1 + i % 5, interest=1 + (i * 2) % 5)
        Seat.objects.create(body=body, organisation=org)
        MouParty.objects.create(version=version, organisation=org, purpose="sign")
        MouSignature.objects.create(
            version=version, organisation=org, signer_name="X", signer_position="Y", fingerprint="c" * 64
        )
        meeting = Meeting.objects.create(
            partnership=partnership, body=body, title=f"M{i}", start=at("2026-02-01"), end=at("2026-02-01", 12)
        )
        meeting.organisations.add(org)
        decision = Decision.objects.create(
            partnership=partnership, title=f"D{i}", status="decided", outcome="adopted",
            decided_on=dt.date(2026, 2, 1), meeting=meeting, body=body,
        )  # fmt: skip
        DecisionPosition.objects.create(decision=decision, organisation=org, position="support")
        TransitionFactory(
            partnership=partnership, by=secretariat, created_at=at("2025-06-01") + dt.timedelta(days=i),
            from_phase=1 + i % 2, to_phase=2 - i % 2, snapshots=snapshot((org, 4, 4, "informed")),
        )  # fmt: skip
    run = ChecklistRun.objects.create(partnership=partnership, phase=2, trigger="manual", created_at=at("2026-06-01"))
    for item in ("CS-1", "CM-2", "SR-1")[: max(1, n // 3)]:
        RunItem.objects.create(run=run, item_id=item, result="warn")


def _part_a_queries(report):
    ctx = donor.ReportContext(report)
    with translation.override("en"), CaptureQueriesContext(connection) as captured:
        for section in donor.SECTIONS:
            if section.key in PART_A:
                section.collect(ctx)
    return len(captured)


def test_the_part_a_sections_run_the_same_queries_for_small_and_large_partnerships(secretariat):
    small, large = Partnership.objects.create(name="Small"), Partnership.objects.create(name="Large")
    _grow(small, 2, secretariat)
    _grow(large, 12, UserFactory())
    assert _part_a_queries(report_for(small)) == _part_a_queries(report_for(large))


# --- the demo --------------------------------------------------------------------------------------------------


@pytest.fixture
def cocoa(db, shared_demo):
    return Partnership.objects.get(name__startswith="Sustainable Cocoa")


def test_the_demo_map_moved_between_cocoas_transitions_and_since_its_last(cocoa):
    between = sections(report_for(cocoa, dt.date(2025, 1, 1), dt.date(2025, 6, 30)))["movement"]
    assert "moved from Implementation to Design on 10 Apr 2025" in between
    assert (
        "Entered the “manage closely” quadrant (high power, high interest): Conseil Ivoirien de la Filière Cacao."
        in (between)
    )
    assert "Left the “manage closely” quadrant: West Africa Cocoa Traders Ltd." in between

    today = timezone.localdate()
    since = sections(report_for(cocoa, today - dt.timedelta(days=365), today))["movement"]
    assert "moved from Design to Implementation on 1 Sep 2025, compared with the map today" in since
    assert "Entered the “manage closely” quadrant (high power, high interest): Chocolaterie Europa GmbH." in since
    assert "Engagement fell: Ministry of Lands and Forestry, Ghana (Consulted → Informed)." in since


def test_the_cocoa_donor_pdf_shows_the_part_a_sections(cocoa, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    report = jobs.report_generate(report_for(cocoa, today - dt.timedelta(days=365), today).pk)
    pdf = tmp_path / "cocoa-donor.pdf"
    pdf.write_bytes(report.document.read())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept to look at, whatever the assertions say
    for old in ARTIFACTS.glob("page-*.png"):
        old.unlink()
    shutil.copy(pdf, ARTIFACTS / "cocoa-donor.pdf")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "page")], check=True)
    assert len(list(ARTIFACTS.glob("page-*.png"))) >= 10
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    for heading in ("Summary", "Status of the partnership", "How the stakeholder map moved", "Governance",
                    "Success-factor checklist", "Annex: MoU status and signatures"):  # fmt: skip
        assert text.count(heading) >= 2, heading  # in the contents and as the section's heading
    assert "Of its 12 indicators: 8 on track" in text and "Budget: Committed" in text
    assert re.search(r"EUR \d{1,3}(,\d{3})*\.\d{2}", text)  # money in the reporting currency
    assert "Phase transitions so far" in text and "Members by sector" in text and "Power/interest grid of" in text
    assert "half-year review" in text and "Health per area" in text
    assert "Kofi Boateng" in text and "on paper" in text

    french = sections(report_for(cocoa, today - dt.timedelta(days=365), today, language="fr"))
    assert "Membres par secteur" in french["status"]
    assert "Entré dans le quadrant « gérer de près »" in french["movement"]
