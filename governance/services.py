"""Writes of the roadmap and the MoU.

Every service takes the acting user as `by=` and asks msp.access; every one that depends on a version's status
locks the version row (`select_for_update`) before looking at it, so a version sent or signed in the meantime is
seen as it is now. Status moves go through `VersionBase.move_to`, the one status machine. E-mails are written
into the outbox in the same transaction (msp.services.notify) and sent after commit.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.documents import StoredDocument
from msp.models import Partnership, person_name
from msp.services import StaleEdit, notify
from stakeholders.selectors import active_member_organisations

from . import selectors, tasks
from .models import (
    Clause,
    FrozenVersion,
    Milestone,
    MouApproval,
    MouComment,
    MouParty,
    MouScan,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
    RoadmapGoal,
    RoadmapVersion,
)

RS, MS = RoadmapVersion.Status, MouVersion.Status
SCAN_MAX_BYTES = 20 * 1024 * 1024


def _lock(model, version):
    """The version row, locked for the rest of the transaction, with its partnership."""
    return model.objects.select_for_update().select_related("partnership").get(pk=version.pk)


def _next_number(model, partnership):
    return (model.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"] or 0) + 1


def _fix_parties(locked, purpose, by):
    """Record the active members of today as the parties asked to `purpose` the version just sent."""
    party_model = locked.parties.model
    extra = {"purpose": purpose} if party_model is MouParty else {}
    now = timezone.now()
    party_model.objects.bulk_create(
        [
            party_model(version=locked, organisation=organisation, added_at=now, added_by=by, **extra)
            for organisation in active_member_organisations(locked.partnership)
        ]
    )


def _require_party(locked, organisation, purpose):
    """Refuse an approval or signature for an organisation that is not a party to the version.

    Not a permission (msp.access has decided the person may act for the organisation): which organisations a
    version asks is part of the version's state, fixed when it was sent and changed by the secretariat, so it is
    checked here, under the version's row lock, and said as a ValidationError the secretariat can resolve."""
    extra = {"purpose": purpose} if isinstance(locked, MouVersion) else {}
    if not locked.parties.filter(organisation=organisation, **extra).exists():
        raise ValidationError(
            _(
                "%(org)s is not a party to version %(n)d: it became a member after the version was sent. The "
                "secretariat can add it as a party on the version's page."
            )
            % {"org": organisation, "n": locked.number}
        )


# --- roadmap: drafting -----------------------------------------------------------------------------------------


def roadmap_version_create(*, partnership, by) -> RoadmapVersion:
    """Start a new draft as a copy of the latest version (goals, results chain, milestones), or, for the first
    one, from the partnership's problem statement and vision. Only one draft at a time."""
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "change", locked)
        draft = RoadmapVersion.objects.filter(partnership=locked, status=RS.DRAFT).first()
        if draft:
            raise ValidationError(
                _("Version %(n)d is still a draft: continue editing it, or send it for review first.")
                % {"n": draft.number}
            )
        last = selectors.latest_roadmap(locked)
        version = RoadmapVersion(
            partnership=locked,
            number=_next_number(RoadmapVersion, locked),
            created_by=by,
            problem_statement=last.problem_statement if last else locked.problem_statement,
            vision=last.vision if last else locked.vision,
        )
        version.full_clean()
        version.save()
        if last:
            _copy_roadmap_content(last, version)
    return version


def _copy_roadmap_content(source, target):
    RoadmapGoal.objects.bulk_create(
        [RoadmapGoal(version=target, position=g.position, text=g.text) for g in source.goals.all()]
    )
    new_pk = {}
    # Parents before children: impacts first, then outcomes, outputs, activities.
    nodes = sorted(source.nodes.all(), key=lambda n: ["impact", "outcome", "output", "activity"].index(n.level))
    for node in nodes:
        copy = ResultNode(
            version=target,
            key=node.key,
            level=node.level,
            parent_id=new_pk.get(node.parent_id),
            title=node.title,
            description=node.description,
            owner_id=node.owner_id,
            position=node.position,
        )
        copy.save()
        new_pk[node.pk] = copy.pk
    Milestone.objects.bulk_create(
        [
            Milestone(
                version=target,
                key=m.key,
                title=m.title,
                due_on=m.due_on,
                owner_id=m.owner_id,
                node_id=new_pk.get(m.node_id),
                status=m.status,
                done_on=m.done_on,
            )
            for m in source.milestones.all()
        ]
    )


