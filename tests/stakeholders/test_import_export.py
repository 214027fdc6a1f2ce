"""Spreadsheet import (all rows or none, every row checked and shown) and export (which imports unchanged)."""

import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from msp.models import PartnershipRole, Role
from stakeholders import services, spreadsheets
from stakeholders.models import ContactPerson, Membership, Organisation, StakeholderMapEntry
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory

from .factories import MapEntryFactory

CONTACTS_CSV = """Organisation,Short name,Sector,IATI organisation type,Country,Website,Contact name,Job title,Seniority,E-mail,May sign
Ghana Cocoa Board,COCOBOD,Public sector,10,Ghana,https://cocobod.example,Esi Mensah,Director,Executive,esi@cocobod.example,yes
Ghana Cocoa Board,COCOBOD,Public sector,10,GH,,Kwame Ofori,Officer,staff,kwame@cocobod.example,no
Kakao Handels GmbH,,private,71,DE,,,,,,
Université Félix Houphouët-Boigny,UFHB,Academia and research,80,Côte d'Ivoire,,Aya Kouassi,Professor,senior_management,aya@ufhb.example,
"""


def upload(name, content):
    if isinstance(content, str):
        content = content.encode("utf-8")
    return SimpleUploadedFile(name, content)


def import_url(partnership):
    return reverse("stakeholders:import", kwargs={"partnership_pk": partnership.pk})


def check_and_import(client, partnership, name, content, kind):
    preview = client.post(import_url(partnership), {"kind": kind, "file": upload(name, content)})
    pending = preview.context["pending"]
    confirm = client.post(
        reverse("stakeholders:import_confirm", kwargs={"partnership_pk": partnership.pk}),
        {"pending": pending.pk if pending else ""},
    )
    return preview, confirm


@pytest.fixture
def signed_in(client, secretariat):
    client.force_login(secretariat)
    return client


def test_a_valid_file_shows_every_row_then_imports_all(signed_in, partnership):
    preview = signed_in.post(import_url(partnership), {"kind": "contacts", "file": upload("people.csv", CONTACTS_CSV)})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "The file is valid: 4 rows." in html
    assert html.count('data-row="') == 4
    assert "new, as row 2" in html  # the second COCOBOD row uses the organisation of the first
    assert not Organisation.objects.exists()  # the check writes nothing

    response = signed_in.post(
        reverse("stakeholders:import_confirm", kwargs={"partnership_pk": partnership.pk}),
        {"pending": preview.context["pending"].pk},
        follow=True,
    )
    assert "3 new organisations, 3 new contact persons" in response.content.decode()
    board = Organisation.objects.get(name="Ghana Cocoa Board")
    assert (board.short_name, board.sector, board.iati_type_id, board.country_id) == ("COCOBOD", "public", "10", "GH")
    assert board.website == "https://cocobod.example"
    assert sorted(board.contacts.values_list("name", "may_sign", "seniority")) == [
        ("Esi Mensah", True, "executive"),
        ("Kwame Ofori", False, "staff"),
    ]
    assert Organisation.objects.get(short_name="UFHB").country_id == "CI"
    assert not Organisation.objects.get(name="Kakao Handels GmbH").contacts.exists()


def test_one_bad_row_imports_nothing_and_reports_that_row(signed_in, partnership):
    bad = CONTACTS_CSV.replace("kwame@cocobod.example", "kwame-at-cocobod")
    preview = signed_in.post(import_url(partnership), {"kind": "contacts", "file": upload("people.csv", bad)})
    assert preview.status_code == 400
    html = preview.content.decode()
    assert "Nothing was imported" in html
    assert "1 row has errors" in html
    [row] = preview.context["preview"].error_rows
    assert row.number == 3
    assert row.errors == ["E-mail: Enter a valid email address."]
    assert "Import all rows" not in html
    # and the confirm button cannot be forced: nothing is waiting
    assert preview.context["pending"] is None
    response = signed_in.post(
        reverse("stakeholders:import_confirm", kwargs={"partnership_pk": partnership.pk}),
        {"pending": ""},
        follow=True,
    )
    assert "no checked file waiting" in response.content.decode()
    assert not Organisation.objects.exists() and not ContactPerson.objects.exists()


