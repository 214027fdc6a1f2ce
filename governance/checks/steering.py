"""Rules on steering: the secretariat (SR-1, SR-2), the bodies and their seats (SR-3), meetings and their papers and
minutes (CM-4, SR-4, ME-2) and the decisions on the partnership's future (FD-1, FD-2)."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import BudgetCategory, StaffRole
from .common import (
    bodies_link,
    budget_link,
    link,
    meetings_link,
    members_link,
    names,
    resources_link,
    secretariat_link,
    sentence,
)

YEAR = dt.timedelta(days=365)


def _voting_bodies(g):
    return [b for b in g.bodies if not b.is_secretariat]


@rule("SR-1", needs="governance")
def secretariat(facts, params):
    g, p = facts.governance, facts.partnership
    body = g.secretariat
    if body is None:
        return Finding(Result.FAIL, _("No secretariat is set up."), [secretariat_link(p)])
    share = params["coordinator_percent"]
    coordinators = [
        s
        for s in body.staff.all()
        if s.role == StaffRole.COORDINATOR and s.time_share >= share and (s.ends_on is None or s.ends_on >= facts.today)
    ]
    budgeted = any(line.category == BudgetCategory.SECRETARIAT and line.amount > 0 for line in g.loaded.lines)
    problems = []
    if not coordinators:
        problems.append(_("the secretariat has no coordinator at %(share)s %% or more") % {"share": share})
    if not budgeted:
        problems.append(_("no secretariat budget line is above zero"))
    if problems:
        evidence = sentence(problems)
        return Finding(Result.FAIL, evidence, [secretariat_link(p), budget_link(p)])
    return Finding(
        Result.PASS,
        _("%(names)s coordinates the secretariat at %(share)s %% or more, and the secretariat is budgeted.")
        % {"names": names(s.contact.name for s in coordinators), "share": share},
        [secretariat_link(p)],
    )


@rule("SR-2", needs="governance")
def neutral_secretariat(facts, params):
    g, p = facts.governance, facts.partnership
    body = g.secretariat
    if body is None or body.host_organisation_id is None:
        return Finding(Result.PASS, _("No organisation is recorded as the secretariat's host."), [secretariat_link(p)])
    host = body.host_organisation
    reasons = []
    sources = [s for s in g.figures.sources if s.cash.total]
    if sources and sources[0].organisation_id == host.pk:
        reasons.append(_("it is the largest funder"))
    seats = [b.name for b in _voting_bodies(g) for s in b.seats.all() if s.organisation_id == host.pk and s.is_voting]
    if seats:
        reasons.append(_("it holds a voting seat on %(names)s") % {"names": names(seats)})
    if g.host_positions:
        reasons.append(
            _("a position is recorded for it on %(names)s")
            % {"names": names(sorted({pos.decision.title for pos in g.host_positions}))}
        )
    if reasons:
        return Finding(
            Result.WARN,
            _("The secretariat's host, %(host)s: %(reasons)s.") % {"host": host, "reasons": "; ".join(reasons)},
            [secretariat_link(p), bodies_link(p), resources_link(p)],
        )
    return Finding(
        Result.PASS,
        _("The secretariat's host, %(host)s, is not the largest funder, holds no voting seat and takes no positions.")
        % {"host": host},
        [secretariat_link(p)],
    )


@rule("SR-3", needs="governance")
def access_to_decisions(facts, params):
    g, p = facts.governance, facts.partnership
    body = g.primary_body
    if body is None:
        return Finding(Result.FAIL, _("No primary decision-making body is recorded."), [bodies_link(p)])
    seated = {s.organisation_id for s in body.seats.all()}
    missing = [o for o in g.organisations if o.pk not in seated]
    body_link = link(str(body), "governance:body", p, pk=body.pk)
    if missing:
        return Finding(
            Result.FAIL,
            ngettext(
                "%(count)d of %(total)d active members has no seat on %(body)s: %(names)s.",
                "%(count)d of %(total)d active members have no seat on %(body)s: %(names)s.",
                len(missing),
            )
            % {"count": len(missing), "total": len(g.members), "body": body, "names": names(missing)},
            [body_link, members_link(p)],
        )
    return Finding(
        Result.PASS,
        ngettext(
            "The %(total)d active member holds a seat on %(body)s.",
            "All %(total)d active members hold a seat on %(body)s.",
            len(g.members),
        )
        % {"total": len(g.members), "body": body},
        [body_link],
    )


def _held(meetings, today):
    return [m for m in meetings if not m.is_cancelled and m.start.date() <= today]


@rule("CM-4", needs="governance")
def informal_exchange(facts, params):
    g, p = facts.governance, facts.partnership
    core = [m.organisation for m in g.members if m.is_core_group]
    if not core:
        return Finding(Result.FAIL, _("No core-group organisation is recorded."), [members_link(p)])
    informal = [m for m in _held(g.meetings, facts.today) if not m.is_formal]
    if not informal:
        return Finding(Result.FAIL, _("No informal meeting has been held yet."), [meetings_link(p)])
    attended = set().union(*(m.attending_ids for m in informal))
    absent = [o for o in core if o.pk not in attended]
    if absent:
        return Finding(
            Result.FAIL,
            ngettext(
                "%(count)d of %(total)d core-group organisations attended no informal meeting: %(names)s.",
                "%(count)d of %(total)d core-group organisations attended no informal meeting: %(names)s.",
                len(absent),
            )
            % {"count": len(absent), "total": len(core), "names": names(absent)},
            [meetings_link(p)],
        )
    return Finding(
        Result.PASS,
        ngettext(
            "The %(total)d core-group organisation attended an informal meeting (%(meetings)d held).",
            "All %(total)d core-group organisations attended an informal meeting (%(meetings)d held).",
            len(core),
        )
        % {"total": len(core), "meetings": len(informal)},
        [meetings_link(p)],
    )


def _papers_late(meeting, days):
    papers = meeting.papers.all()
    deadline = meeting.start - dt.timedelta(days=days)
    return not papers or any(paper.shared_at is None or paper.shared_at > deadline for paper in papers)


@rule("SR-4", needs="governance")
def equal_information(facts, params):
    g, p = facts.governance, facts.partnership
    days = params["days_before"]
    since = facts.today - YEAR
    deciding = [m for m in _held(g.meetings, facts.today) if m.decided and m.start.date() >= since]
    if not deciding:
        return Finding(Result.NOT_APPLICABLE, _("No meeting took decisions in the last 12 months."), [meetings_link(p)])
    late = [m for m in deciding if _papers_late(m, days)]
    if late:
        return Finding(
            Result.FAIL,
            ngettext(
                "%(count)d of %(total)d meetings that took decisions did not share all papers %(days)s days "
                "before: %(names)s.",
                "%(count)d of %(total)d meetings that took decisions did not share all papers %(days)s days "
                "before: %(names)s.",
                len(deciding),
            )
            % {"count": len(late), "total": len(deciding), "days": days, "names": names(late)},
            [link(str(m), "governance:meeting", p, pk=m.pk) for m in late[:5]],
        )
    return Finding(
        Result.PASS,
        _("Every meeting that took decisions in the last 12 months (%(total)d) shared its papers %(days)s days before.")
        % {"total": len(deciding), "days": days},
        [meetings_link(p)],
    )