def roadmap_version_update(
    *, version, by, problem_statement, vision, goals, change_note="", seen=None
) -> RoadmapVersion:
    """Save the text of a draft: problem statement, vision, the common goals (a list of texts, in order).

    `seen` is the content hash the edit form was loaded with: when someone saved in between, StaleEdit is raised
    rather than silently undoing their edit.
    """
    goals = [g.strip() for g in goals if g and g.strip()]
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        if seen and seen != locked.content_hash:
            raise StaleEdit(
                _(
                    "Someone else saved this version while you were editing it. Your text is still in the form: "
                    "compare it with the current text shown above it, then save again."
                )
            )
        locked.problem_statement, locked.vision, locked.change_note = problem_statement, vision, change_note
        locked.full_clean()
        locked.save()
        # Row by row (not bulk) so each goal added or removed shows in the activity feed.
        existing = list(locked.goals.all())
        if [g.text for g in existing] != goals:
            for goal in existing:
                goal.delete()
            for position, text in enumerate(goals):
                RoadmapGoal.objects.create(version=locked, position=position, text=text)
    return locked


def result_node_save(*, version, by, node=None, **fields) -> ResultNode:
    """Add a node to a draft's results chain, or change one (`node`)."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        if node is None:
            last = locked.nodes.aggregate(p=Max("position"))["p"]
            node = ResultNode(version=locked, position=(last or 0) + 1)
        elif node.version_id != locked.pk:
            raise ValidationError(_("This node belongs to another version."))
        if node.pk and fields.get("level", node.level) != node.level and node.children.exists():
            raise ValidationError(
                {"level": _("This node has nodes under it; move or remove them before changing its level.")}
            )
        for name, value in fields.items():
            setattr(node, name, value)
        _check_owner(locked.partnership, node.owner)
        node.full_clean()
        node.save()
    return node


def _check_owner(partnership, organisation):
    if organisation is None:
        return
    if not active_member_organisations(partnership).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"owner": _("%(org)s is not an active member of this partnership.") % {"org": organisation}}
        )


def result_node_delete(*, node, by) -> None:
    with transaction.atomic():
        locked = _lock(RoadmapVersion, node.version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        if node.children.exists():
            raise ValidationError(
                _("“%(title)s” has nodes under it; remove or move them first.") % {"title": node.title}
            )
        node.delete()


def milestone_save(*, version, by, milestone=None, **fields) -> Milestone:
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        if milestone is None:
            milestone = Milestone(version=locked)
        elif milestone.version_id != locked.pk:
            raise ValidationError(_("This milestone belongs to another version."))
        for name, value in fields.items():
            setattr(milestone, name, value)
        _check_owner(locked.partnership, milestone.owner)
        milestone.full_clean()
        milestone.save()
    return milestone


def milestone_delete(*, milestone, by) -> None:
    with transaction.atomic():
        locked = _lock(RoadmapVersion, milestone.version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        milestone.delete()


def milestone_progress(*, milestone, by, status, done_on=None) -> Milestone:
    """Report progress on a milestone of the current (approved) roadmap, or of a draft: status and done date
    only. The agreed content of the milestone (title, due date, owner) stays as approved."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, milestone.version)
        access.require(by, "change", locked.partnership)
        if locked.status not in (RS.DRAFT, RS.APPROVED):
            raise FrozenVersion(
                _("Progress is reported on the current roadmap; version %(n)d is %(status)s.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        row = Milestone.objects.select_for_update().get(pk=milestone.pk)
        row.status, row.done_on = status, done_on
        row.full_clean()
        row.save(update_fields=["status", "done_on"])
    return row


def roadmap_version_discard(*, version, by) -> None:
    """Throw away a draft (a version that was sent stays on record)."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        locked.milestones.all().delete()
        # Children before parents (the parent link restricts deleting a parent alone).
        for level in ("activity", "output", "outcome", "impact"):
            locked.nodes.filter(level=level).delete()
        locked.delete()


# --- roadmap: review and approval ------------------------------------------------------------------------------


def roadmap_send_for_review(*, version, by) -> RoadmapVersion:
    """draft → in review. Freezes the version and e-mails the partners that it awaits their review. An older
    version still in review is superseded by this one."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        access.require(by, "change", locked.partnership)
        problems = []
        if not locked.vision.strip():
            problems.append(_("write the vision"))
        if not locked.goals.exists():
            problems.append(_("name at least one common goal"))
        if locked.status == RS.DRAFT and problems:
            raise ValidationError(_("Before sending it for review, %(what)s.") % {"what": _(" and ").join(problems)})
        locked.move_to(RS.IN_REVIEW)
        locked.sent_at = timezone.now()
        for older in RoadmapVersion.objects.select_for_update().filter(
            partnership=locked.partnership, status=RS.IN_REVIEW
        ):
            older.move_to(RS.SUPERSEDED)
            older.superseded_at = locked.sent_at
            older.save(update_fields=["status", "superseded_at"])
        locked.save(update_fields=["status", "sent_at"])
        _fix_parties(locked, "approve", by)
        notify(
            partnership=locked.partnership,
            recipients=selectors.partner_users(locked.partnership),
            subject=_("Roadmap v%(n)d of %(name)s awaits your review")
            % {"n": locked.number, "name": locked.partnership.name},
            body=_(
                "%(who)s sent version %(n)d of the roadmap of %(name)s for review. Please read it, comment, and "
                "approve it for your organisation."
            )
            % {"who": person_name(by), "n": locked.number, "name": locked.partnership.name},
            link=locked.get_absolute_url(),
        )
    return locked


def roadmap_approve(*, version, by, organisation=None) -> RoadmapApproval:
    """A partner approves the version in review for their organisation, a party to it. When every party has
    approved, the version is approved (and the previously approved one superseded)."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        acting = access.require(by, "approve_roadmap", locked, organisation=organisation)
        if locked.status != RS.IN_REVIEW:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version in review can be approved.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _require_party(locked, acting.organisation, "approve")
        if locked.approvals.filter(organisation=acting.organisation).exists():
            raise ValidationError(_("%(org)s has already approved this version.") % {"org": acting.organisation})
        approval = RoadmapApproval.objects.create(version=locked, organisation=acting.organisation, by=by)
        roadmap_approve_if_complete(locked)
    version.status = locked.status
    return approval


def roadmap_approve_if_complete(locked):
    """With the version row locked: when every party has approved, the version is approved (and the one approved
    before it superseded), and everyone is told."""
    if locked.status != RS.IN_REVIEW or not selectors.is_approved_by_all(locked):
        return
    now = timezone.now()
    for older in RoadmapVersion.objects.select_for_update().filter(partnership=locked.partnership, status=RS.APPROVED):
        older.move_to(RS.SUPERSEDED)
        older.superseded_at = now
        older.save(update_fields=["status", "superseded_at"])
    locked.move_to(RS.APPROVED)
    locked.approved_at = now
    locked.save(update_fields=["status", "approved_at"])
    notify(
        partnership=locked.partnership,
        recipients=selectors.everyone_on(locked.partnership),
        subject=_("Roadmap v%(n)d of %(name)s is approved") % {"n": locked.number, "name": locked.partnership.name},
        body=_("Every party has approved version %(n)d of the roadmap of %(name)s.")
        % {"n": locked.number, "name": locked.partnership.name},
        link=locked.get_absolute_url(),
    )


# --- comments (roadmap and MoU) --------------------------------------------------------------------------------


def _comment(model, *, version, by, body, parent=None, commentable, **extra):
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write your comment first.")})
    access.require(by, "comment_agreement", version.partnership)
    if not commentable:
        raise ValidationError(
            _("Comments on version %(n)d are closed: it is %(status)s.")
            % {"n": version.number, "status": version.get_status_display().lower()}
        )
    if parent is not None:
        if parent.version_id != version.pk:
            raise ValidationError(_("You can only reply to a comment on the same version."))
        parent = parent.parent or parent  # a reply to a reply joins the same thread
        extra = {**extra, "clause": getattr(parent, "clause", None)} if "clause" in extra else extra
    contact = selectors.acting_contact(by, version.partnership)
    comment = model(
        version=version,
        author=by,
        organisation=contact.organisation if contact else None,
        body=body,
        parent=parent,
        **extra,
    )
    comment.full_clean()
    comment.save()
    return comment


def roadmap_comment(*, version, by, body, parent=None) -> RoadmapComment:
    """A member comments on a roadmap version in review (or replies to a comment). As for the MoU, comments open
    when the secretariat sends the version and close when it is approved or superseded."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        return _comment(
            RoadmapComment,
            version=locked,
            by=by,
            body=body,
            parent=parent,
            commentable=locked.status == RS.IN_REVIEW,
        )


def mou_comment(*, version, by, body, clause=None, parent=None) -> MouComment:
    """A member comments on a clause of an MoU version (or on the whole version), or replies in a thread."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        if clause is not None and clause.version_id != locked.pk:
            raise ValidationError(_("This clause belongs to another version."))
        return _comment(
            MouComment,
            version=locked,
            by=by,
            body=body,
            parent=parent,
            commentable=locked.status in MouVersion.COMMENTABLE,
            clause=clause,
        )


def comment_resolve(*, comment, by, resolved=True):
    """The secretariat marks a thread resolved (or opens it again)."""
    with transaction.atomic():
        row = type(comment).objects.select_for_update().select_related("version__partnership").get(pk=comment.pk)
        access.require(by, "change", row.version.partnership)
        if row.parent_id is not None:
            raise ValidationError(_("Resolve the thread at its first comment."))
        row.resolved_at, row.resolved_by = (timezone.now(), by) if resolved else (None, None)
        row.save(update_fields=["resolved_at", "resolved_by"])
    return row


# --- MoU: drafting ---------------------------------------------------------------------------------------------


def mou_version_create(*, partnership, by) -> MouVersion:
    """Start a new draft as a copy of the latest version's clauses (an empty draft for the first one)."""
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "change", locked)
        draft = MouVersion.objects.filter(partnership=locked, status=MS.DRAFT).first()
        if draft:
            raise ValidationError(
                _("Version %(n)d is still a draft: continue editing it, or send it first.") % {"n": draft.number}
            )
        last = selectors.latest_mou(locked)
        version = MouVersion(partnership=locked, number=_next_number(MouVersion, locked), created_by=by)
        if last:
            version.title = last.title
        version.full_clean()
        version.save()
        if last:
            Clause.objects.bulk_create(
                [
                    Clause(version=version, key=c.key, position=c.position, type=c.type, title=c.title, text=c.text)
                    for c in last.clauses.all()
                ]
            )
    return version


