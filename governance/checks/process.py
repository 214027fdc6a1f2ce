"""Rules on how the partnership runs itself: the bodies meet and minute their meetings (ME-2), and in phase 4 it
decides its future direction (FD-1) and what it needs to continue (FD-2)."""

import datetime as dt
import math

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp.text import in_sentence
from phases.catalogue import Result
from phases.checks import Finding, rule

from ..decision_rules import Method
from ..models import FUTURE_DIRECTIONS, DecisionTopic
from .common import bodies_link, decisions_link, link, meetings_link, names, sentence

YEAR = dt.timedelta(days=365)


def _held(g, today):
    return [m for m in g.meetings if not m.is_cancelled and m.start.date() <= today]


def _below_cadence(g, today):
    """(body, held, expected) for each body with a cadence that met less often in the last 12 months (or since it
    was set up) than its cadence asks."""
    held = _held(g, today)
    short = []
    for body in g.bodies:
        if not body.cadence:
            continue
        days = min(365, max((today - body.created_at.date()).days, 0))
        expected = math.floor(body.cadence * days / 365)
        count = sum(1 for m in held if m.body_id == body.pk and m.is_formal and m.start.date() >= today - YEAR)
        if count < expected:
            short.append((body, count, expected))
    return short


def _minutes_late(g, today, days):
    """Meetings of a body held in the last 12 months whose minutes were not recorded within `days` days."""
    late = []
    for m in _held(g, today):
        if m.body_id is None or m.start.date() < today - YEAR:
            continue
        due = m.end.date() + dt.timedelta(days=days)
        minutes = getattr(m, "minutes", None)
        if (minutes is None and due < today) or (minutes is not None and minutes.recorded_on > due):
            late.append(m)
    return late


@rule("ME-2", needs="governance")
def process_monitoring(facts, params):
    g, p = facts.governance, facts.partnership
    days = params["minutes_days"]
    short = _below_cadence(g, facts.today)
    late = _minutes_late(g, facts.today, days)
    problems = [
        ngettext(
            "%(body)s met %(held)d time in the last 12 months, %(expected)d planned",
            "%(body)s met %(held)d times in the last 12 months, %(expected)d planned",
            held,
        )
        % {"body": body, "held": held, "expected": expected}
        for body, held, expected in short
    ]
    if late:
        problems.append(
            ngettext(
                "%(count)d meeting without minutes within %(days)s days: %(names)s",
                "%(count)d meetings without minutes within %(days)s days: %(names)s",
                len(late),
            )
            % {"count": len(late), "days": days, "names": names(late)}
        )
    if problems:
        result = Result.FAIL if short else Result.WARN
        return Finding(result, sentence(problems), [bodies_link(p), meetings_link(p)])
    if not any(b.cadence for b in g.bodies):
        return Finding(Result.WARN, _("No body has a planned number of meetings a year."), [bodies_link(p)])
    return Finding(
        Result.PASS,
        _("Every body met as often as planned, and every meeting's minutes were recorded within %(days)s days.")
        % {"days": days},
        [meetings_link(p)],
    )


def _direction_decisions(facts):
    """Adopted decisions on the future direction, newest first: in phase 4, those taken since it began."""
    p = facts.partnership
    since = p.phase_since.date() if p.phase == 4 and p.phase_since else None
    return [
        d
        for d in facts.governance.decisions
        if d.topic in FUTURE_DIRECTIONS and (since is None or (d.decided_on and d.decided_on >= since))
    ]


def _decision_link(decision, p):
    return link(str(decision), "governance:decision", p, pk=decision.pk)


@rule("FD-1", needs="governance")
def direction_decided(facts, params):
    p = facts.partnership
    decisions = _direction_decisions(facts)
    if not decisions:
        return Finding(
            Result.FAIL,
            _("No decision on the partnership's future direction is recorded in this phase."),
            [decisions_link(p)],
        )
    latest = decisions[0]
    return Finding(
        Result.PASS,
        _("“%(title)s” (%(date)s) settles the future direction: %(topic)s.")
        % {"title": latest, "date": latest.decided_on.isoformat(), "topic": latest.get_topic_display()},
        [_decision_link(latest, p)],
    )


@rule("FD-2", needs="governance")
def continuation_agreed(facts, params):
    p = facts.partnership
    decisions = _direction_decisions(facts)
    if decisions and decisions[0].topic == DecisionTopic.FUTURE_CLOSE:
        return Finding(
            Result.NOT_APPLICABLE,
            _("The partnership decided to close (“%(title)s”).") % {"title": decisions[0]},
            [_decision_link(decisions[0], p)],
        )
    continuing = [d for d in decisions if d.topic != DecisionTopic.FUTURE_CLOSE]
    agreed = [d for d in continuing if d.method in (Method.CONSENSUS, Method.CONSENT)]
    if agreed:
        return Finding(
            Result.PASS,
            _("“%(title)s” was adopted by %(method)s.")
            % {"title": agreed[0], "method": in_sentence(agreed[0].get_method_display())},
            [_decision_link(agreed[0], p)],
        )
    if continuing:
        return Finding(
            Result.WARN,
            _("%(names)s decided how to continue, but not by consensus or consent.")
            % {"names": names(f"“{d}”" for d in continuing)},
            [_decision_link(d, p) for d in continuing[:5]],
        )
    return Finding(
        Result.FAIL,
        _("No decision by consensus or consent on what the partnership needs to continue is recorded."),
        [decisions_link(p)],
    )
