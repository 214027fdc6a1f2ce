from django.core.management import call_command

from msp.models import Partnership, PartnershipRole
from phases.models import PhaseTransition


def test_the_demo_loads_three_partnerships_in_different_phases_and_is_idempotent(db, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "amina" in out and "password for all: msp-demo" in out
    phases = sorted(Partnership.objects.values_list("phase", flat=True))
    assert phases == [1, 2, 3]
    counts = (Partnership.objects.count(), PartnershipRole.objects.count(), PhaseTransition.objects.count())
    call_command("demo", quiet_logins=True)
    assert (
        Partnership.objects.count(),
        PartnershipRole.objects.count(),
        PhaseTransition.objects.count(),
    ) == counts


def test_demo_users_can_sign_in(client, db, shared_demo):
    assert client.login(username="amina", password="msp-demo")
    assert client.get("/").status_code == 200


def test_demo_partnerships_work_in_different_languages(db, shared_demo):
    languages = dict(Partnership.objects.values_list("name", "language"))
    assert languages["Sustainable Cocoa Partnership Ghana & Côte d'Ivoire"] == "fr"
    assert languages["Upper Tana Water Partnership, Kenya"] == "en"
