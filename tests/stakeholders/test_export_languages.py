"""An export is written in the exporting user's language (column and choice labels, country and organisation-type
names) and imports back in any interface language."""

import pytest
from django.conf import settings
from django.utils import translation

from msp.models import PartnershipRole, Role
from stakeholders.columns import choice_names, in_every_language
from stakeholders.models import Membership, Organisation, StakeholderMapEntry
from tests.factories import PartnershipFactory

from .test_import_export import _export, _snapshot, check_and_import, populated  # noqa: F401 (a fixture)


class Label:
    """Stands in for a translated label (the catalogues are the translators'): its text follows the language."""

    def __init__(self, **texts):
        self.texts = texts

    def __str__(self):
        return self.texts.get(translation.get_language(), self.texts["en"])


def test_labels_are_read_in_every_language_the_active_one_first():
    label = Label(en="Funding", fr="Financement", de="Finanzierung")
    with translation.override("de"):
        assert in_every_language(label) == ["Finanzierung", "Funding", "Financement"]
        assert choice_names([("1", label)]) == {"1": "1", "finanzierung": "1", "funding": "1", "financement": "1"}


def use(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return {"HTTP_ACCEPT_LANGUAGE": language}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_french_export_imports_for_a_german_speaking_colleague(client, populated, secretariat, fmt):  # noqa: F811
    client.force_login(secretariat)
    use(client, "fr")
    files = {what: _export(client, populated, what, fmt) for what in ("members", "map", "contacts")}
    if fmt == "csv":
        members = files["members"].decode("utf-8-sig")
        assert "10 Gouvernement" in members and "Suisse" in members  # IATI's and CLDR's French names
    before = _snapshot(populated)
    fresh = PartnershipFactory(name="Neuanfang")
    PartnershipRole.objects.create(partnership=fresh, user=secretariat, role=Role.SECRETARIAT)
    Membership.objects.all().delete()
    StakeholderMapEntry.objects.all().delete()
    Organisation.objects.all().delete()

    use(client, "de")
    for kind in ("members", "map", "contacts"):
        preview, confirm = check_and_import(client, fresh, f"{kind}.{fmt}", files[kind], kind)
        assert preview.status_code == 200 and confirm.status_code == 302, [
            r.errors for r in preview.context["preview"].rows
        ] + preview.context["preview"].problems
    assert _snapshot(fresh) == before
    assert Organisation.objects.get(name="Ghana Cocoa Board").iati_type_id == "10"
