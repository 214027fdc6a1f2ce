"""Writes of the decision log: draft, open for positions, record a position, record the outcome.

Every rule of adoption and entitlement is governance.decision_rules'; this module loads the rows those pure
functions need (the entitled organisations, the recorded positions, the body's threshold, the secretariat's host)
and refuses with their messages. Who may act is msp.access's: the secretariat drafts, opens and records the
outcome ("change") and records a position on a member's behalf with evidence ("record_for_organisation"); a partner
records their own organisation's position only ("record_position", organisation-scoped). Each write locks the
decision's row, so a position cannot slip in after the outcome is recorded.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.notices import NoticeKind
from msp.services import notify

from .. import decision_rules as rules
from ..models import Decision, DecisionPosition, DecisionStatus
from ..selectors import partner_users
from ..selectors.decisions import entitled, secretariat_host
from .parties import _ext, check_evidence

S = DecisionStatus
EDITABLE = (
    "title",
    "text",
    "body",
    "method",
    "topic",
    "delegated_by",
    "meeting",
    "phase_transition",
    "roadmap_version",
    "mou_version",
)


def _lock(decision):
    return Decision.objects.select_for_update(of=("self",)).select_related("partnership", "body").get(pk=decision.pk)


def _check_links(partnership, fields, decision):
    errors = {}
    body = fields.get("body", decision.body)
    if body is not None and (body.partnership_id != partnership.pk or body.is_secretariat):
        errors["body"] = _(
            "Choose one of this partnership's bodies; the secretariat records decisions, it does not take them."
        )
    earlier = fields.get("delegated_by")
    if earlier is not None and (earlier.partnership_id != partnership.pk or not earlier.is_adopted):
        errors["delegated_by"] = _("Only an adopted decision of this partnership can delegate a decision.")
    if (refusal := _meeting_refusal(partnership, body, fields.get("meeting", decision.meeting))) is not None:
        errors["meeting"] = refusal
    for name in ("phase_transition", "roadmap_version", "mou_version"):
        linked = fields.get(name)
        if linked is not None and linked.partnership_id != partnership.pk:
            errors[name] = _("This record belongs to another partnership.")
    return errors


def _meeting_refusal(partnership, body, meeting):
    """Why the decision cannot name `meeting` as the one it is taken at, or None. Decisions are taken at formal
    meetings that take place; a body's decision at that body's meeting (a meeting of no body may take any)."""
    if meeting is None:
        return None
    if meeting.partnership_id != partnership.pk:
        return _("This meeting belongs to another partnership.")
    if not meeting.is_formal:
        return _("“%(title)s” is an informal meeting, which takes no decisions.") % {"title": meeting.title}
    if meeting.is_cancelled:
        return _("“%(title)s” is cancelled, so no decision is taken at it.") % {"title": meeting.title}
    if body is not None and meeting.body_id is not None and meeting.body_id != body.pk:
        return _("“%(title)s” is a meeting of %(meeting_body)s, not of the deciding body, %(body)s.") % {
            "title": meeting.title,
            "meeting_body": meeting.body,
            "body": body,
        }
    return None


def decision_save(*, partnership, by, decision=None, **fields) -> Decision:
    """Create a draft decision of `partnership`, or change `decision` while it is a draft."""
    access.require(by, "change", partnership)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    with transaction.atomic():
        if decision is None:
            decision = Decision(partnership=partnership, created_by=by)
        else:
            decision = _lock(decision)
            if decision.partnership_id != partnership.pk:
                raise ValidationError(_("This decision belongs to another partnership."))
            if decision.status != S.DRAFT:
                raise ValidationError(_("Only a draft decision can be edited; this one is already open or decided."))
        fields["title"] = (fields.get("title") or "").strip()
        if errors := _check_links(partnership, fields, decision):
            raise ValidationError(errors)
        for name, value in fields.items():
            setattr(decision, name, value)
        if decision.method != rules.Method.DELEGATED:
            decision.delegated_by = None
        decision.full_clean()
        decision.save()
        return decision


def decision_open(*, decision, by) -> Decision:
    """Open a draft for positions: the entitled organisations may record theirs from now on."""
    access.require(by, "change", decision.partnership)
    with transaction.atomic():
        locked = _lock(decision)
        if locked.status != S.DRAFT:
            raise ValidationError(_("Only a draft decision can be opened for positions."))
        locked.status = S.OPEN
        locked.save(update_fields=["status"])
        _tell_opened(locked)
    decision.status = locked.status
    return locked


def _tell_opened(decision):
    """The partners are asked for their organisation's position (each in their language, one link)."""
    partnership = decision.partnership
    notify(
        partnership=partnership,
        recipients=partner_users(partnership),
        subject=lambda: _("A decision awaits your position: %(title)s") % {"title": decision.title},
        body=lambda: (
            _("The decision “%(title)s” of %(name)s is open for positions. Please record your organisation's position:")
            % {"title": decision.title, "name": partnership.name}
        ),
        link=reverse("governance:decision", args=[partnership.pk, decision.pk]),
        kind=NoticeKind.DECISION,
        key=f"decision:{decision.pk}",
    )


