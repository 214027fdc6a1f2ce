"""The French names IATI publishes for organisation types, stored next to the English ones.

This migration's `load` is the app's reference-data loader from now on (tests reload the codelist with it after a
flush): the OrganisationType codelist from stakeholders/data/iati/ (IATI Standard, http://iatistandard.org/,
CC BY 4.0, copied unchanged), English and French names. Idempotent; codes are never deleted.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data" / "iati"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load(apps, schema_editor):
    OrganisationType = apps.get_model("stakeholders", "OrganisationType")
    root = ET.parse(DATA / "OrganisationType.xml").getroot()
    for item in root.iter("codelist-item"):
        names = {n.get(XML_LANG, "en"): (n.text or "").strip() for n in item.find("name").findall("narrative")}
        OrganisationType.objects.update_or_create(
            code=item.findtext("code").strip(), defaults={"name": names["en"], "name_fr": names.get("fr", "")}
        )


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0005_invitation_email_in_outbox")]

    operations = [
        migrations.AddField(
            model_name="organisationtype",
            name="name_fr",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in French"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
