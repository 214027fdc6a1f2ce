"""Records of what someone did stay as they were written on every path: model save and delete, bulk queryset
writes, a cascade from the partnership, and (PostgreSQL) raw SQL. Only the link to a deleted account is let go."""

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from governance import services
from governance.demo import evidence_pdf
from governance.models import MouApproval, MouScan, MouSignature, RoadmapApproval
from msp.models import ActivityEntry, Partnership
from msp.records import AppendOnlyError
from phases.models import PhaseTransition
from phases.services import phase_transition
from tests.conftest import needs_postgres
from tests.governance.factories import mou_draft, roadmap_draft, sign

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = pytest.mark.usefixtures("gates_open")

RECORDS = [PhaseTransition, RoadmapApproval, MouApproval, MouSignature, MouScan, ActivityEntry]


@pytest.fixture
def history(partnership, secretariat, kofi, awa):
    """One record of every append-only kind, on the standing partnership."""
    phase_transition(partnership=partnership, to=2, by=secretariat, note="Core group formed.")
    roadmap = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=roadmap, by=kofi)
    review = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_approve(version=review, by=awa)
    signing = services.mou_send_for_signature(
        version=services.mou_version_create(partnership=partnership, by=secretariat), by=secretariat
    )
    sign(signing, kofi)
    services.mou_scan_upload(version=signing, by=secretariat, file=ContentFile(evidence_pdf("s"), name="s.pdf"))
    for model in RECORDS:
        assert model.objects.exists(), model
    return partnership


def _snapshot():
    return {model: list(model.objects.order_by("pk").values()) for model in RECORDS}


@pytest.mark.parametrize("model", RECORDS, ids=lambda m: m.__name__)
def test_a_record_cannot_be_changed_or_deleted_through_the_orm(history, model):
    before = _snapshot()
    record = model.objects.order_by("pk").first()
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        model.objects.all().update(pk=record.pk)
    with pytest.raises(AppendOnlyError):
        model.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=record.pk).delete()
    assert _snapshot() == before


def test_deleting_a_partnership_that_has_history_is_refused(history):
    before = _snapshot()
    with pytest.raises(ProtectedError):
        Partnership.objects.filter(pk=history.pk).delete()
    with pytest.raises(ProtectedError):
        Partnership.objects.get(pk=history.pk).delete()
    assert Partnership.objects.filter(pk=history.pk).exists()
    assert _snapshot() == before


def test_a_phase_move_alone_is_history_enough(partnership, secretariat):
    phase_transition(partnership=partnership, to=2, by=secretariat)
    with pytest.raises(ProtectedError):
        partnership.delete()
    assert PhaseTransition.objects.filter(partnership=partnership).count() == 1


def test_deleting_an_account_keeps_what_it_did(history, kofi):
    """The records keep the names they store; only the link to the account goes (SET NULL), on every database."""
    signature = MouSignature.objects.get()
    kofi.delete()
    kept = MouSignature.objects.get()
    assert (kept.pk, kept.signer_name, kept.signed_by_id) == (signature.pk, signature.signer_name, None)
    assert RoadmapApproval.objects.get().by_id is None


@pytest.mark.parametrize("model", RECORDS, ids=lambda m: m.__name__)
def test_postgresql_refuses_raw_updates_and_deletes(history, model):
    needs_postgres()
    table = connection.ops.quote_name(model._meta.db_table)
    before = _snapshot()
    for sql in (f"UPDATE {table} SET id = -id", f"DELETE FROM {table}"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert _snapshot() == before


def test_postgresql_lets_a_user_link_be_cleared_and_nothing_else(history):
    needs_postgres()
    table = connection.ops.quote_name(MouSignature._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET signed_by_id = NULL")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET signed_by_id = NULL, signer_name = 'Someone else'")
    assert MouSignature.objects.get().signer_name != "Someone else"