@pytest.mark.parametrize(
    "change, error",
    [
        (("Public sector", "Government"), "Sector: “Government” is not one of"),
        (("Ghana,https", "Ghanaland,https"), "Country: “Ghanaland” is not a country we know"),
        (("Executive", "Boss"), "Seniority: “Boss” is not one of"),
        (
            ("Ghana Cocoa Board,COCOBOD,Public sector,10,Ghana", ",COCOBOD,Public sector,10,Ghana"),
            "Organisation is missing.",
        ),
        ((",yes\n", ",perhaps\n"), "May sign: “perhaps” is not yes or no."),
        (("https://cocobod.example", "not a site"), "Website: Enter a valid URL."),
    ],
)
def test_each_kind_of_bad_value_is_reported_on_its_row(partnership, secretariat, change, error):
    content = CONTACTS_CSV.replace(*change, 1)
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="x.csv", content=content.encode())
    assert not preview.valid
    assert [e for r in preview.rows for e in r.errors if e.startswith(error)], [r.errors for r in preview.rows]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("people.xlsx", b"this is not a workbook", "“people.xlsx” is not a XLSX file inside"),
        ("people.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("people.csv", b"", "file is empty"),
        ("people.csv", b"Organisation\n", "The file has column names but no rows."),
        ("people.csv", b"Name,Sector\nA,public\n", "Missing columns: Organisation."),
        ("people.csv", b"Organisation,Sector,Favourite colour\nA,public,blue\n", "Unknown columns: Favourite colour."),
        ("people.csv", b"Organisation,Sector\nA,public,extra\n", "Row 2 has 3 cells"),
        ("people.csv", "Organisation,Sector\n\xff\xfe,public\n".encode("latin-1"), None),  # cp1252 is read
    ],
)
def test_a_malformed_file_or_wrong_columns_are_refused_as_a_whole(signed_in, partnership, name, content, problem):
    response = signed_in.post(import_url(partnership), {"kind": "contacts", "file": upload(name, content)})
    assert response.status_code in (200, 400)  # the form's own errors answer 200, a checked file with errors 400
    if problem is None:
        assert response.status_code == 200 and "The file is valid" in response.content.decode()
        return
    assert problem in response.content.decode()
    assert "Import all rows" not in response.content.decode()
    assert not Organisation.objects.exists()


def test_duplicates_against_the_registry_are_flagged(signed_in, partnership):
    existing = OrganisationFactory(name="Ghana Cocoa Board", sector="public")
    ContactFactory(organisation=existing, name="Esi Mensah", email="esi@cocobod.example")
    OrganisationFactory(name="Kakao Handelshaus", sector="private")  # near, not the same
    OrganisationFactory(name="Université Félix Houphouët-Boigny (UFHB)", sector="academia")
    preview = spreadsheets.preview(
        partnership=partnership, kind="contacts", filename="p.csv", content=CONTACTS_CSV.encode()
    )
    assert preview.valid
    rows = {(r.number): r for r in preview.rows}
    assert rows[2].organisation_status == "registry"  # exact name: linked, not duplicated
    assert rows[2].skip == "Esi Mensah is already a contact of Ghana Cocoa Board: skipped."
    assert rows[3].organisation_status == "registry" and not rows[3].skip
    assert (
        rows[4].warnings and "Possible duplicate" in rows[4].warnings[0] and "Kakao Handelshaus" in rows[4].warnings[0]
    )
    assert rows[4].organisation_status == "new"
    assert "Possible duplicate" in rows[5].warnings[0]  # the short name in brackets, accents: still found

    response = signed_in.post(import_url(partnership), {"kind": "contacts", "file": upload("p.csv", CONTACTS_CSV)})
    html = response.content.decode()
    assert "Possible duplicate" in html and "in the registry" in html
    services.stakeholders_import(
        partnership=partnership,
        by=response.wsgi_request.user,
        kind="contacts",
        filename="p.csv",
        content=CONTACTS_CSV.encode(),
    )
    assert Organisation.objects.filter(name="Ghana Cocoa Board").count() == 1
    assert existing.contacts.count() == 2  # Kwame added, Esi not again