def mou_version_update(*, version, by, title, change_note="") -> MouVersion:
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        locked.title, locked.change_note = title, change_note
        locked.full_clean()
        locked.save()
    return locked


def clause_save(*, version, by, clause=None, seen=None, **fields) -> Clause:
    """Add a clause to a draft, or change one. `seen` as for roadmap_version_update: a clause someone else saved
    since the form was loaded is not overwritten (StaleEdit)."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        if clause is not None and seen:
            current = Clause.objects.select_for_update().filter(pk=clause.pk, version=locked).first()
            if current is None or current.content_hash != seen:
                raise StaleEdit(
                    _(
                        "Someone else changed this clause while you were editing it. Your text is still in the "
                        "form: compare it with the current text shown beside it, then save again."
                    )
                )
        if clause is None:
            last = locked.clauses.aggregate(p=Max("position"))["p"]
            clause = Clause(version=locked, position=(last or 0) + 1)
        elif clause.version_id != locked.pk:
            raise ValidationError(_("This clause belongs to another version."))
        for name, value in fields.items():
            setattr(clause, name, value)
        clause.full_clean()
        clause.save()
    return clause


def clause_delete(*, clause, by) -> None:
    with transaction.atomic():
        locked = _lock(MouVersion, clause.version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        clause.delete()


def clause_move(*, clause, by, up) -> None:
    """Swap a clause with the one before (up) or after it."""
    with transaction.atomic():
        locked = _lock(MouVersion, clause.version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        clauses = list(locked.clauses.order_by("position", "pk"))
        index = next(i for i, c in enumerate(clauses) if c.pk == clause.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(clauses):
            return
        clauses[index], clauses[other] = clauses[other], clauses[index]
        for position, row in enumerate(clauses, start=1):
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])


def mou_version_discard(*, version, by) -> None:
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        locked.clauses.all().delete()
        locked.delete()


# --- MoU: sending, approval, signature -------------------------------------------------------------------------


def _send(locked, to, by):
    if locked.status == MS.DRAFT and not locked.clauses.exists():
        raise ValidationError(_("Add at least one clause before sending the MoU."))
    locked.move_to(to)
    now = timezone.now()
    if not locked.fingerprint:
        locked.fingerprint = locked.compute_fingerprint()
    if to == MS.IN_REVIEW:
        locked.sent_at = now
    else:
        locked.for_signature_at = now
    # Versions still in review or being signed are replaced by this one; the version in force stays in force
    # until this one is signed by everyone.
    older = MouVersion.objects.select_for_update().filter(
        partnership=locked.partnership, status__in=[MS.IN_REVIEW, MS.FOR_SIGNATURE, MS.PARTIALLY_SIGNED]
    )
    for row in older.exclude(pk=locked.pk):
        row.move_to(MS.SUPERSEDED)
        row.ended_at = now
        row.save(update_fields=["status", "ended_at"])
    locked.save(update_fields=["status", "fingerprint", "sent_at", "for_signature_at"])
    _fix_parties(locked, "approve" if to == MS.IN_REVIEW else "sign", by)


def mou_send_for_review(*, version, by) -> MouVersion:
    """draft → in review: frozen, partners e-mailed that it awaits their review."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        _send(locked, MS.IN_REVIEW, by)
        notify(
            partnership=locked.partnership,
            recipients=selectors.partner_users(locked.partnership),
            subject=_("MoU v%(n)d of %(name)s awaits your review")
            % {"n": locked.number, "name": locked.partnership.name},
            body=_(
                "%(who)s sent version %(n)d of the memorandum of understanding of %(name)s for review. Please read "
                "it, comment on its clauses, and approve it for your organisation."
            )
            % {"who": person_name(by), "n": locked.number, "name": locked.partnership.name},
            link=locked.get_absolute_url(),
        )
    return locked