def _position_rules(locked, organisation):
    check = rules.check_position(
        organisation=organisation,
        entitled=entitled(locked),
        secretariat_host=secretariat_host(locked.partnership),
        body_name=locked.body.name if locked.body_id else "",
    )
    check.raise_if_refused()
    return check


def _record(locked, *, by, organisation, position, statement, on_behalf, note="", evidence=None):
    if locked.status != S.OPEN:
        raise ValidationError(_("Positions are recorded only while the decision is open for positions."))
    check = _position_rules(locked, organisation)
    row = DecisionPosition.objects.filter(decision=locked, organisation=organisation).first()
    row = row or DecisionPosition(decision=locked, organisation=organisation)
    row.position, row.statement = rules.Position(position), (statement or "").strip()
    row.recorded_by, row.recorded_at, row.on_behalf = by, timezone.now(), on_behalf
    row.host_in_own_right = check.host_in_own_right
    row.evidence_note = (note or "").strip() if on_behalf else ""
    if not on_behalf:
        row.evidence = ""
    elif evidence:
        row.evidence.save(
            f"p{locked.partnership_id}-decision-{locked.pk}-position.{_ext(evidence)}", evidence, save=False
        )
    row.full_clean(exclude=["recorded_by"])
    row.save()
    return row


def position_record(*, decision, by, organisation, position, statement="") -> DecisionPosition:
    """A partner records (or changes) their own organisation's position while the decision is open."""
    access.require(by, "record_position", decision.partnership, organisation=organisation)
    with transaction.atomic():
        return _record(
            _lock(decision), by=by, organisation=organisation, position=position, statement=statement, on_behalf=False
        )


def position_record_on_behalf(
    *, decision, by, organisation, position, statement="", note="", evidence=None
) -> DecisionPosition:
    """The secretariat records an entitled member's position given outside the app, with evidence: a note (where
    and how it was given) and/or the signed page, letter or message (PDF or image)."""
    access.require(by, "record_for_organisation", decision.partnership)
    if not (note or "").strip() and not evidence:
        raise ValidationError(
            {"note": _("Say how the position was given (a note) or attach the signed page, letter or message.")}
        )
    if evidence:
        check_evidence(evidence)
    with transaction.atomic():
        return _record(
            _lock(decision),
            by=by,
            organisation=organisation,
            position=position,
            statement=statement,
            on_behalf=True,
            note=note,
            evidence=evidence,
        )


def adoption(decision) -> rules.Adoption:
    """What decision_rules say about adopting `decision` with the positions recorded now."""
    recorded = list(decision.positions.select_related("organisation"))
    threshold = decision.body.majority_threshold if decision.body_id else rules.Threshold.SIMPLE
    return rules.check_adoption(
        method=decision.method,
        entitled=entitled(decision),
        positions={p.organisation: p.position for p in recorded},
        statements={p.organisation: p.statement for p in recorded},
        threshold=threshold,
        delegation_linked=bool(decision.delegated_by_id and decision.delegated_by.is_adopted),
    )


KEEP = object()


def decision_decide(*, decision, by, outcome, decided_on=None, meeting=KEEP) -> Decision:
    """Record the outcome. Adoption is refused, with every reason, when the method's rule does not allow it; a
    proposal may always be rejected or deferred. `meeting` (None: not taken at one) replaces the one the draft
    named, on the same rules as the draft's; left out, the draft's stays."""
    access.require(by, "change", decision.partnership)
    outcome = rules.Outcome(outcome)
    with transaction.atomic():
        locked = _lock(decision)
        if locked.status == S.DECIDED:
            raise ValidationError(_("The outcome of this decision is already recorded."))
        if locked.method != rules.Method.DELEGATED and locked.status != S.OPEN:
            raise ValidationError(_("Open the decision for positions before recording its outcome."))
        if meeting is not KEEP:
            if (refusal := _meeting_refusal(locked.partnership, locked.body, meeting)) is not None:
                raise ValidationError({"meeting": refusal})
            locked.meeting = meeting
        if outcome == rules.Outcome.ADOPTED:
            adoption(locked).raise_if_refused()
        locked.status, locked.outcome = S.DECIDED, outcome
        locked.decided_on = decided_on or timezone.localdate()
        locked.save(update_fields=["status", "outcome", "decided_on", "meeting"])
    return locked