def test_the_same_organisation_twice_in_a_members_file_is_an_error(partnership):
    content = "Organisation,Sector\nA,public\nB,private\na.,public\n"
    preview = spreadsheets.preview(partnership=partnership, kind="members", filename="m.csv", content=content.encode())
    assert [(r.number, r.errors) for r in preview.error_rows] == [(4, ["The same organisation as row 2."])]


def test_numbers_too_large_for_the_database_are_reported_not_crashed_on(partnership):
    content = "Organisation,Sector,Capacity (person-days a year)\nA,public,99999999999999999999\n"
    preview = spreadsheets.preview(partnership=partnership, kind="members", filename="m.csv", content=content.encode())
    [row] = preview.error_rows
    assert row.errors == [
        "Capacity (person-days a year): Declare at most 100,000 person-days a year (about 450 people full time)."
    ]


def test_partners_cannot_import(client, partnership, partner):
    client.force_login(partner)
    response = client.post(import_url(partnership), {"kind": "contacts", "file": upload("p.csv", CONTACTS_CSV)})
    assert response.status_code == 403
    assert not Organisation.objects.exists()


def test_legal_forms_and_accents_do_not_make_a_new_organisation(partnership):
    OrganisationFactory(name="Kakao Handels AG", sector="private")
    content = "Organisation,Sector\nKakao Handels GmbH,private\nKAKAO-HANDELS,private\n"
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="a.csv", content=content.encode())
    assert [r.organisation_status for r in preview.rows] == ["registry", "registry"]
    assert preview.new_organisations == 0


def test_the_service_checks_again_and_writes_nothing_when_a_row_is_invalid(partnership, secretariat):
    """The service does not trust an earlier check: an invalid file is refused as a whole."""
    content = "Organisation,Sector,IATI identifier\nNew One,public,XM-DAC-1\nNew Two,public,XM-DAC-1\n"
    with pytest.raises(services.ImportRefused) as refused:
        services.stakeholders_import(
            partnership=partnership, by=secretariat, kind="contacts", filename="a.csv", content=content.encode()
        )
    assert refused.value.preview.error_rows[0].number == 3
    assert not Organisation.objects.exists()


# --- export, and back in ------------------------------------------------------------------------------------------


@pytest.fixture
def populated(partnership):
    gh = OrganisationFactory(
        name="Ghana Cocoa Board", short_name="COCOBOD", sector="public", country_id="GH", iati_type_id="10"
    )
    coop = OrganisationFactory(name="Coopérative Agricole de Soubré", sector="civil_society", country_id="CI")
    firm = OrganisationFactory(name="Choco AG", sector="private", country_id="CH", website="https://choco.example")
    MembershipFactory(
        partnership=partnership,
        organisation=gh,
        role="initiator",
        iati_role="2",
        is_core_group=True,
        capacity_person_days=40,
    )
    MembershipFactory(partnership=partnership, organisation=coop, role="core_partner", is_core_group=True)
    MembershipFactory(
        partnership=partnership,
        organisation=firm,
        role="funder",
        iati_role="1",
        joined_on="2024-01-01",
        left_on="2025-06-30",
    )
    ContactFactory(
        organisation=gh, name="Esi Mensah", email="esi@cocobod.example", seniority="executive", may_sign=True
    )
    ContactFactory(organisation=coop, name="Awa Koné", email="awa@coop.example", phone="+225 07 00")
    MapEntryFactory(
        partnership=partnership,
        organisation=gh,
        power=5,
        interest=4,
        influence=5,
        engagement="partner",
        is_key=True,
        is_champion=True,
        country_id="GH",
    )
    MapEntryFactory(
        partnership=partnership,
        organisation=coop,
        power=2,
        interest=5,
        engagement="consulted",
        is_target_group=True,
        country_id="CI",
        notes="Two village meetings; more to come.",
        last_engaged_on="2025-10-01",
    )
    return partnership