def mou_send_for_signature(*, version, by) -> MouVersion:
    """draft or in review → for signature: frozen, partners e-mailed that it awaits their signature."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        _send(locked, MS.FOR_SIGNATURE, by)
        _store_copy_on_commit(locked, StoredDocument.Kind.MOU_FOR_SIGNATURE)
        notify(
            partnership=locked.partnership,
            recipients=selectors.partner_users(locked.partnership),
            subject=_("MoU v%(n)d of %(name)s awaits signature")
            % {"n": locked.number, "name": locked.partnership.name},
            body=_(
                "%(who)s sent version %(n)d of the memorandum of understanding of %(name)s for signature. If you "
                "may sign for your organisation, please read it and sign it online."
            )
            % {"who": person_name(by), "n": locked.number, "name": locked.partnership.name},
            link=locked.get_absolute_url(),
        )
    return locked


def _store_copy_on_commit(locked, kind):
    """The stored PDF copy (the reference every download serves) is rendered once, by a worker, after commit."""
    version_id = locked.pk
    transaction.on_commit(lambda: tasks.queue_mou_copy(version_id, kind))


def mou_terminate(*, version, by, reason) -> MouVersion:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the MoU is terminated.")})
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.move_to(MS.TERMINATED)
        locked.ended_at, locked.termination_reason = timezone.now(), reason
        locked.save(update_fields=["status", "ended_at", "termination_reason"])
        notify(
            partnership=locked.partnership,
            recipients=selectors.everyone_on(locked.partnership),
            subject=_("The MoU of %(name)s is terminated") % {"name": locked.partnership.name},
            body=_("%(who)s recorded that version %(n)d of the MoU is terminated.\n\nReason: %(reason)s")
            % {"who": person_name(by), "n": locked.number, "reason": reason},
            link=locked.get_absolute_url(),
        )
    return locked


def mou_approve(*, version, by, organisation=None) -> MouApproval:
    """A partner approves the version in review for their organisation (the secretariat then sends it for
    signature)."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        acting = access.require(by, "approve_mou", locked, organisation=organisation)
        if locked.status != MS.IN_REVIEW:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version in review can be approved.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _require_party(locked, acting.organisation, "approve")
        if locked.approvals.filter(organisation=acting.organisation).exists():
            raise ValidationError(_("%(org)s has already approved this version.") % {"org": acting.organisation})
        return MouApproval.objects.create(version=locked, organisation=acting.organisation, by=by)


