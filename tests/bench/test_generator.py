"""The data generator (manage.py generate_data) at a tiny factor: it fills every model it promises with the scaled
counts, the pages the benchmark measures render for the bench users, the IATI file of a published partnership
validates, the same seed gives the same data, and it refuses a database that holds partnerships already."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from bench.generator import context as c
from bench.generator.people import bench_member
from governance.models import (
    Body,
    BudgetLine,
    Clause,
    Commitment,
    Decision,
    DecisionPosition,
    Meeting,
    Milestone,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapVersion,
    Transaction,
)
from monitoring.models import Actual, Breakdown, Indicator, Lesson, Period, Report, Risk
from msp.models import ActivityEntry, Partnership, PartnershipRole, Role
from opendata import iati
from opendata.iati import schema
from opendata.models import Publication
from phases.models import ChecklistRun, PhaseTransition, RunItem
from stakeholders.models import ContactPerson, Invitation, Membership, Organisation, StakeholderMapEntry
from tests.api.conftest import token_client

FACTOR = 0.01  # 5 partnerships: what CI runs
PASSWORD = "bench-test-pw"


def _generate(**options):
    out = io.StringIO()
    call_command("generate_data", factor=FACTOR, password=PASSWORD, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """The data set, generated once for the module (rolled back at its end); tests run in savepoints on top."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield _generate()
        transaction.set_rollback(True)


def _signed_in(username):
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_every_model_is_filled_with_the_scaled_counts(generated, db):
    n = c.Sizes.of(FACTOR).partnerships
    assert n == 5
    assert Partnership.objects.count() == n
    assert Organisation.objects.count() == c.Sizes.of(FACTOR).organisations
    assert ContactPerson.objects.count() >= Organisation.objects.count() * c.CONTACTS_PER_ORGANISATION
    per_partnership = {
        Membership: c.MEMBERS,
        StakeholderMapEntry: c.MAP_ENTRIES,
        Indicator: c.INDICATORS,
        Period: c.INDICATORS * c.PERIODS,
        Decision: c.DECISIONS,
        BudgetLine: c.BUDGET_LINES,
        Transaction: c.TRANSACTIONS,
        ChecklistRun: c.CHECKLIST_RUNS,
        Meeting: c.MEETINGS,
        Lesson: c.LESSONS,
        Risk: c.RISKS,
        ActivityEntry: c.ACTIVITY,
        Invitation: 1,
    }
    for model, count in per_partnership.items():
        assert model.objects.count() == count * n, model
    for model in (Actual, Breakdown, DecisionPosition, Commitment, Body, RoadmapVersion, ResultNode, Milestone,
                  RoadmapApproval, MouVersion, Clause, MouSignature, PhaseTransition, RunItem, Report):  # fmt: skip
        assert model.objects.exists(), model
    assert Publication.objects.filter(is_published=True).count() == c.Sizes.of(FACTOR).published
    # Actuals on the past periods only; the older ones locked.
    assert not Actual.objects.filter(period__start__gt=c.quarter_start(c.Context(factor=1, seed=1,
                                                                                 password_hash="").today)).exists()  # fmt: skip
    assert Period.objects.filter(locked_at__isnull=False).exists()
    assert "generated in " in generated.splitlines()[-1]


def test_the_counts_scale_linearly_with_the_factor():
    assert c.Sizes.of(1.0) == c.Sizes(partnerships=500, organisations=3000)
    assert c.Sizes.of(0.1) == c.Sizes(partnerships=50, organisations=300)
    assert c.Sizes.of(0.0001).partnerships == 1  # at least one of each


def test_the_bench_users_hold_their_roles(generated, db):
    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="bench_")}
    n = Partnership.objects.count()
    roles = PartnershipRole.objects.filter
    assert roles(user=users["bench_secretariat"], role=Role.SECRETARIAT).count() == n
    many = len([i for i in range(n) if bench_member(i)])
    assert roles(user=users["bench_partner"], role=Role.PARTNER).count() == many
    assert roles(user=users["bench_donor"], role=Role.DONOR).count() == many
    # The bench partner acts for an organisation that is a member of each of its partnerships.
    organisation = users["bench_partner"].contact.organisation
    for partnership in Partnership.objects.filter(roles__user=users["bench_partner"]):
        assert Membership.objects.filter(partnership=partnership, organisation=organisation).exists()
    # Every partnership has its own secretariat, partners and a donor besides.
    for partnership in Partnership.objects.all():
        assert set(partnership.roles.values_list("role", flat=True)) == {Role.SECRETARIAT, Role.PARTNER, Role.DONOR}


def _largest():
    return Partnership.objects.filter(roles__user__username="bench_partner").order_by("pk").first()


@pytest.mark.parametrize("username", ["bench_secretariat", "bench_partner", "bench_donor"])
def test_the_key_pages_render_for_the_bench_users(generated, db, username):
    p = _largest().pk
    client = _signed_in(username)
    pages = [
        reverse("inbox:my_work"),
        reverse("msp:partnership_list"),
        reverse("msp:dashboard", kwargs={"partnership_pk": p}),
        reverse("governance:roadmap", kwargs={"partnership_pk": p}),
        reverse("governance:mou_version", kwargs={"partnership_pk": p, "number": 1}),
        reverse("governance:decisions", kwargs={"partnership_pk": p}),
        reverse("governance:resources", kwargs={"partnership_pk": p}),
        reverse("monitoring:indicators", kwargs={"partnership_pk": p}),
        reverse("phases:checklist", kwargs={"partnership_pk": p}),
        reverse("search:results") + "?q=cooperative",
    ]
    member_pages = [
        reverse("stakeholders:members", kwargs={"partnership_pk": p}),
        reverse("stakeholders:map", kwargs={"partnership_pk": p}),
        reverse("governance:meetings", kwargs={"partnership_pk": p}),
    ]
    secretariat_pages = [
        reverse("organisations:list"),
        reverse("stakeholders:member_add", kwargs={"partnership_pk": p}),
    ]
    if username != "bench_donor":
        pages += member_pages
    if username == "bench_secretariat":
        pages += secretariat_pages
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    response = client.get(reverse("phases:checklist", kwargs={"partnership_pk": p}))
    assert b"Checklist" in response.content or b"checklist" in response.content


def test_every_partnership_renders_whatever_its_phase(generated, db):
    """A tiny data set has a partnership in each phase (no roadmap yet in phase 1, one in review in phase 2)."""
    assert set(Partnership.objects.values_list("phase", flat=True)) == {1, 2, 3, 4}
    client = _signed_in("bench_secretariat")
    names = ["msp:dashboard", "governance:roadmap", "governance:mou_list", "governance:decisions",
             "governance:resources", "monitoring:indicators", "phases:checklist", "stakeholders:map"]  # fmt: skip
    for partnership in Partnership.objects.all():
        for name in names:
            url = reverse(name, kwargs={"partnership_pk": partnership.pk})
            assert client.get(url).status_code == 200, (partnership.phase, url)


def test_the_api_lists_the_bench_users_partnerships(generated, db):
    user = get_user_model().objects.get(username="bench_secretariat")
    response = token_client(user).get(reverse("api:partnership_list"))
    assert response.status_code == 200
    assert response.json()["count"] == Partnership.objects.count()


def test_the_published_iati_file_validates(generated, db):
    publication = Publication.objects.select_related("partnership").first()
    document = iati.activity_file(publication.partnership, publication.identifier)
    assert schema.validate(document) == []
    assert iati.problems(publication.partnership) == []


def test_it_refuses_a_database_that_holds_partnerships(generated, db):
    with pytest.raises(CommandError, match="holds partnerships already"):
        _generate()
