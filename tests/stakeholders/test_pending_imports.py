"""A checked file waits for its "Import all rows" button in private storage, not in the session: only its id is in
the session; it is used once, by the person who uploaded it, for the partnership it was checked for, within an hour,
and then removed. The periodic clean-up removes the ones nobody confirmed."""

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from msp.models import Role
from stakeholders import services
from stakeholders.models import ContactPerson, Organisation, PendingImport
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

from .test_import_export import CONTACTS_CSV, import_url, upload

MAP_CSV = "Organisation,Sector,Power,Interest\nMap Only Org,public,4,5\n"


def confirm_url(partnership):
    return reverse("stakeholders:import_confirm", kwargs={"partnership_pk": partnership.pk})


def check(client, partnership, content=CONTACTS_CSV, kind="contacts", name="people.csv"):
    response = client.post(import_url(partnership), {"kind": kind, "file": upload(name, content)})
    assert response.status_code == 200, response.context["preview"].problems
    return response.context["pending"]


def stored_path(pending):
    return Path(settings.PRIVATE_MEDIA_ROOT) / pending.file.name


@pytest.fixture
def signed_in(client, secretariat):
    client.force_login(secretariat)
    return client


def test_the_checked_file_waits_in_private_storage_and_only_its_id_in_the_session(signed_in, partnership):
    pending = check(signed_in, partnership)
    path = stored_path(pending)
    assert path.read_bytes() == CONTACTS_CSV.encode()
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents  # no media URL reaches it
    session = dict(signed_in.session.items())
    assert "Ghana Cocoa Board" not in repr(session)
    assert str(pending.pk) in repr(session)
    assert len(repr(session)) < 500


def test_importing_removes_the_waiting_file(signed_in, partnership):
    pending = check(signed_in, partnership)
    path = stored_path(pending)
    response = signed_in.post(confirm_url(partnership), {"pending": pending.pk})
    assert response.status_code == 302
    assert Organisation.objects.count() == 3
    assert not PendingImport.objects.exists()
    assert not path.exists()
    assert str(pending.pk) not in repr(dict(signed_in.session.items()))


def test_pressing_import_twice_imports_once(signed_in, partnership):
    pending = check(signed_in, partnership)
    signed_in.post(confirm_url(partnership), {"pending": pending.pk})
    again = signed_in.post(confirm_url(partnership), {"pending": pending.pk}, follow=True)
    assert "no checked file waiting" in again.content.decode()
    assert ContactPerson.objects.count() == 3


def test_two_tabs_importing_at_once_each_import_their_own_file(signed_in, partnership):
    contacts = check(signed_in, partnership)
    on_the_map = check(signed_in, partnership, MAP_CSV, kind="map", name="map.csv")
    # the first tab's button, pressed after the second tab checked another file
    first = signed_in.post(confirm_url(partnership), {"pending": contacts.pk})
    assert first.url == reverse("organisations:list")
    assert ContactPerson.objects.count() == 3 and not Organisation.objects.filter(name="Map Only Org").exists()
    second = signed_in.post(confirm_url(partnership), {"pending": on_the_map.pk})
    assert second.url == reverse("stakeholders:map", kwargs={"partnership_pk": partnership.pk})
    assert partnership.map_entries.get().organisation.name == "Map Only Org"


def test_another_users_waiting_file_is_refused_as_if_there_were_none(client, partnership, secretariat):
    colleague = RoleFactory(partnership=partnership, user=UserFactory(username="cole"), role=Role.SECRETARIAT).user
    client.force_login(colleague)
    theirs = check(client, partnership)
    client.force_login(secretariat)
    check(client, partnership, MAP_CSV, kind="map", name="map.csv")  # this user has a file waiting too
    response = client.post(confirm_url(partnership), {"pending": theirs.pk}, follow=True)
    assert "There is no checked file waiting to be imported; upload it again." in response.content.decode()
    assert not Organisation.objects.exists()
    assert PendingImport.objects.filter(pk=theirs.pk).exists()  # still theirs to import
    assert stored_path(theirs).exists()


