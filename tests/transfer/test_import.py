"""manage.py import_partnership: what it matches, creates and refuses."""

import hashlib
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from msp.documents import StoredDocument, document_keep
from msp.models import ActivityEntry, Partnership
from stakeholders.models import ContactPerson, Organisation
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory
from transfer.export import build_export
from transfer.load import ImportRefused, partnership_import
from transfer.models import PartnershipOrigin

pytestmark = pytest.mark.django_db
ELSEWHERE = "msp.elsewhere.example#0123456789ab"


@pytest.fixture
def export(partnership, secretariat, partner):
    """The fixture partnership's export, as if made by another installation."""
    member = OrganisationFactory(name="Cocoa Growers Union", iati_identifier="GH-CSO-1", country_id="GH")
    MembershipFactory(partnership=partnership, organisation=member)
    ContactFactory(organisation=member, user=partner, email=partner.email)
    document_keep(
        subject=partnership, kind=StoredDocument.Kind.DONOR_REPORT, language="en", content=b"%PDF", name="r.pdf"
    )
    out = io.BytesIO()
    build_export(partnership, out)
    return rewrite(
        out.getvalue(),
        manifest=lambda m: {
            **m,
            "source_installation": ELSEWHERE,
            "identity": f"{ELSEWHERE}/msp.partnership:{partnership.pk}",
        },
    )


def rewrite(blob, manifest=None, members=None):
    """A copy of the ZIP `blob` with `members` changed ({member: function of its bytes}) and the manifest's hashes
    brought up to date; `manifest`: a function of the manifest that changes it further."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    data = json.loads(source.read("manifest.json"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name == "manifest.json":
                continue
            content = source.read(name)
            change = (members or {}).get(name)
            if change:
                content = change(content)
                data["files"][name]["sha256"] = hashlib.sha256(content).hexdigest()
            target.writestr(name, content)
        target.writestr("manifest.json", json.dumps(manifest(data) if manifest else data))
    return out.getvalue()


def load(blob, **kwargs):
    return partnership_import(io.BytesIO(blob), **kwargs)


def test_it_loads_a_partnership_matching_the_registry_and_people(export, partnership, partner):
    loader = load(export)

    copy = loader.partnership
    assert copy.pk != partnership.pk and copy.name == partnership.name
    assert copy.origin.identity == f"{ELSEWHERE}/msp.partnership:{partnership.pk}"
    assert set(copy.countries.values_list("code", flat=True)) == {"GH", "CI"}
    assert copy.memberships.get().organisation == Organisation.objects.get(iati_identifier="GH-CSO-1")
    assert copy.roles.get(user=partner).role == "partner"  # matched by e-mail, not created
    assert Organisation.objects.filter(name="Cocoa Growers Union").count() == 1
    assert ContactPerson.objects.filter(user=partner).count() == 1
    document = StoredDocument.objects.get(subject_id=copy.pk)
    assert (
        document.read() == b"%PDF"
        and document.file.name != StoredDocument.objects.get(subject_id=partnership.pk).file.name
    )
    assert loader.matched["auth.user"] == 2 and loader.created["auth.user"] == 0


def test_it_keeps_the_exported_activity_feed_and_adds_no_entries_of_its_own(export, partnership):
    before = ActivityEntry.objects.count()
    exported = ActivityEntry.objects.filter(partnership=partnership).count()

    copy = load(export).partnership

    assert ActivityEntry.objects.count() == before + exported
    entry = ActivityEntry.objects.filter(partnership=copy, object_id=copy.pk).first()
    assert entry.object_pk == str(copy.pk) and entry.additional_data["partnership"] == copy.pk


def test_it_refuses_the_same_export_twice_unless_asked_for_a_new_copy(export, partnership):
    first = load(export).partnership

    with pytest.raises(ImportRefused, match=f"partnership {first.pk} has the same export identity"):
        load(export)
    second = load(export, as_new=True).partnership

    assert second.pk not in (first.pk, partnership.pk)
    assert not PartnershipOrigin.objects.filter(partnership=second).exists()
    assert Partnership.objects.filter(name=partnership.name).count() == 3


def test_it_refuses_an_export_of_a_partnership_this_installation_still_has(partnership):
    out = io.BytesIO()
    build_export(partnership, out)

    with pytest.raises(ImportRefused, match="already here"):
        load(out.getvalue())


def test_it_creates_people_it_does_not_know_without_a_usable_password(export, partner):
    def other_person(content):
        return content.replace(partner.email.encode(), b"new.person@example.org")

    loader = load(rewrite(export, members={"reference/auth.user.json": other_person}))

    person = get_user_model().objects.get(email="new.person@example.org")
    assert person.username == f"{partner.username}-2" and not person.has_usable_password()
    assert loader.partnership.roles.get(user=person).role == "partner"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"manifest": lambda m: {**m, "format_version": 2}}, "format version 2"),
        ({"manifest": lambda m: {k: v for k, v in m.items() if k != "format"}}, "not a partnership export"),
        ({"manifest": lambda m: {**m, "files": {**m["files"], "data/extra.json": {}}}}, "differ from its manifest"),
        ({"manifest": lambda m: {**m, "counts": {**m["counts"], "msp.partnership": 2}}}, "as many records"),
        (None, None),
    ],
)
def test_it_refuses_a_damaged_or_unknown_export_and_writes_nothing(export, change, message):
    if message is None:  # a member changed after the manifest was written
        source = zipfile.ZipFile(io.BytesIO(export))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for name in source.namelist():
                content = source.read(name)
                target.writestr(name, content + b" " if name == "data/msp.partnership.json" else content)
        blob, message = out.getvalue(), "damaged"
    else:
        blob = rewrite(export, **change)
    partnerships = Partnership.objects.count()

    with pytest.raises(ImportRefused, match=message):
        load(blob)
    assert Partnership.objects.count() == partnerships


def test_a_failed_import_leaves_no_files_behind(export, settings):
    def unknown_kind(content):
        return content.replace(b'"contenttypes.contenttype:msp.partnership"', b'"contenttypes.contenttype:no.such"')

    files = sorted(p for p in settings.PRIVATE_MEDIA_ROOT.rglob("*") if p.is_file())

    with pytest.raises(ImportRefused, match="no.such"):
        load(rewrite(export, members={"data/msp.activityentry.json": unknown_kind}))
    assert sorted(p for p in settings.PRIVATE_MEDIA_ROOT.rglob("*") if p.is_file()) == files


def test_the_command_prints_a_summary_and_refuses_with_a_clear_message(export, tmp_path, capsys):
    path = tmp_path / "export.zip"
    path.write_bytes(export)

    call_command("import_partnership", str(path))
    printed = capsys.readouterr().out
    assert "Imported “Cocoa Partnership” as partnership" in printed
    assert "stakeholders.organisation" in printed and "matched with existing ones" in printed

    with pytest.raises(CommandError, match="--as-new"):
        call_command("import_partnership", str(path))
    path.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not a readable ZIP"):
        call_command("import_partnership", str(path))


def test_an_export_made_today_says_so(export):
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(export)).read("manifest.json"))
    assert manifest["exported_at"].startswith(str(timezone.now().date()))
