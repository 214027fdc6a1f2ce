from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership, PartnershipRole, Phase, person_name
from msp.notices import NoticeKind
from msp.services import notify

from . import evaluation, snapshots, tasks
from .evaluation import evaluation_run
from .gate import run_gate, summary, unanswered
from .gate import snapshot as gate_snapshot
from .models import EvaluationRequest, PhaseTransition, Trigger

__all__ = ["after_change", "evaluation_request", "evaluation_run", "phase_transition"]

# A change asks for an evaluation that starts a little later, so the edits of the next seconds join the same request.
EVENT_DELAY = 10  # seconds


def phase_transition(
    *, partnership, to, by, reason="", note="", justifications=None, acknowledgements=None
) -> PhaseTransition:
    """Move a partnership to phase `to`: forward one step, or back to phase 1 or 2 with a reason and a note.

    Moving forward passes the gate of the phase left (phases.gate): each failing hard item needs a written
    justification in `justifications` ({item id: text}) to be overridden, each failing soft item an acknowledging
    note in `acknowledgements`; otherwise the move is refused with what is missing. The gate's results and the
    answers are stored on the transition, with the snapshots the apps registered (phases.snapshots).

    The partnership row is locked for the whole decision, so two people pressing "advance" at the same moment
    produce one transition: the second sees the new phase and is refused. Everyone with a role on the
    partnership is told by e-mail once the transition is committed, overrides included.
    """
    note = (note or "").strip()
    justifications, acknowledgements = justifications or {}, acknowledgements or {}
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "move_phase", locked)
        problem = locked.move_problem(to, reason=reason)
        if problem:
            raise ValidationError(problem)
        to = Phase(int(to))
        backward = to < locked.phase
        if backward and not note:
            raise ValidationError(_("Going back to an earlier phase needs a note explaining what happened."))
        gate = None
        if not backward:
            gate = _pass_gate(locked, justifications, acknowledgements)
        transition = PhaseTransition.objects.create(
            partnership=locked,
            from_phase=locked.phase,
            to_phase=to,
            by=by,
            reason=reason if backward else "",
            note=note,
            gate_snapshot=gate,
            override_justification=summary(gate),
            snapshots=snapshots.take(locked),
            created_at=timezone.now(),
        )
        locked.phase = to
        locked.phase_since = transition.created_at
        locked.save(update_fields=["phase", "phase_since", "updated_at"])
        _notify_transition(locked, transition)
        after_change(locked)
    partnership.phase, partnership.phase_since = locked.phase, locked.phase_since
    return transition


def _pass_gate(partnership, justifications, acknowledgements):
    """The gate of the phase being left, as stored on the transition; refused with what is missing."""
    gate = run_gate(partnership)
    missing = unanswered(gate, justifications, acknowledgements)
    if missing:
        raise ValidationError(
            [_("The gate of phase %(n)d is not passed yet:") % {"n": partnership.phase}, *missing], code="gate"
        )
    return gate_snapshot(gate, partnership.phase, justifications, acknowledgements)


def _notify_transition(partnership, transition):
    recipients = [r.user for r in PartnershipRole.objects.filter(partnership=partnership).select_related("user")]
    notify(
        partnership=partnership,
        recipients=recipients,
        subject=lambda: _transition_subject(partnership, transition),
        body=lambda: _transition_body(partnership, transition),
        link=reverse("phases:history", kwargs={"partnership_pk": partnership.pk}),
        kind=NoticeKind.PHASE,
        key=f"transition:{transition.pk}",
    )


def _transition_subject(partnership, transition):
    """In the active language (notify calls it once per recipients' language)."""
    if transition.is_forward:
        subject = _("%(name)s moved to phase %(n)d: %(phase)s")
    else:
        subject = _("%(name)s went back to phase %(n)d: %(phase)s")
    return subject % {"name": partnership.name, "n": transition.to_phase, "phase": Phase(transition.to_phase).label}


def _transition_body(partnership, transition):
    if transition.is_forward:
        body = _("%(who)s moved %(name)s from phase %(a)d (%(from)s) to phase %(b)d (%(to)s).")
    else:
        body = _("%(who)s took %(name)s back from phase %(a)d (%(from)s) to phase %(b)d (%(to)s).")
    body = body % {
        "who": person_name(transition.by, default=_("The system")),
        "name": partnership.name,
        "a": transition.from_phase,
        "from": Phase(transition.from_phase).label,
        "b": transition.to_phase,
        "to": Phase(transition.to_phase).label,
    }
    if transition.reason:
        body += "\n\n" + _("Reason: %s") % transition.get_reason_display()
    if transition.note:
        body += "\n" + _("Note: %s") % transition.note
    answered = summary(transition.gate_snapshot)
    if answered:
        body += "\n\n" + _("The gate was passed with these overrides and acknowledged warnings:") + "\n" + answered
    return body


def evaluation_request(*, partnership, trigger, by=None) -> EvaluationRequest:
    """Ask for the partnership's checklist to be evaluated: the request already waiting, or a new one queued for a
    worker once the transaction commits. A burst of edits that each ask makes one queued request and one run."""
    if by is not None:
        access.require(by, "view", partnership)
    request, created = evaluation.queued_request(partnership=partnership, trigger=trigger, by=by)
    # A person asking has the waiting request queued again at once (a second task for it does nothing: the first
    # claims it); a request whose task was lost is queued again by the sweep (phases.tasks).
    if created or trigger == Trigger.MANUAL:
        countdown = EVENT_DELAY if trigger == Trigger.EVENT else None
        transaction.on_commit(lambda: tasks.queue_evaluation(request.pk, countdown=countdown))
    return request


def after_change(partnership) -> EvaluationRequest:
    """The hook for the apps: call it (inside the transaction of the change) after data the checklist reads has
    changed, e.g. a phase transition, an MoU signed or in force, indicator data entered."""
    return evaluation_request(partnership=partnership, trigger=Trigger.EVENT)
