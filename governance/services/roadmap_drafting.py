"""Drafting the roadmap: a new version, its vision, goals, results chain and milestones, and milestone progress
on the version in use."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership
from msp.services import StaleEdit
from msp.text import in_sentence
from stakeholders.selectors import active_member_organisations

from .. import selectors
from ..models import FrozenVersion, Milestone, ResultNode, RoadmapGoal, RoadmapVersion
from .common import RS, _lock, _next_number


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
                % {"n": locked.number, "status": in_sentence(locked.get_status_display())}
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