def mou_sign(*, version, by, name, position, fingerprint, organisation=None) -> MouSignature:
    """A partner who may sign for their organisation signs the version that is for signature.

    `fingerprint` is the SHA-256 of the text the signer was shown; it must match the version's text now. The
    version row is locked, so two partners signing at the same moment are counted one after the other: both
    signatures are kept and exactly one of them brings the version into force (superseding the previous
    version in force).
    """
    name, position = (name or "").strip(), (position or "").strip()
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        acting = access.require(by, "sign_mou", locked, organisation=organisation)
        if locked.status not in MouVersion.SIGNABLE:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version sent for signature can be signed.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _require_party(locked, acting.organisation, "sign")
        existing = locked.signatures.filter(organisation=acting.organisation).select_related("signed_by").first()
        if existing:
            raise ValidationError(
                _("%(org)s has already signed this version (%(who)s, %(when)s).")
                % {
                    "org": acting.organisation,
                    "who": existing.signer_name,
                    "when": timezone.localtime(existing.signed_at).strftime("%d %b %Y %H:%M"),
                }
            )
        if not name or not position:
            raise ValidationError(_("Give your name and your position as they should appear on the MoU."))
        current = locked.compute_fingerprint()
        if current != locked.fingerprint or fingerprint != current:
            raise ValidationError(
                _(
                    "The text you were shown is not the text of this version any more. Reload the page, read it, "
                    "and sign again."
                )
            )
        try:
            with transaction.atomic():
                signature = MouSignature.objects.create(
                    version=locked,
                    organisation=acting.organisation,
                    signed_by=by,
                    signer_name=name,
                    signer_position=position,
                    fingerprint=current,
                )
        except IntegrityError:
            raise ValidationError(
                _("%(org)s has already signed this version.") % {"org": acting.organisation}
            ) from None
        mou_after_signature(locked)
    version.status = locked.status
    return signature