def _export(client, partnership, what, fmt):
    response = client.get(
        reverse(f"stakeholders:{what}_export", kwargs={"partnership_pk": partnership.pk}), {"format": fmt}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response.content


def _snapshot(partnership):
    members = sorted(
        (
            m.organisation.name,
            m.organisation.sector,
            m.organisation.country_id,
            m.role,
            m.iati_role,
            m.is_core_group,
            m.joined_on,
            m.left_on,
            m.capacity_person_days,
        )
        for m in Membership.objects.filter(partnership=partnership).select_related("organisation")
    )
    entries = sorted(
        (
            e.organisation.name,
            e.power,
            e.interest,
            e.influence,
            e.engagement,
            e.is_key,
            e.is_target_group,
            e.is_champion,
            e.country_id,
            e.last_engaged_on,
            e.notes,
        )
        for e in StakeholderMapEntry.objects.filter(partnership=partnership).select_related("organisation")
    )
    contacts = sorted(
        (c.organisation.name, c.name, c.email, c.phone, c.seniority, c.may_sign, c.is_active)
        for c in ContactPerson.objects.filter(organisation__memberships__partnership=partnership)
        .select_related("organisation")
        .distinct()
    )
    return members, entries, contacts


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_round_trip_through_the_import(client, populated, secretariat, fmt):
    """Export members, map and contacts; wipe the registry; import the three files: the same data is back."""
    client.force_login(secretariat)
    files = {what: _export(client, populated, what, fmt) for what in ("members", "map", "contacts")}
    before = _snapshot(populated)

    fresh = PartnershipFactory(name="Fresh start")
    PartnershipRole.objects.create(partnership=fresh, user=secretariat, role=Role.SECRETARIAT)
    Membership.objects.all().delete()
    StakeholderMapEntry.objects.all().delete()
    Organisation.objects.all().delete()

    for kind in ("members", "map", "contacts"):
        preview, confirm = check_and_import(client, fresh, f"{kind}.{fmt}", files[kind], kind)
        assert preview.status_code == 200, [r.errors for r in preview.context["preview"].rows] + preview.context[
            "preview"
        ].problems
        assert confirm.status_code == 302
    assert _snapshot(fresh) == before
    assert Organisation.objects.get(name="Ghana Cocoa Board").iati_type_id == "10"


def test_an_export_of_the_same_partnership_imports_as_all_skipped(client, populated, secretariat):
    client.force_login(secretariat)
    content = _export(client, populated, "members", "csv")
    preview = spreadsheets.preview(partnership=populated, kind="members", filename="m.csv", content=content)
    assert preview.valid and preview.records == 0 and preview.skipped == 3


def test_the_csv_export_opens_in_excel_with_accents(client, populated, partner):
    client.force_login(partner)  # partners may export: they see the same information
    content = _export(client, populated, "contacts", "csv")
    assert content.startswith("\ufeff".encode())
    data = tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    assert "Awa Koné" in data["Contact name"]
    assert data.headers[:3] == ["Organisation", "Short name", "Sector"]


def test_the_xlsx_export_is_a_workbook(client, populated, secretariat):
    client.force_login(secretariat)
    content = _export(client, populated, "map", "xlsx")
    data = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    assert sorted(data["Organisation"]) == ["Coopérative Agricole de Soubré", "Ghana Cocoa Board"]
    assert sorted(data["Power"]) == [2, 5]


def test_donors_cannot_export(client, populated, donor):
    client.force_login(donor)
    for what in ("members", "map", "contacts"):
        url = reverse(f"stakeholders:{what}_export", kwargs={"partnership_pk": populated.pk})
        assert client.get(url).status_code == 403
