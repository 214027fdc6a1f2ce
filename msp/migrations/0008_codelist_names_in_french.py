"""The French names IATI publishes for the SDG goals and targets, stored next to the English ones.

This migration's `load` is the reference-data loader of the core from now on (tests reload the codelists with
it after a flush): countries, currencies, SDG goals and targets from msp/data/iati/ (IATI Standard,
http://iatistandard.org/, CC BY 4.0, copied unchanged), English and French names. Idempotent: it updates names,
and never deletes a code (records may point at withdrawn ones). Country and currency names in other languages come
from CLDR at display time (msp.codelists), so only the codelists' own names are stored.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data" / "iati"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def items(filename):
    """(code, English name, French name or "", withdrawn) per codelist item, in the codelist's order."""
    root = ET.parse(DATA / filename).getroot()
    for item in root.iter("codelist-item"):
        narratives = item.find("name").findall("narrative")
        by_language = {n.get(XML_LANG, "en"): (n.text or "").strip() for n in narratives}
        english = by_language.get("en") or (narratives[0].text or "").strip()
        yield item.findtext("code").strip(), english, by_language.get("fr", ""), item.get("status") == "withdrawn"


def load(apps, schema_editor):
    Country = apps.get_model("msp", "Country")
    Currency = apps.get_model("msp", "Currency")
    SdgGoal = apps.get_model("msp", "SdgGoal")
    SdgTarget = apps.get_model("msp", "SdgTarget")
    for code, name, _fr, withdrawn in items("Country.xml"):
        Country.objects.update_or_create(code=code, defaults={"name": name, "withdrawn": withdrawn})
    for code, name, _fr, withdrawn in items("Currency.xml"):
        Currency.objects.update_or_create(code=code, defaults={"name": name, "withdrawn": withdrawn})
    for code, name, name_fr, _ in items("UNSDG-Goals.xml"):
        SdgGoal.objects.update_or_create(number=int(code), defaults={"name": name, "name_fr": name_fr})
    for position, (code, text, text_fr, _) in enumerate(items("UNSDG-Targets.xml")):
        SdgTarget.objects.update_or_create(
            code=code,
            defaults={
                "goal_id": int(code.split(".")[0]),
                "description": text,
                "description_fr": text_fr,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    # Written in parallel with 0007 (the working language); numbered after it.
    dependencies = [("msp", "0007_profile_language_working_language")]

    operations = [
        migrations.AddField(
            model_name="sdggoal",
            name="name_fr",
            field=models.CharField(blank=True, max_length=400, verbose_name="name in French"),
        ),
        migrations.AddField(
            model_name="sdgtarget",
            name="description_fr",
            field=models.TextField(blank=True, verbose_name="description in French"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