def mou_after_signature(locked):
    """With the version row locked: in force when every party has signed, otherwise partially signed."""
    if locked.status not in MouVersion.SIGNABLE:
        return
    if selectors.is_signed_by_all(locked):
        _bring_into_force(locked)
    elif locked.status == MS.FOR_SIGNATURE and locked.signatures.exists():
        locked.move_to(MS.PARTIALLY_SIGNED)
        locked.save(update_fields=["status"])


def _bring_into_force(locked):
    now = timezone.now()
    for previous in MouVersion.objects.select_for_update().filter(partnership=locked.partnership, status=MS.IN_FORCE):
        previous.move_to(MS.SUPERSEDED)
        previous.ended_at = now
        previous.save(update_fields=["status", "ended_at"])
    locked.move_to(MS.IN_FORCE)
    locked.in_force_at = now
    locked.save(update_fields=["status", "in_force_at"])
    _store_copy_on_commit(locked, StoredDocument.Kind.MOU_IN_FORCE)
    notify(
        partnership=locked.partnership,
        recipients=selectors.everyone_on(locked.partnership),
        subject=_("The MoU of %(name)s is in force") % {"name": locked.partnership.name},
        body=_("Every party has signed version %(n)d of the MoU of %(name)s; it is now in force.")
        % {"n": locked.number, "name": locked.partnership.name},
        link=locked.get_absolute_url(),
    )


def mou_scan_upload(*, version, by, file) -> MouVersion:
    """Attach a scan of the wet-ink signed copy (PDF only, at most SCAN_MAX_BYTES) to a version sent for
    signature and not superseded. The newest scan is the version's `signed_scan`; every earlier one is kept (a
    MouScan row each), never deleted."""
    if file is None:
        raise ValidationError({"scan": _("Choose the PDF file of the scan.")})
    if file.size > SCAN_MAX_BYTES:
        raise ValidationError(
            {
                "scan": _("The file is %(size)d MB; the limit is %(max)d MB.")
                % {"size": file.size // (1024 * 1024), "max": SCAN_MAX_BYTES // (1024 * 1024)}
            }
        )
    head = file.read(5)
    file.seek(0)
    if not file.name.lower().endswith(".pdf") or head != b"%PDF-":
        raise ValidationError({"scan": _("Only PDF files can be attached: this file is not a PDF.")})
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        if locked.status in (MS.DRAFT, MS.IN_REVIEW):
            raise ValidationError(_("A signed copy can be attached once the version has been sent for signature."))
        if locked.status == MS.SUPERSEDED:
            raise ValidationError(
                _("Version %(n)d is superseded: a signed copy can no longer be attached to it.") % {"n": locked.number}
            )
        scan = MouScan(version=locked, uploaded_by=by)
        # The storage picks a free name, so an earlier scan's file is never overwritten.
        scan.file.save(f"p{locked.partnership_id}-mou-v{locked.number}.pdf", file, save=False)
        scan.save()
        locked.signed_scan.name = scan.file.name
        locked.scan_uploaded_at, locked.scan_uploaded_by = scan.uploaded_at, by
        locked.save(update_fields=["signed_scan", "scan_uploaded_at", "scan_uploaded_by"])
    return locked


# Parties added or removed after sending, and approvals and signatures given outside the app: in their own module,
# which uses the helpers above; importable from here like every other governance service.
from .party_services import approve_on_record, mou_sign_on_paper, party_add, party_remove  # noqa: E402, F401
