import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from msp.models import BackwardReason, Partnership
from phases.models import AppendOnlyError, PhaseTransition
from phases.services import phase_transition
from tests.conftest import needs_postgres
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = pytest.mark.usefixtures("gates_open")


def move(partnership, to, by, **kwargs):
    return phase_transition(partnership=partnership, to=to, by=by, **kwargs)


def test_it_moves_forward_one_phase(partnership, secretariat):
    transition = move(partnership, 2, secretariat)
    partnership.refresh_from_db()
    assert partnership.phase == 2
    assert (transition.from_phase, transition.to_phase, transition.by) == (1, 2, secretariat)
    assert transition.reason == ""
    assert partnership.phase_since == transition.created_at


@pytest.mark.parametrize("start,to", [(1, 3), (1, 4), (2, 4)])
def test_it_refuses_to_skip_a_phase(start, to, secretariat, partnership):
    Partnership.objects.filter(pk=partnership.pk).update(phase=start)
    partnership.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be skipped"):
        move(partnership, to, secretariat)
    partnership.refresh_from_db()
    assert partnership.phase == start
    assert not PhaseTransition.objects.exists()


def test_it_refuses_to_go_beyond_phase_4(partnership, secretariat):
    Partnership.objects.filter(pk=partnership.pk).update(phase=4)
    with pytest.raises(ValidationError, match="last phase"):
        move(partnership, 5, secretariat)
    assert not PhaseTransition.objects.exists()


def test_it_refuses_moving_to_the_current_phase(partnership, secretariat):
    with pytest.raises(ValidationError, match="already in phase 1"):
        move(partnership, 1, secretariat)


@pytest.mark.parametrize("start,to", [(3, 1), (3, 2), (4, 1), (4, 2), (2, 1)])
def test_it_goes_back_to_phase_1_or_2_with_reason_and_note(start, to, partnership, secretariat):
    Partnership.objects.filter(pk=partnership.pk).update(phase=start)
    transition = move(
        partnership, to, secretariat, reason=BackwardReason.KEY_PARTNERS_MISSING, note="The regulator left."
    )
    partnership.refresh_from_db()
    assert partnership.phase == to
    assert transition.reason == BackwardReason.KEY_PARTNERS_MISSING
    assert transition.note == "The regulator left."


def test_it_refuses_going_back_to_phase_3(partnership, secretariat):
    Partnership.objects.filter(pk=partnership.pk).update(phase=4)
    with pytest.raises(ValidationError, match="only go back to phase 1"):
        move(partnership, 3, secretariat, reason=BackwardReason.OTHER, note="n")


@pytest.mark.parametrize("reason", ["", "because", None])
def test_it_refuses_going_back_without_a_valid_reason(reason, partnership, secretariat):
    Partnership.objects.filter(pk=partnership.pk).update(phase=3)
    with pytest.raises(ValidationError, match="needs a reason"):
        move(partnership, 2, secretariat, reason=reason or "", note="A note")
    partnership.refresh_from_db()
    assert partnership.phase == 3
    assert not PhaseTransition.objects.exists()


def test_it_refuses_going_back_without_a_note(partnership, secretariat):
    Partnership.objects.filter(pk=partnership.pk).update(phase=3)
    with pytest.raises(ValidationError, match="needs a note"):
        move(partnership, 2, secretariat, reason=BackwardReason.OTHER, note="   ")
    assert not PhaseTransition.objects.exists()


def test_forward_moves_ignore_a_reason(partnership, secretariat):
    transition = move(partnership, 2, secretariat, reason=BackwardReason.OTHER)
    assert transition.reason == ""


@pytest.mark.parametrize("role_user", ["partner", "donor", "outsider"])
def test_only_the_secretariat_moves_phases(role_user, request, partnership):
    user = request.getfixturevalue(role_user)
    with pytest.raises((PermissionDenied, Exception)) as exc:
        move(partnership, 2, user)
    assert exc.type.__name__ in ("PermissionDenied", "Http404")
    partnership.refresh_from_db()
    assert partnership.phase == 1


def test_the_history_is_complete_and_ordered(partnership, secretariat):
    move(partnership, 2, secretariat)
    move(partnership, 3, secretariat)
    move(partnership, 1, secretariat, reason=BackwardReason.CONDITIONS_CHANGED, note="Coup; programme paused.")
    move(partnership, 2, secretariat)
    history = list(partnership.transitions.order_by("created_at", "pk").values_list("from_phase", "to_phase"))
    assert history == [(1, 2), (2, 3), (3, 1), (1, 2)]


def test_transitions_are_append_only(partnership, secretariat):
    transition = move(partnership, 2, secretariat)
    transition.note = "rewritten"
    with pytest.raises(AppendOnlyError):
        transition.save()
    with pytest.raises(AppendOnlyError):
        transition.delete()
    assert PhaseTransition.objects.get().note == ""


def test_everyone_with_a_role_is_emailed_after_commit(
    partnership, secretariat, partner, donor, outsider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        move(partnership, 2, secretariat, note="Core group formed.")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([secretariat.email, partner.email, donor.email])
    message = mail.outbox[0]
    assert "Cocoa Partnership moved to phase 2: Design" in message.subject
    assert f"/partnerships/{partnership.pk}/phases/" in message.body


def test_no_email_before_commit(partnership, secretariat, partner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        move(partnership, 2, secretariat)
    assert mail.outbox == []
    assert len(callbacks) == 2  # the e-mails, and the checklist's evaluation


def test_a_mail_server_failure_keeps_the_transition(
    partnership, secretariat, partner, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mailservers.Down"
    with django_capture_on_commit_callbacks(execute=True):
        move(partnership, 2, secretariat)
    partnership.refresh_from_db()
    assert partnership.phase == 2
    pending = partner.notifications.get()
    assert pending.sent_at is None and "mail server down" in pending.last_error


def test_a_broker_failure_keeps_the_transition(
    partnership, secretariat, partner, django_capture_on_commit_callbacks, monkeypatch
):
    from kombu.exceptions import OperationalError

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("msp.tasks.send_notification.delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        move(partnership, 2, secretariat)
    partnership.refresh_from_db()
    assert partnership.phase == 2
    assert partner.notifications.get().sent_at is None


@pytest.mark.django_db(transaction=True)
def test_two_people_moving_at_once_make_one_transition(reference_data):
    needs_postgres()
    partnership = PartnershipFactory()
    people = [RoleFactory(partnership=partnership, role="secretariat", user=UserFactory()).user for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def press_advance(user):
        try:
            barrier.wait()
            move(Partnership.objects.get(pk=partnership.pk), 2, user)
            outcomes.append("moved")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=press_advance, args=(u,)) for u in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes)[0].startswith("The partnership is already in phase 2")
    assert sorted(outcomes)[1] == "moved"
    assert PhaseTransition.objects.filter(partnership=partnership).count() == 1
    partnership.refresh_from_db()
    assert partnership.phase == 2
