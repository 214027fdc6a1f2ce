"""Fill the parties of versions sent before parties were stored, and the scan history.

As best known: an approved roadmap's parties are the organisations that approved it, and an MoU version that came
into force was signed by its parties; for a version still awaiting approval or signature (or superseded before
it), the parties are the organisations that approved or signed plus the members active on the day it was sent.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def _members_on(Membership, partnership_id, when):
    day = timezone.localdate(when) if when else timezone.localdate()
    return set(
        Membership.objects.filter(partnership_id=partnership_id, joined_on__lte=day)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=day))
        .values_list("organisation_id", flat=True)
    )


def fill(apps, schema_editor):
    Membership = apps.get_model("stakeholders", "Membership")
    RoadmapVersion = apps.get_model("governance", "RoadmapVersion")
    RoadmapParty = apps.get_model("governance", "RoadmapParty")
    MouVersion = apps.get_model("governance", "MouVersion")
    MouParty = apps.get_model("governance", "MouParty")
    MouScan = apps.get_model("governance", "MouScan")
    now = timezone.now()

    for version in RoadmapVersion.objects.exclude(status="draft"):
        approved = set(version.approvals.values_list("organisation_id", flat=True))
        orgs = (
            approved
            if version.approved_at
            else approved | _members_on(Membership, version.partnership_id, version.sent_at)
        )
        RoadmapParty.objects.bulk_create(
            [RoadmapParty(version=version, organisation_id=o, added_at=version.sent_at or now) for o in orgs]
        )

    for version in MouVersion.objects.exclude(status="draft"):
        rows = []
        if version.sent_at:
            approved = set(version.approvals.values_list("organisation_id", flat=True))
            orgs = approved | _members_on(Membership, version.partnership_id, version.sent_at)
            rows += [
                MouParty(version=version, purpose="approve", organisation_id=o, added_at=version.sent_at) for o in orgs
            ]
        if version.for_signature_at:
            signed = set(version.signatures.values_list("organisation_id", flat=True))
            orgs = (
                signed
                if version.in_force_at
                else signed | _members_on(Membership, version.partnership_id, version.for_signature_at)
            )
            rows += [
                MouParty(version=version, purpose="sign", organisation_id=o, added_at=version.for_signature_at)
                for o in orgs
            ]
        MouParty.objects.bulk_create(rows)
        if version.signed_scan:
            MouScan.objects.create(
                version=version,
                file=version.signed_scan.name,
                uploaded_at=version.scan_uploaded_at or now,
                uploaded_by_id=version.scan_uploaded_by_id,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_parties_paper_records_scans"),
        ("stakeholders", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
