"""Rules on the partnership's agreements: the roadmap (CS-3, CS-4, CM-5) and the MoU (PM-5). Gate items judge
against today's active members: a member that joined after a version was approved or signed re-opens the item."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp.text import in_sentence
from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import Level
from .common import link, members_link, mou_link, names, roadmap_link


def _version_link(version, partnership):
    return link(
        _("Roadmap version %(n)d") % {"n": version.number},
        "governance:roadmap_version",
        partnership,
        number=version.number,
    )


def _not_yet(members, done_ids):
    return [o for o in members if o.pk not in done_ids]


@rule("CS-3", needs="governance")
def common_objectives(facts, params):
    g, p = facts.governance, facts.partnership
    version = g.approved_roadmap
    if version is None:
        latest = g.latest_roadmap
        if latest is None:
            return Finding(Result.FAIL, _("No roadmap has been written yet."), [roadmap_link(p)])
        missing = _not_yet(g.organisations, {a.organisation_id for a in latest.approvals.all()})
        evidence = _("No roadmap version is approved yet; version %(n)d is %(status)s.") % {
            "n": latest.number,
            "status": in_sentence(latest.get_status_display()),
        }
        if missing and not latest.is_draft:
            evidence += " " + _("Still to approve: %(names)s.") % {"names": names(missing)}
        return Finding(Result.FAIL, evidence, [_version_link(latest, p)])
    problems = []
    if not version.vision.strip():
        problems.append(_("it has no vision"))
    if not version.goals.all():
        problems.append(_("it has no common goal"))
    missing = _not_yet(g.organisations, {a.organisation_id for a in version.approvals.all()})
    if missing:
        problems.append(
            ngettext(
                "%(count)d of %(total)d active members has not approved it: %(names)s",
                "%(count)d of %(total)d active members have not approved it: %(names)s",
                len(missing),
            )
            % {"count": len(missing), "total": len(g.members), "names": names(missing)}
        )
    if problems:
        evidence = _("Roadmap version %(n)d: %(problems)s.") % {"n": version.number, "problems": "; ".join(problems)}
        return Finding(Result.FAIL, evidence, [_version_link(version, p), members_link(p)])
    return Finding(
        Result.PASS,
        ngettext(
            "Roadmap version %(n)d has a vision and %(goals)d goal, approved by every active member (%(total)d).",
            "Roadmap version %(n)d has a vision and %(goals)d goals, approved by every active member (%(total)d).",
            len(version.goals.all()),
        )
        % {"n": version.number, "goals": len(version.goals.all()), "total": len(g.members)},
        [_version_link(version, p)],
    )


def _chain_problems(version):
    nodes = list(version.nodes.all())
    levels = {level: [n for n in nodes if n.level == level] for level in Level.values}
    problems = []
    if not levels[Level.IMPACT]:
        problems.append(_("no impact"))
    if not levels[Level.OUTCOME]:
        problems.append(_("no outcome"))
    orphans = [n for n in nodes if n.level != Level.IMPACT and n.parent_id is None]
    if orphans:
        problems.append(_("no parent for %(names)s") % {"names": names(n.title for n in orphans)})
    dated = {m.node_id for m in version.milestones.all() if m.due_on and m.status != "cancelled"}
    undated = [n for n in levels[Level.OUTCOME] if n.pk not in dated]
    if undated:
        problems.append(
            ngettext(
                "%(count)d outcome without a milestone: %(names)s",
                "%(count)d outcomes without a milestone: %(names)s",
                len(undated),
            )
            % {"count": len(undated), "names": names(n.title for n in undated)}
        )
    return levels, problems


@rule("CS-4", needs="governance")
def results_chain(facts, params):
    g, p = facts.governance, facts.partnership
    version = g.approved_roadmap or g.latest_roadmap
    if version is None:
        return Finding(
            Result.FAIL, _("No roadmap has been written yet, so there is no results chain."), [roadmap_link(p)]
        )
    _levels, problems = _chain_problems(version)
    if problems:
        evidence = _("The results chain of roadmap version %(n)d has %(problems)s.") % {
            "n": version.number,
            "problems": "; ".join(problems),
        }
        return Finding(Result.FAIL, evidence, [_version_link(version, p)])
    return Finding(
        Result.PASS,
        _(
            "The results chain of roadmap version %(n)d is complete: it has an impact and an outcome, every node "
            "has its parent and every outcome a dated milestone."
        )
        % {"n": version.number},
        [_version_link(version, p)],
    )


@rule("CM-5", needs="governance")
def shared_problem(facts, params):
    g, p = facts.governance, facts.partnership
    version = g.approved_roadmap
    if version is None:
        return Finding(
            Result.WARN, _("No roadmap version is approved yet, so no problem statement is agreed."), [roadmap_link(p)]
        )
    if not version.problem_statement.strip():
        return Finding(
            Result.WARN,
            _("The approved roadmap (version %(n)d) has no problem statement.") % {"n": version.number},
            [_version_link(version, p)],
        )
    return Finding(
        Result.PASS,
        _("The problem statement is part of the approved roadmap (version %(n)d).") % {"n": version.number},
        [_version_link(version, p)],
    )


def _mou_link(version, p):
    return link(_("MoU version %(n)d") % {"n": version.number}, "governance:mou_version", p, number=version.number)


@rule("PM-5", needs="governance")
def written_agreement(facts, params):
    g, p = facts.governance, facts.partnership
    version = g.mou_in_force
    if version is None:
        pending = g.mou_being_signed
        if pending is None:
            return Finding(Result.FAIL, _("No MoU is in force or out for signature."), [mou_link(p)])
        missing = _not_yet(g.organisations, {s.organisation_id for s in pending.signatures.all()})
        return Finding(
            Result.FAIL,
            _("No MoU is in force yet; version %(n)d still needs the signature of %(names)s.")
            % {"n": pending.number, "names": names(missing)},
            [_mou_link(pending, p)],
        )
    missing = _not_yet(g.organisations, {s.organisation_id for s in version.signatures.all()})
    if missing:
        return Finding(
            Result.FAIL,
            ngettext(
                "%(count)d of %(total)d active members has not signed the MoU in force (version %(n)d): %(names)s.",
                "%(count)d of %(total)d active members have not signed the MoU in force (version %(n)d): %(names)s.",
                len(missing),
            )
            % {"count": len(missing), "total": len(g.members), "n": version.number, "names": names(missing)},
            [_mou_link(version, p), members_link(p)],
        )
    return Finding(
        Result.PASS,
        _("MoU version %(n)d is in force, signed by every active member (%(total)d).")
        % {"n": version.number, "total": len(g.members)},
        [_mou_link(version, p)],
    )
