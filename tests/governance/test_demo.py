from django.core.management import call_command

from governance.models import MouComment, MouSignature, MouVersion, RoadmapVersion
from stakeholders.selectors import active_member_organisations


def test_the_demo_has_an_mou_in_force_signed_by_all_and_one_partially_signed_with_open_comments(db, shared_demo):
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


def test_demo_partners_see_their_signing_form(client, db, shared_demo):
    water = MouVersion.objects.get(status="partially_signed")
    assert client.login(username="wanjiru", password="msp-demo")
    body = client.get(water.get_absolute_url()).content.decode()
    assert "Signed by Wanjiru Njoroge" in body


def _signature_panel(client, version):
    body = client.get(version.get_absolute_url()).content.decode()
    return body.split('id="signatures"')[1].split("</section>")[0], body


def test_in_the_cocoa_demo_a_new_member_leaves_every_signed_and_approved_version_as_it_was(
    client, db, shared_demo, tmp_path
):
    import shutil
    import subprocess

    from django.urls import reverse

    from tests.factories import MembershipFactory, OrganisationFactory

    cocoa = MouVersion.objects.get(status="in_force").partnership
    v1, v2 = MouVersion.objects.filter(partnership=cocoa).order_by("number")
    roadmap = RoadmapVersion.objects.get(partnership=cocoa, status="approved")
    assert client.login(username="amina", password="msp-demo")
    before = {v.pk: _signature_panel(client, v)[0] for v in (v1, v2)}
    roadmap_before = client.get(roadmap.get_absolute_url()).content.decode().split('id="approvals"')[1]
    list_before = client.get(reverse("governance:mou_list", args=[cocoa.pk])).content.decode()
    assert "8 / 8" in list_before and "7 / 7" in list_before

    MembershipFactory(partnership=cocoa, organisation=OrganisationFactory(name="Newly Joined Cooperative"))

    for version in (v1, v2):
        panel, body = _signature_panel(client, version)
        assert panel == before[version.pk]
        assert "Newly Joined Cooperative" not in panel
    assert "In force: signed by every party." in _signature_panel(client, v2)[1]
    roadmap_after = client.get(roadmap.get_absolute_url()).content.decode().split('id="approvals"')[1]
    assert roadmap_after.split("</section>")[0] == roadmap_before.split("</section>")[0]
    list_after = client.get(reverse("governance:mou_list", args=[cocoa.pk])).content.decode()
    assert "8 / 8" in list_after and "7 / 7" in list_after

    if shutil.which("pdftotext"):
        pdf = tmp_path / "v2.pdf"
        # The cocoa partnership works in French; the English copy is the one these words are in.
        url = reverse("governance:mou_pdf", args=[cocoa.pk, v2.number]) + "?language=en"
        pdf.write_bytes(client.get(url).content)
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        assert "Newly Joined Cooperative" not in text and "not signed" not in text
        assert text.count("signed on paper") == 6


def test_demo_actions_are_credited_to_who_would_have_done_them(db, shared_demo):
    from msp.models import ActivityEntry

    in_force = MouVersion.objects.get(status="in_force")
    online = in_force.signatures.filter(method="online").select_related("signed_by")
    assert {s.signed_by.username for s in online} == {"kofi", "awa"}
    for signature in in_force.signatures.all():
        entry = ActivityEntry.objects.get(
            content_type__model="mousignature", object_pk=str(signature.pk), action=ActivityEntry.Action.CREATE
        )
        if signature.method == "online":
            assert entry.actor == signature.signed_by
        else:
            assert signature.method == "paper" and signature.evidence and signature.signed_by is None
            assert entry.actor.username == "amina" == signature.recorded_by.username
