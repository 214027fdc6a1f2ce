"""On PostgreSQL each searched record keeps its search document in the database (search/migrations/0001): what a
person finds follows every write, including writes to what the document is built from elsewhere (the
partnership's working language, the meeting's title, the organisation's name) and writes that bypass the models
(a queryset update)."""

import datetime as dt

from django.utils import timezone

from governance.models import Decision, Meeting, Minutes
from msp.models import Role
from search import selectors
from tests.conftest import needs_postgres
from tests.factories import ContactFactory, OrganisationFactory, PartnershipFactory, RoleFactory, UserFactory
from tests.monitoring.factories import IndicatorFactory


def _staff(db, language="en"):
    user = UserFactory(username="sam", is_superuser=False)
    partnership = PartnershipFactory(name="Water Partnership", language=language)
    RoleFactory(partnership=partnership, user=user, role=Role.SECRETARIAT)
    return user, partnership


def _titles(user, text):
    return [hit.title for hit in selectors.search(user, text)]


def test_a_record_is_found_by_what_it_says_now(db):
    needs_postgres()
    user, partnership = _staff(db)
    indicator = IndicatorFactory(partnership=partnership, name="Wells dug", definition="Counted by the district.")
    assert _titles(user, "wells") == ["<mark>Wells</mark> dug"]
    indicator.name = "Boreholes drilled"
    indicator.save()
    assert _titles(user, "wells") == []
    assert _titles(user, "boreholes") == ["<mark>Boreholes</mark> drilled"]
    type(indicator).objects.filter(pk=indicator.pk).update(definition="Checked by the cooperative.")
    assert [hit.kind for hit in selectors.search(user, "cooperative")] == ["indicator"]


def test_a_change_of_working_language_changes_how_its_records_are_matched(db):
    needs_postgres()
    user, partnership = _staff(db)
    Decision.objects.create(partnership=partnership, title="Les chevaux", text="", method="consensus")
    assert _titles(user, "cheval") == []  # English stemming keeps "chevaux" whole
    partnership.language = "fr"
    partnership.save(update_fields=["language"])
    assert _titles(user, "cheval") == ["Les <mark>chevaux</mark>"]


def test_minutes_follow_their_meetings_title_and_contacts_their_organisations_name(db):
    needs_postgres()
    user, partnership = _staff(db)
    start = timezone.make_aware(dt.datetime(2026, 3, 2, 9))
    meeting = Meeting.objects.create(
        partnership=partnership, title="Steering group", start=start, end=start + dt.timedelta(hours=2)
    )
    Minutes.objects.create(meeting=meeting, text="Agreed the budget.", recorded_on=start.date(), status="final")
    Meeting.objects.filter(pk=meeting.pk).update(title="Harvest review")
    assert "minutes" in [hit.kind for hit in selectors.search(user, "harvest")]
    assert "minutes" not in [hit.kind for hit in selectors.search(user, "steering")]

    organisation = OrganisationFactory(name="Blue River Cooperative")
    ContactFactory(organisation=organisation, name="Ama Mensah", job_title="Treasurer")
    user.is_superuser = True  # a registry keeper finds every contact person
    user.save()
    organisation.name = "Green Valley Union"
    organisation.save()
    assert [hit.kind for hit in selectors.search(user, "valley") if hit.kind == "contact"] == ["contact"]
    assert [hit.kind for hit in selectors.search(user, "river") if hit.kind == "contact"] == []


def test_each_search_runs_with_its_own_words_and_its_own_persons_rights(db):
    needs_postgres()
    user, partnership = _staff(db)
    Decision.objects.create(partnership=partnership, title="Dig wells", text="", method="consensus")
    Decision.objects.create(partnership=partnership, title="Buy pumps", text="", method="consensus")
    donor = UserFactory(username="dana")
    RoleFactory(partnership=partnership, user=donor, role=Role.DONOR)
    assert _titles(user, "wells") == ["Dig <mark>wells</mark>"]
    assert _titles(user, "pumps") == ["Buy <mark>pumps</mark>"]  # the query compiled once, run with other words
    assert _titles(donor, "pumps") == []  # proposed, not adopted: not for donors


def test_the_search_indexes_take_a_new_document_at_once(db):
    """No pending list that every search would read through until a vacuum (search/migrations/0002)."""
    needs_postgres()
    import importlib

    from django.db import connection

    indexes = importlib.import_module("search.migrations.0002_search_indexes_without_pending_list")

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [indexes.INDEXES])
        options = dict(cursor.fetchall())
    assert options == {index: ["fastupdate=off"] for index in indexes.INDEXES}
