"""Load the IATI OrganisationType codelist. Source: IATI Standard (http://iatistandard.org/), CC BY 4.0,
copied unchanged into stakeholders/data/iati/."""

import xml.etree.ElementTree as ET
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "iati"


def load(apps, schema_editor):
    OrganisationType = apps.get_model("stakeholders", "OrganisationType")
    root = ET.parse(DATA / "OrganisationType.xml").getroot()
    for item in root.iter("codelist-item"):
        name = next(n.text.strip() for n in item.find("name").findall("narrative") if not n.attrib)
        OrganisationType.objects.update_or_create(code=item.findtext("code").strip(), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
