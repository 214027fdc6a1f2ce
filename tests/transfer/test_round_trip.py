"""Acceptance 7: a partnership export round-trips.

The demo's cocoa partnership, topped up with one row of each exported model the demo leaves empty (and a file in
every file field), is exported (A); then every table is emptied, as in a new installation; A is imported; the
imported partnership is exported again (B). Every record of A must be in B with the same fields once identifiers
are mapped through the import's id map, and every file must come back with the same bytes.
"""

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.utils import timezone

from governance.models import (
    DecisionPosition,
    MouApproval,
    MouComment,
    MouScan,
    MouVersion,
    TransactionImportMapping,
)
from msp.models import ActivityEntry, Partnership
from phases.models import HealthCheck, HealthCheckScore, ParameterOverride
from transfer import graph
from transfer.export import build_export
from transfer.load import partnership_import
from transfer.services import partnership_export

pytestmark = pytest.mark.django_db
KEY = re.compile(r"^[a-z_]+\.[a-z_]+:.+$")
PDF = b"%PDF-1.4\n% round trip\n%%EOF\n"


def fill_gaps(partnership, secretariat):
    """One row of each exported model the demo leaves empty on this partnership, and a file in each file field."""
    version = MouVersion.objects.filter(partnership=partnership).order_by("pk").first()
    member = partnership.memberships.select_related("organisation").first().organisation
    MouApproval.objects.create(
        version=version, organisation=member, by=secretariat, approver_name="A. Approver", method="paper",
        evidence=ContentFile(PDF, name="approval.pdf"), recorded_by=secretariat,
    )  # fmt: skip
    comment = MouComment.objects.create(version=version, author=secretariat, body="Clause 2 needs a date.")
    MouComment.objects.create(version=version, author=secretariat, body="Added.", parent=comment)
    MouScan.objects.create(version=version, file=ContentFile(PDF, name="scan.pdf"), uploaded_by=secretariat)
    MouVersion.objects.filter(pk=version.pk).update(
        signed_scan=MouVersion._meta.get_field("signed_scan").storage.save("mou-scans/signed.pdf", ContentFile(PDF))
    )
    position = DecisionPosition.objects.filter(decision__partnership=partnership).first()
    position.evidence.save("letter.pdf", ContentFile(PDF))
    TransactionImportMapping.objects.create(partnership=partnership, choices={"date": "Booking date"})
    ParameterOverride.objects.create(partnership=partnership, item_id="1.1", name="minimum", value="2.50")
    check = HealthCheck.objects.create(
        partnership=partnership, title="Mid-term", closes_on=timezone.localdate(), item_ids=["1.1"]
    )
    HealthCheckScore.objects.create(
        health_check=check,
        item_id="1.1",
        organisation_id=member.pk,
        organisation_name=member.name,
        score=4,
        by=secretariat,
    )


def read(handle):
    with zipfile.ZipFile(handle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        members = {name: archive.read(name) for name in archive.namelist() if name != "manifest.json"}
    return manifest, members


def empty_every_table():
    """A new installation: every table emptied (sequences kept, so new keys differ from the old ones), then what
    migrate creates by itself (content types, permissions). Codelists stay empty: the import must bring them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # run the pending foreign-key checks, or TRUNCATE refuses
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=False))
    ContentType.objects.clear_cache()
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    assert not Partnership.objects.exists() and not get_user_model().objects.exists()


@pytest.fixture
def content_type_cache():
    """The test's rollback brings the old content types back: forget the ones cached after the flush."""
    yield
    ContentType.objects.clear_cache()


def mapped(value, ids):
    """`value` (a field of an A record) as it must read in B: identifiers of A's records become B's."""
    if isinstance(value, list):
        return [mapped(item, ids) for item in value]
    if isinstance(value, str) and KEY.match(value) and value in ids:
        return f"{graph.parse_key(value)[0]}:{ids[value]}"
    return value


def test_a_demo_partnership_round_trips_into_an_empty_installation(monkeypatch, content_type_cache):
    # The demo's reports are stored PDFs; WeasyPrint would take most of the test's time to make them, and any bytes
    # will do for a round trip.
    monkeypatch.setattr("msp.documents.render_pdf", lambda html, **options: PDF + html[:64].encode())
    call_command("demo", quiet_logins=True)
    partnership = Partnership.objects.get(name__startswith="Sustainable Cocoa")
    secretariat = get_user_model().objects.get(username="amina")
    fill_gaps(partnership, secretariat)
    out, _ = partnership_export(partnership=partnership, by=secretariat)
    with out:
        blob = out.read()
    manifest_a, members_a = read(io.BytesIO(blob))
    assert ActivityEntry.objects.filter(partnership=partnership, action=ActivityEntry.Action.ACCESS).exists()

    empty = {name for name, count in manifest_a["counts"].items() if count == 0}
    assert not empty, f"the test partnership has no rows of {sorted(empty)}: add one in fill_gaps"
    with_files = {m.split("/")[1] + "." + m.split("/")[3] for m in members_a if m.startswith("files/")}
    for name, (model, _owner) in graph.scoped_models().items():
        for field in graph.file_fields(model):
            assert f"{name}.{field.name}" in with_files, f"no file of {name}.{field.name} in the export"

    empty_every_table()
    source = io.BytesIO(blob)
    loader = partnership_import(source)
    imported = loader.partnership
    ids = {key: str(pk) for key, pk in loader.ids.items()}

    target = io.BytesIO()
    build_export(Partnership.objects.get(pk=imported.pk), target)
    target.seek(0)
    manifest_b, members_b = read(target)

    assert manifest_b["counts"] == manifest_a["counts"]
    assert manifest_b["identity"] == manifest_a["identity"]
    compared = 0
    for member, content in members_a.items():
        if member.startswith("files/"):
            continue
        records_b = {record["id"]: record for record in json.loads(members_b[member])}
        for record in json.loads(content):
            other = records_b.pop(mapped(record["id"], ids))
            expected = {name: mapped(value, ids) for name, value in record["fields"].items()}
            actual = dict(other["fields"])
            for name, value in expected.items():
                if isinstance(value, dict) and "path" in value:  # a file: same bytes (the stored name may differ)
                    assert members_b[actual[name]["path"]] == members_a[value["path"]], (record["id"], name)
                    expected[name] = actual[name] = None
                if isinstance(value, list):  # many-to-many: a set
                    expected[name], actual[name] = sorted(value), sorted(actual[name])
            if isinstance(expected.get("additional_data"), dict) and "partnership" in expected["additional_data"]:
                expected["additional_data"]["partnership"] = imported.pk
            assert actual == expected, record["id"]
            compared += 1
        assert not records_b, f"{member}: records in B that A did not have"
    assert compared == sum(manifest_a["counts"].values())
    assert {m for m in members_b if m.startswith("files/")}.__len__() == len(
        [m for m in members_a if m.startswith("files/")]
    )
