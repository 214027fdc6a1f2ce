from django.core.management import call_command

from governance.models import MouComment, MouSignature, MouVersion, RoadmapVersion
from stakeholders.selectors import active_member_organisations


def test_the_demo_has_an_mou_in_force_signed_by_all_and_one_partially_signed_with_open_comments(db):
    call_command("demo", quiet_logins=True)
    cocoa = MouVersion.objects.get(status="in_force").partnership
    assert "Cocoa" in cocoa.name
    in_force = MouVersion.objects.get(partnership=cocoa, status="in_force")
    members = set(active_member_organisations(cocoa).values_list("pk", flat=True))
    assert len(members) == 8
    assert set(in_force.signatures.values_list("organisation", flat=True)) == members
    assert all(s.fingerprint == in_force.compute_fingerprint() for s in in_force.signatures.all())
    roadmap = RoadmapVersion.objects.get(partnership=cocoa, status="approved")
    assert set(roadmap.approvals.values_list("organisation", flat=True)) == members
    assert roadmap.vision and roadmap.goals.exists() and roadmap.nodes.filter(level="impact").exists()

    water = MouVersion.objects.get(status="partially_signed")
    assert "Water" in water.partnership.name
    assert 0 < water.signatures.count() < active_member_organisations(water.partnership).count()
    assert MouComment.objects.filter(version=water, resolved_at__isnull=True, parent__isnull=True).exists()

    wanjiru = water.signatures.get(signed_by__username="wanjiru")
    assert wanjiru.organisation.name == "Water Resources Authority – Tana Basin"

    counts = (MouVersion.objects.count(), MouSignature.objects.count(), RoadmapVersion.objects.count())
    call_command("demo", quiet_logins=True)
    assert (MouVersion.objects.count(), MouSignature.objects.count(), RoadmapVersion.objects.count()) == counts


def test_demo_partners_see_their_signing_form(client, db):
    call_command("demo", quiet_logins=True)
    water = MouVersion.objects.get(status="partially_signed")
    assert client.login(username="wanjiru", password="msp-demo")
    body = client.get(water.get_absolute_url()).content.decode()
    assert "Signed by Wanjiru Njoroge" in body