def test_a_file_checked_for_another_partnership_is_not_imported_here(signed_in, partnership, secretariat):
    other = PartnershipFactory(name="Water")
    RoleFactory(partnership=other, user=secretariat, role=Role.SECRETARIAT)
    pending = check(signed_in, other)
    response = signed_in.post(confirm_url(partnership), {"pending": pending.pk}, follow=True)
    assert "no checked file waiting" in response.content.decode()
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("value", ["", "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_a_made_up_id_is_refused(signed_in, partnership, value):
    check(signed_in, partnership)
    response = signed_in.post(confirm_url(partnership), {"pending": value}, follow=True)
    assert response.status_code == 200
    assert "no checked file waiting" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_file_waiting_more_than_an_hour_has_expired(signed_in, partnership):
    checked = signed_in.post(import_url(partnership), {"kind": "contacts", "file": upload("people.csv", CONTACTS_CSV)})
    assert "The checked file waits here for an hour" in checked.content.decode()
    pending = checked.context["pending"]
    PendingImport.objects.filter(pk=pending.pk).update(created_at=timezone.now() - dt.timedelta(minutes=61))
    response = signed_in.post(confirm_url(partnership), {"pending": pending.pk}, follow=True)
    assert "no checked file waiting" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_waiting_file_changed_in_storage_is_not_imported(signed_in, partnership):
    pending = check(signed_in, partnership)
    stored_path(pending).write_bytes(CONTACTS_CSV.replace("Esi Mensah", "Someone Else").encode())
    response = signed_in.post(confirm_url(partnership), {"pending": pending.pk}, follow=True)
    assert "no checked file waiting" in response.content.decode()
    assert not ContactPerson.objects.exists()


def test_an_invalid_file_is_not_kept(signed_in, partnership):
    bad = CONTACTS_CSV.replace("kwame@cocobod.example", "kwame-at-cocobod")
    response = signed_in.post(import_url(partnership), {"kind": "contacts", "file": upload("people.csv", bad)})
    assert response.status_code == 400
    assert not PendingImport.objects.exists()


def _age(pending, minutes):
    PendingImport.objects.filter(pk=pending.pk).update(created_at=timezone.now() - dt.timedelta(minutes=minutes))
    old = time.time() - minutes * 60
    os.utime(stored_path(pending), (old, old))


def test_the_clean_up_removes_expired_files_and_keeps_fresh_ones(signed_in, partnership):
    expired = check(signed_in, partnership)
    fresh = check(signed_in, partnership, MAP_CSV, kind="map", name="map.csv")
    _age(expired, 61)
    assert services.pending_imports_purge() == 1
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not stored_path(expired).exists()
    assert stored_path(fresh).exists()


def test_the_clean_up_removes_files_left_without_a_record(signed_in, partnership):
    """A file whose row went with its partnership or user (or a crash between the two writes) is removed too."""
    orphan = check(signed_in, partnership)
    young = check(signed_in, partnership, MAP_CSV, kind="map", name="map.csv")
    _age(orphan, 61)
    PendingImport.objects.all().delete()
    services.pending_imports_purge()
    assert not stored_path(orphan).exists()
    assert stored_path(young).exists()  # it may belong to an upload being saved right now


def test_the_clean_up_runs_with_the_scheduled_jobs(signed_in, partnership, capsys):
    expired = check(signed_in, partnership)
    _age(expired, 61)
    call_command("run_scheduled_jobs")
    assert "purge-expired-imports: done" in capsys.readouterr().out
    assert not PendingImport.objects.exists()
    assert not stored_path(expired).exists()


def test_the_service_gives_a_waiting_file_only_to_its_uploader(partnership, secretariat, partner):
    """Even with the id in hand (the session check aside), another user gets nothing and the file stays."""
    pending = services.pending_import_create(
        partnership=partnership, by=secretariat, kind="map", filename="map.csv", content=MAP_CSV.encode()
    )
    assert services.pending_import_take(pk=pending.pk, partnership=partnership, by=partner) is None
    assert stored_path(pending).exists()
    taken, content = services.pending_import_take(pk=pending.pk, partnership=partnership, by=secretariat)
    assert (taken.filename, content) == ("map.csv", MAP_CSV.encode())
    assert not stored_path(pending).exists()


def test_only_the_secretariat_may_leave_a_file_waiting(partnership, partner):
    with pytest.raises(PermissionDenied):
        services.pending_import_create(
            partnership=partnership, by=partner, kind="map", filename="map.csv", content=MAP_CSV.encode()
        )
    assert not PendingImport.objects.exists()
