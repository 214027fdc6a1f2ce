"""Reference names follow the interface language: IATI's French names for SDG goals, targets and organisation
types, CLDR's names for countries and currencies; English where no source has the language (IATI has no German)."""

import re
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from msp import services
from msp.forms import PartnershipForm
from msp.models import ActivityEntry, Country, Currency, SdgGoal, SdgTarget
from stakeholders.models import OrganisationType
from tests.factories import MembershipFactory, OrganisationFactory

MSP_LOADER = "msp.migrations.0008_codelist_names_in_french"
STAKEHOLDERS_LOADER = "stakeholders.migrations.0006_organisation_type_name_in_french"


def in_language(client, language):
    """Ask for pages in `language` as a browser set to it does (and as the language cookie does)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return {"HTTP_ACCEPT_LANGUAGE": language}


def test_the_loader_stores_iatis_french_names(db):
    assert SdgGoal.objects.get(number=1).name_fr.startswith("Objectif 1. Éliminer la pauvreté")
    assert SdgTarget.objects.get(code="6.1").description_fr.startswith("D’ici à 2030, assurer l’accès universel")
    assert OrganisationType.objects.get(code="22").name_fr == "ONG nationale"
    assert SdgGoal.objects.exclude(name_fr="").count() == 17
    assert SdgTarget.objects.exclude(description_fr="").count() == 169


def test_the_loader_is_idempotent_and_restores_a_name(db):
    SdgGoal.objects.filter(number=6).update(name_fr="")
    OrganisationType.objects.filter(code="10").update(name_fr="")
    counts = (Country.objects.count(), Currency.objects.count(), SdgTarget.objects.count())
    for loader in (MSP_LOADER, STAKEHOLDERS_LOADER):
        import_module(loader).load(django_apps, None)
        import_module(loader).load(django_apps, None)
    assert (Country.objects.count(), Currency.objects.count(), SdgTarget.objects.count()) == counts
    assert SdgGoal.objects.get(number=6).name_fr.startswith("Objectif 6.")
    assert OrganisationType.objects.get(code="10").name_fr == "Gouvernement"


@pytest.mark.parametrize(
    "language, goal, country, currency, org_type",
    [
        ("en", "Goal 6. Ensure availability", "Côte d'Ivoire", "EUR – Euro", "22 National NGO"),
        (
            "fr",
            "Objectif 6. Garantir l’accès de tous à des services d’alimentation en eau",
            "Côte d’Ivoire",
            "EUR – euro",
            "22 ONG nationale",
        ),
        # IATI publishes no German: goals and organisation types stay English; CLDR has the rest.
        ("de", "Goal 6. Ensure availability", "Côte d’Ivoire", "EUR – Euro", "22 National NGO"),
    ],
)
def test_names_in_each_language(db, language, goal, country, currency, org_type):
    with translation.override(language):
        assert SdgGoal.objects.get(number=6).display.startswith(goal)
        assert Country.objects.get(code="CI").display == country
        assert Currency.objects.get(code="EUR").display == currency
        assert OrganisationType.objects.get(code="22").display == org_type
        assert SdgTarget.objects.get(code="6.1").display.startswith("6.1 ")
    with translation.override("de"):
        assert Country.objects.get(code="DE").display_name == "Deutschland"


def test_the_activity_feed_records_names_in_english_whoever_writes(partnership, secretariat):
    """str() of a codelist item stays English: django-auditlog keeps it as the record of what was added."""
    with translation.override("fr"):
        assert str(SdgGoal.objects.get(number=6)).startswith("Goal 6.")
        assert str(OrganisationType.objects.get(code="22")) == "22 National NGO"
        services.partnership_update(
            partnership=partnership, by=secretariat, revision=partnership.revision, countries=["DE"]
        )
    entry = ActivityEntry.objects.filter(object_id=partnership.pk, changes__has_key="countries").latest("pk")
    assert entry.changes["countries"]["objects"] == ["Germany"]


def test_country_choices_are_in_the_alphabetical_order_of_the_language(db):
    for language, first_three in [("fr", ["Afghanistan", "Afrique du Sud", "Albanie"]), ("de", ["Afghanistan"])]:
        with translation.override(language):
            labels = [label for _value, label in PartnershipForm().fields["countries"].choices]
            assert labels[: len(first_three)] == first_three
            assert labels.index("Allemagne" if language == "fr" else "Deutschland") < labels.index("Ghana")


def test_the_dashboard_in_french_shows_french_reference_names(client, partnership, secretariat):
    partnership.sdg_goals.set([6])
    partnership.sdg_targets.set(["6.1"])
    client.force_login(secretariat)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk]), **in_language(client, "fr")).content.decode()
    assert "Objectif 6. Garantir l’accès de tous à des services d’alimentation en eau" in page
    assert "D’ici à 2030, assurer l’accès universel" in page
    assert "Côte d’Ivoire" in page and "EUR – euro" in page


def test_the_dashboard_in_german_falls_back_to_english_for_sdgs(client, partnership, secretariat):
    partnership.sdg_goals.set([6])
    client.force_login(secretariat)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk]), **in_language(client, "de")).content.decode()
    assert "Goal 6. Ensure availability" in page
    assert "EUR – Euro" in page


def test_the_member_list_and_export_use_the_language(client, partnership, secretariat):
    org = OrganisationFactory(name="Ministère de l'Agriculture", country_id="DE", iati_type_id="10")
    MembershipFactory(partnership=partnership, organisation=org)
    client.force_login(secretariat)
    page = client.get(reverse("stakeholders:members", args=[partnership.pk]), **in_language(client, "fr"))
    assert "Allemagne" in page.content.decode() and "Gouvernement" in page.content.decode()
    export = client.get(
        reverse("stakeholders:members_export", kwargs={"partnership_pk": partnership.pk}),
        {"format": "csv"},
        **in_language(client, "fr"),
    )
    text = export.content.decode("utf-8-sig")
    assert "Allemagne" in text and "10 Gouvernement" in text


def test_a_french_export_reads_back_as_the_same_codes(partnership):
    from stakeholders.import_checks import Lookups
    from stakeholders.selectors import normalise_name

    lookups = Lookups(partnership, "contacts")
    assert lookups.types[normalise_name("10 Gouvernement")] == "10"
    assert lookups.types[normalise_name("ONG nationale")] == "22"
    assert lookups.countries[normalise_name("Allemagne")] == "DE"


def test_the_mou_pdf_names_goals_countries_and_dates_in_its_language(partnership, secretariat):
    from governance import pdf, selectors
    from tests.governance.factories import mou_draft

    version = selectors.mou_version_for_pdf(partnership, mou_draft(partnership, secretariat).number)
    with translation.override("fr"):
        html = pdf.mou_html(version)
    assert "Objectif 1. Éliminer la pauvreté" in html and "Côte d’Ivoire" in html
    assert re.search(r"\b\d{1,2} [a-zéû]+ \d{4} \d{2}:\d{2} [A-Z]+\.", html), (
        "a French date and time: 30 novembre 2026 14:05"
    )
    with translation.override("de"):
        html = pdf.mou_html(version)
    assert "Goal 1. End poverty" in html and "Côte d’Ivoire" in html
    assert re.search(r"\b\d{1,2}\. [A-Z][a-zä]+ \d{4} \d{2}:\d{2} [A-Z]+\.", html), "a German date: 30. November 2026"


def test_every_loaded_name_fits_its_column(db):
    """SQLite does not enforce a CharField's length, PostgreSQL does: the longest French goal is 285 characters."""
    for model, field in [(SdgGoal, "name"), (SdgGoal, "name_fr"), (OrganisationType, "name_fr"), (Country, "name")]:
        longest = max(len(value) for value in model.objects.values_list(field, flat=True))
        assert longest <= model._meta.get_field(field).max_length, (model, field, longest)
