"""Publishing and withdrawing a partnership's IATI file: the right, the fixed identifier, the refusals, the feed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from msp.models import ActivityEntry
from msp.selectors import activity_for
from opendata import iati, services
from opendata.models import Publication


def test_the_first_publication_fixes_the_identifier_and_marks_it_published(partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    assert publication.identifier == f"XI-IATI-MSPM-P{partnership.pk}"
    assert publication.is_published and publication.published_by == secretariat
    assert publication.published_at is not None and publication.withdrawn_at is None


def test_the_identifier_survives_a_withdrawal_and_is_never_made_again(partnership, secretariat, monkeypatch):
    first = services.publish(partnership, by=secretariat)
    services.withdraw(partnership, by=secretariat)
    # Whatever the builder would make now (another scheme, another reporting organisation), the fixed one stays.
    monkeypatch.setattr(iati, "activity_identifier", lambda p: "XI-IATI-MSPM-SOMETHING-ELSE")
    again = services.publish(partnership, by=secretariat)
    assert again.pk == first.pk
    assert again.identifier == first.identifier
    assert again.is_published and again.withdrawn_at is None
    assert Publication.objects.count() == 1


def test_the_identifier_cannot_be_changed_on_the_record(partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    publication.identifier = "XI-IATI-MSPM-OTHER"
    with pytest.raises(ValidationError):
        publication.save()


def test_publishing_again_while_published_changes_nothing(partnership, secretariat):
    first = services.publish(partnership, by=secretariat)
    entries = ActivityEntry.objects.count()
    again = services.publish(partnership, by=secretariat)
    assert again.published_at == first.published_at
    assert ActivityEntry.objects.count() == entries


def test_a_partnership_with_problems_is_not_published(partnership, secretariat, builder_problems):
    builder_problems(["Recipient-country percentages sum to 90, not 100.", "The budget of 2026 has no currency."])
    with pytest.raises(ValidationError) as refused:
        services.publish(partnership, by=secretariat)
    assert "Recipient-country percentages sum to 90, not 100." in refused.value.messages
    assert "The budget of 2026 has no currency." in refused.value.messages
    assert not Publication.objects.exists()


def test_problems_stop_a_publication_after_a_withdrawal_too(partnership, secretariat, builder_problems):
    services.publish(partnership, by=secretariat)
    services.withdraw(partnership, by=secretariat)
    builder_problems(["The activity has no title."])
    with pytest.raises(ValidationError):
        services.publish(partnership, by=secretariat)
    assert not Publication.objects.get().is_published


def test_withdrawing_keeps_the_record_and_says_when(partnership, secretariat):
    services.publish(partnership, by=secretariat)
    publication = services.withdraw(partnership, by=secretariat)
    assert not publication.is_published and publication.withdrawn_at is not None
    assert publication.published_at is not None  # when it was last published stays known


def test_withdrawing_what_is_not_published_is_refused(partnership, secretariat):
    with pytest.raises(ValidationError, match="not published"):
        services.withdraw(partnership, by=secretariat)
    services.publish(partnership, by=secretariat)
    services.withdraw(partnership, by=secretariat)
    with pytest.raises(ValidationError, match="not published"):
        services.withdraw(partnership, by=secretariat)


@pytest.mark.parametrize("role", ["partner", "donor"])
def test_only_the_secretariat_publishes_or_withdraws(partnership, users, role, secretariat):
    with pytest.raises(PermissionDenied):
        services.publish(partnership, by=users[role])
    services.publish(partnership, by=secretariat)
    with pytest.raises(PermissionDenied):
        services.withdraw(partnership, by=users[role])
    assert Publication.objects.get().is_published


def test_an_outsider_does_not_learn_the_partnership_exists(partnership, outsider):
    with pytest.raises(Http404):
        services.publish(partnership, by=outsider)
    assert not Publication.objects.exists()


def test_a_superuser_may_publish(partnership, superuser):
    assert services.publish(partnership, by=superuser).is_published


def test_an_archived_partnership_is_neither_published_nor_withdrawn(partnership, secretariat):
    services.publish(partnership, by=secretariat)
    partnership.archived_at = partnership.phase_since
    partnership.save()
    with pytest.raises(PermissionDenied):
        services.withdraw(partnership, by=secretariat)


def test_publishing_and_withdrawing_show_in_the_activity_feed(partnership, secretariat):
    from auditlog.context import set_actor

    with set_actor(secretariat):
        services.publish(partnership, by=secretariat)
        services.withdraw(partnership, by=secretariat)
    entries = [e for e in activity_for(partnership) if e.content_type.model == "publication"]
    assert [e.action for e in entries] == [ActivityEntry.Action.UPDATE, ActivityEntry.Action.CREATE]
    assert all(e.actor == secretariat for e in entries)
    assert entries[0].changes["is_published"] == ["True", "False"]


def test_a_partnership_export_leaves_the_publication_behind():
    """Exported, it would publish the activity from two installations and clash with identifiers taken there."""
    from transfer import graph

    assert graph.classify()["opendata.publication"].startswith("excluded: ")
    assert "opendata.publication" not in graph.scoped_models()


def test_the_demo_publishes_the_cocoa_partnership_once(db, shared_demo):
    from django.core.management import call_command

    from msp.demo import PARTNERSHIPS

    publication = Publication.objects.get()
    assert publication.partnership.name == PARTNERSHIPS["cocoa"]["name"] and publication.is_published
    assert publication.published_by.username == "amina"
    call_command("demo", quiet_logins=True)
    assert Publication.objects.get().published_at == publication.published_at
