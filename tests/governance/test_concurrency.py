"""Two partners acting at the same moment: both count, and the version changes status exactly once.

Runs on PostgreSQL (real row locks); skipped on SQLite unless MSP_CI is set. The check "has everyone signed?"
is slowed down so that, without the row lock, both threads would count before either commits and the version
would stay partially signed for ever.
"""

import threading
import time

import pytest
from django.db import connection

from governance import selectors, services
from governance.models import MouSignature, MouVersion, RoadmapApproval, RoadmapVersion
from msp.models import ActivityEntry, Notification, Role
from tests.conftest import needs_postgres
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member, mou_draft, roadmap_draft, sign

pytestmark = pytest.mark.postgres


def _slow(monkeypatch, name):
    original = getattr(selectors, name)

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return original(*args, **kwargs)

    monkeypatch.setattr(selectors, name, slow)


def _at_once(action, users):
    barrier = threading.Barrier(len(users))
    errors = []

    def run(user):
        try:
            barrier.wait()
            action(user)
        except Exception as exc:  # reported below, so a failure in a thread fails the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def _status_changes(model, version, status):
    entries = ActivityEntry.objects.filter(content_type__model=model._meta.model_name, object_pk=str(version.pk))
    return [e for e in entries if (e.changes or {}).get("status", [None, None])[1] == status]


@pytest.mark.django_db(transaction=True)
def test_two_partners_sign_at_once_and_the_mou_comes_into_force_once(reference_data, monkeypatch):
    needs_postgres()
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, "kofi"), member(partnership, "awa")]
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    _slow(monkeypatch, "is_signed_by_all")

    _at_once(lambda user: sign(MouVersion.objects.get(pk=version.pk), user), partners)

    version.refresh_from_db()
    assert MouSignature.objects.filter(version=version).count() == 2
    assert version.status == MouVersion.Status.IN_FORCE
    assert len(_status_changes(MouVersion, version, "in_force")) == 1
    assert Notification.objects.filter(subject__contains="is in force").count() == 3  # one per person, once


@pytest.mark.django_db(transaction=True)
def test_two_partners_approve_at_once_and_the_roadmap_is_approved_once(reference_data, monkeypatch):
    needs_postgres()
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, "kofi"), member(partnership, "awa")]
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    _slow(monkeypatch, "is_approved_by_all")

    _at_once(
        lambda user: services.roadmap_approve(version=RoadmapVersion.objects.get(pk=version.pk), by=user), partners
    )

    version.refresh_from_db()
    assert RoadmapApproval.objects.filter(version=version).count() == 2
    assert version.status == RoadmapVersion.Status.APPROVED
    assert len(_status_changes(RoadmapVersion, version, "approved")) == 1
    assert Notification.objects.filter(subject__contains="is approved").count() == 3
