"""A partnership no longer wanted is archived, never deleted: hidden from the list, read-only, restorable, and
the archiving and restoring are in its activity feed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from msp import access, services
from msp.models import Partnership, Role
from phases.services import phase_transition
from tests.factories import PartnershipFactory, RoleFactory

# Moving forward passes the phase gate, which these tests are not about.
pytestmark = pytest.mark.usefixtures("gates_open")


def archive(client, partnership, user):
    client.force_login(user)
    return client.post(reverse("msp:partnership_archive", args=[partnership.pk]), follow=True)


def test_the_secretariat_archives_a_partnership_and_nothing_is_deleted(client, partnership, secretariat):
    phase_transition(partnership=partnership, to=2, by=secretariat)
    response = archive(client, partnership, secretariat)
    assert "is archived" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.archived_at is not None and partnership.archived_by == secretariat
    assert partnership.transitions.count() == 1
    assert partnership.roles.count() == 1


def test_partners_and_donors_may_not_archive(partnership, partner, donor):
    for user in (partner, donor):
        with pytest.raises(PermissionDenied):
            services.partnership_archive(partnership=partnership, by=user)
    partnership.refresh_from_db()
    assert partnership.archived_at is None


def test_an_archived_partnership_is_read_only_for_everyone(client, partnership, secretariat, partner, superuser):
    services.partnership_archive(partnership=partnership, by=secretariat)
    partnership.refresh_from_db()
    for user in (secretariat, superuser):
        for action in ("change", "move_phase", "manage_roles"):
            assert not access.can(user, action, partnership), (user, action)
        assert access.can(user, "view", partnership)
    assert access.can(partner, "view", partnership)
    with pytest.raises(PermissionDenied, match="archived"):
        services.partnership_update(partnership=partnership, by=secretariat, revision=partnership.revision, name="X")
    with pytest.raises(PermissionDenied, match="archived"):
        phase_transition(partnership=partnership, to=2, by=secretariat)
    client.force_login(secretariat)
    assert client.get(reverse("msp:partnership_edit", args=[partnership.pk])).status_code == 403
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert "This partnership was archived on" in page
    assert reverse("msp:partnership_edit", args=[partnership.pk]) not in page
    assert reverse("msp:partnership_restore", args=[partnership.pk]) in page
    partnership.refresh_from_db()
    assert (partnership.phase, partnership.name) == (1, "Cocoa Partnership")


def test_a_partner_sees_the_banner_but_no_restore_button(client, partnership, secretariat, partner):
    services.partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(partner)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert "This partnership was archived on" in page
    assert reverse("msp:partnership_restore", args=[partnership.pk]) not in page


def test_restoring_makes_it_changeable_again(client, partnership, secretariat):
    services.partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_restore", args=[partnership.pk]), follow=True)
    assert "is restored" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.archived_at is None and partnership.archived_by is None
    assert client.get(reverse("msp:partnership_edit", args=[partnership.pk])).status_code == 200
    phase_transition(partnership=partnership, to=2, by=secretariat)


def test_the_list_hides_archived_partnerships_unless_asked(client, partnership, secretariat):
    other = PartnershipFactory(name="Water Partnership")
    RoleFactory(partnership=other, user=secretariat, role=Role.SECRETARIAT)
    services.partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(secretariat)
    url = reverse("msp:partnership_list")
    default = client.get(url).content.decode()
    assert "Water Partnership" in default and "Cocoa Partnership" not in default
    only = client.get(url, {"archived": "only"}).content.decode()
    assert "Cocoa Partnership" in only and "Water Partnership" not in only
    both = client.get(url, {"archived": "all"}).content.decode()
    assert "Cocoa Partnership" in both and "Water Partnership" in both


def test_someone_whose_partnerships_are_all_archived_can_still_find_them(client, partnership, secretariat):
    services.partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(secretariat)
    page = client.get(reverse("msp:partnership_list")).content.decode()
    assert 'name="archived"' in page
    assert "You have no partnerships yet." not in page


def test_archiving_and_restoring_are_in_the_activity_feed(client, partnership, secretariat):
    services.partnership_archive(partnership=partnership, by=secretariat)
    services.partnership_restore(partnership=partnership, by=secretariat)
    client.force_login(secretariat)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert "archived the partnership “Cocoa Partnership”" in page
    assert "restored the partnership “Cocoa Partnership”" in page
    activity = client.get(reverse("msp:activity", args=[partnership.pk])).content.decode()
    assert '<span class="text-body">Archived</span>:' in activity  # the detail: when, and by whom


def test_the_admin_archives_and_restores_instead_of_deleting(client, partnership, secretariat, superuser):
    phase_transition(partnership=partnership, to=2, by=secretariat)
    client.force_login(superuser)
    changelist = reverse("admin:msp_partnership_changelist")
    page = client.get(changelist).content.decode()
    assert 'value="archive"' in page and 'value="restore"' in page
    assert 'value="delete_selected"' not in page
    assert client.get(reverse("admin:msp_partnership_delete", args=[partnership.pk])).status_code == 403
    client.post(changelist, {"action": "archive", "_selected_action": [partnership.pk]})
    assert Partnership.objects.get(pk=partnership.pk).archived_at is not None
    client.post(changelist, {"action": "restore", "_selected_action": [partnership.pk]})
    assert Partnership.objects.get(pk=partnership.pk).archived_at is None
