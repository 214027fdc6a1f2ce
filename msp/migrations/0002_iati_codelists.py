"""Load the IATI codelists the core needs: countries, currencies, SDG goals and targets.

Source: IATI Standard (http://iatistandard.org/), CC BY 4.0. The XML files are copied unchanged into
msp/data/iati/. Re-running updates names; codes are never deleted (records may point at withdrawn ones).
"""

import xml.etree.ElementTree as ET
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "iati"


def items(filename):
    root = ET.parse(DATA / filename).getroot()
    for item in root.iter("codelist-item"):
        code = item.findtext("code").strip()
        name = next(
            (n.text.strip() for n in item.find("name").findall("narrative") if not n.attrib),
            item.find("name").find("narrative").text.strip(),
        )
        yield code, name, item.get("status") == "withdrawn"


def load(apps, schema_editor):
    Country = apps.get_model("msp", "Country")
    Currency = apps.get_model("msp", "Currency")
    SdgGoal = apps.get_model("msp", "SdgGoal")
    SdgTarget = apps.get_model("msp", "SdgTarget")
    for code, name, withdrawn in items("Country.xml"):
        Country.objects.update_or_create(code=code, defaults={"name": name, "withdrawn": withdrawn})
    for code, name, withdrawn in items("Currency.xml"):
        Currency.objects.update_or_create(code=code, defaults={"name": name, "withdrawn": withdrawn})
    for code, name, _ in items("UNSDG-Goals.xml"):
        SdgGoal.objects.update_or_create(number=int(code), defaults={"name": name})
    for position, (code, name, _) in enumerate(items("UNSDG-Targets.xml")):
        SdgTarget.objects.update_or_create(
            code=code,
            defaults={"goal_id": int(code.split(".")[0]), "description": name, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("msp", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
