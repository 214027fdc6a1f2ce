"""The data migration that fills the parties of versions sent before parties were stored."""

import datetime as dt
from importlib import import_module

from django.apps import apps as django_apps
from django.utils import timezone

from governance import selectors, services
from governance.models import MouParty, MouScan, MouVersion, RoadmapParty, RoadmapVersion
from tests.governance.factories import member, mou_draft, roadmap_draft, sign

fill = import_module("governance.migrations.0003_fill_parties").fill


def test_it_fills_parties_from_signatures_approvals_and_the_members_of_the_day_sent(
    partnership, secretariat, kofi, awa
):
    in_force = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(in_force, kofi)
    sign(in_force, awa)
    # A scan attached before the scan history existed: on the version only, with no MouScan row (scans are
    # append-only now, so the state before the migration is written directly rather than deleted into shape).
    MouVersion.objects.filter(pk=in_force.pk).update(
        signed_scan="mou-scans/s.pdf", scan_uploaded_at=timezone.now(), scan_uploaded_by=secretariat
    )
    signing = services.mou_send_for_signature(
        version=services.mou_version_create(partnership=partnership, by=secretariat), by=secretariat
    )
    sign(signing, kofi)
    roadmap = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=roadmap, by=kofi)
    ten_days_ago = timezone.now() - dt.timedelta(days=10)
    MouVersion.objects.filter(pk=signing.pk).update(for_signature_at=ten_days_ago)
    RoadmapVersion.objects.filter(pk=roadmap.pk).update(sent_at=ten_days_ago)
    from stakeholders.models import Membership

    Membership.objects.filter(partnership=partnership).update(joined_on=ten_days_ago.date() - dt.timedelta(days=1))
    late = member(partnership, "late", org_name="Latecomer Ltd")  # joined today, after everything was sent
    MouParty.objects.all().delete()
    RoadmapParty.objects.all().delete()
    assert not MouScan.objects.exists()

    fill(django_apps, None)

    names = lambda version: {o.name for o in selectors.parties(version)}  # noqa: E731
    assert names(MouVersion.objects.get(pk=in_force.pk)) == {"Ghana Cocoa Board", "Kavokiva"}
    assert names(MouVersion.objects.get(pk=signing.pk)) == {"Ghana Cocoa Board", "Kavokiva"}
    assert names(RoadmapVersion.objects.get(pk=roadmap.pk)) == {"Ghana Cocoa Board", "Kavokiva"}
    assert late.contact.organisation.name == "Latecomer Ltd"
    assert MouScan.objects.get().version_id == in_force.pk
