"""Acceptance 1 on the demo: every demo partnership's IATI activity file and the organisation file validate against
the IATI 2.03 schema and keep every rule; the numbers of results (output, outcome and impact nodes), indicators,
budget years and transactions in each file are the database's; and no person of the demo is named in any file."""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from lxml import etree

from governance.models import BudgetLine, ResultNode, RoadmapVersion, Transaction
from monitoring.models import Indicator, Period
from msp.models import Partnership
from opendata import iati
from opendata.iati import rules, schema
from stakeholders.models import ContactPerson

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(shared_demo, django_db_blocker):
    """Each demo partnership's file, made once for the module: {partnership: bytes}."""
    with django_db_blocker.unblock():
        return {p: iati.activity_file(p, iati.activity_identifier(p)) for p in Partnership.objects.all()}


def test_the_demo_has_partnerships_to_publish(demo):
    assert len(demo) >= 3


def test_every_demo_activity_file_is_valid_iati_2_03(demo):
    for partnership, document in demo.items():
        assert schema.validate(document) == [], partnership.name
        assert etree.fromstring(document).get("version") == "2.03"


def test_every_demo_activity_file_keeps_every_rule(demo):
    for partnership, document in demo.items():
        assert rules.check(etree.fromstring(document)) == [], partnership.name
        assert iati.problems(partnership) == [], partnership.name


def test_the_organisation_file_is_valid_and_keeps_every_rule(demo):
    document = iati.organisation_file()
    assert schema.validate(document) == []
    assert rules.check(etree.fromstring(document)) == []


def test_the_file_of_every_published_activity_is_valid(demo):
    publications = [SimpleNamespace(partnership=p, identifier=iati.activity_identifier(p)) for p in demo]
    document = iati.activities_file(publications)
    assert schema.validate(document) == []
    assert len(etree.fromstring(document).findall("iati-activity")) == len(demo)


def test_results_indicators_budget_years_and_transactions_match_the_database(demo):
    published_results = 0
    for partnership, document in demo.items():
        activity = etree.fromstring(document).find("iati-activity")
        approved = RoadmapVersion.objects.filter(partnership=partnership, status="approved").first()
        nodes = ResultNode.objects.filter(version=approved, level__in=["impact", "outcome", "output"])
        keys = list(nodes.values_list("key", flat=True))
        indicators = Indicator.objects.filter(partnership=partnership, result_node_key__in=keys)
        assert len(activity.findall("result")) == nodes.count(), partnership.name
        assert len(activity.findall("result/indicator")) == indicators.count(), partnership.name
        locked = Period.objects.filter(indicator__in=indicators, locked_at__isnull=False)
        assert len(activity.findall("result/indicator/period")) == locked.count(), partnership.name
        years = set(BudgetLine.objects.filter(partnership=partnership).values_list("year", flat=True))
        assert {b.find("period-start").get("iso-date")[:4] for b in activity.findall("budget")} == {
            str(y) for y in years
        }
        assert len(activity.findall("budget")) == len(years), partnership.name
        booked = Transaction.objects.filter(partnership=partnership, date__lte=timezone.localdate())
        assert len(activity.findall("transaction")) == booked.count(), partnership.name
        published_results += nodes.count()
    assert published_results > 0  # the demo has an approved results chain to publish


def test_no_demo_person_is_named_in_any_file(demo):
    text = "\n".join(document.decode() for document in demo.values()) + iati.organisation_file().decode()
    private = set()
    for contact in ContactPerson.objects.all():
        private |= {contact.name, contact.email, contact.phone}
    for user in get_user_model().objects.all():
        private |= {user.get_full_name(), user.email}
        private.add(re.compile(rf"\b{re.escape(user.username)}\b", re.IGNORECASE))
    private.discard("")
    found = [
        getattr(p, "pattern", p) for p in private if (p.search(text) if hasattr(p, "search") else p.strip() in text)
    ]
    assert found == []
    assert len(private) > 20  # the demo has people to hide
