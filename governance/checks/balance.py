"""Rules on the balance of what members bring: the budget linked to results (PM-1), committed staff time against
declared capacity (SR-9), and contributions against seats (PM-3)."""

import datetime as dt
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import CommitmentType
from ..resources import Figure
from .common import (
    bodies_link,
    budget_link,
    commitments_link,
    members_link,
    names,
    resources_link,
    roadmap_link,
    sentence,
)


def percent(share):
    return number_format(share * 100, 0, use_l10n=True)


@rule("PM-1", needs="governance")
def linked_to_results(facts, params):
    g, p = facts.governance, facts.partnership
    version = g.approved_roadmap or g.latest_roadmap
    keys = {n.key for n in version.nodes.all()} if version else set()
    whole, linked = Figure(g.loaded.currency), Figure(g.loaded.currency)
    unlinked = []
    for line in g.loaded.lines:
        on = dt.date(line.year, 1, 1)
        whole.add(line.amount, line.currency_id, on, g.loaded.book)
        if line.result_node_key in keys:
            linked.add(line.amount, line.currency_id, on, g.loaded.book)
        elif line.amount:
            unlinked.append(line.description)
    if whole.missing:
        return Finding(
            Result.WARN,
            _("The budget lacks exchange rates: %(missing)s.") % {"missing": names(whole.missing)},
            [budget_link(p)],
        )
    if not whole.total:
        return Finding(Result.FAIL, _("No budget is planned yet."), [budget_link(p)])
    share = linked.total / whole.total
    values = {"percent": percent(share), "min": params["linked_percent"], "names": names(unlinked)}
    if share * 100 < params["linked_percent"]:
        return Finding(
            Result.FAIL,
            _("%(percent)s %% of the budget is linked to results, less than %(min)s %%; not linked: %(names)s.")
            % values,
            [budget_link(p), roadmap_link(p)],
        )
    return Finding(
        Result.PASS,
        _("%(percent)s %% of the budget is linked to a result of the results chain.") % values,
        [budget_link(p)],
    )


def _staff_days(commitment, year):
    """The commitment's staff time (its quantity, in person-days) that falls in `year`, pro rata by days."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    overlap = (min(end, commitment.ends_on) - max(start, commitment.starts_on)).days + 1
    if overlap <= 0:
        return Decimal(0)
    period = (commitment.ends_on - commitment.starts_on).days + 1
    return commitment.quantity * overlap / period


@rule("SR-9", needs="governance")
def capacity_matches(facts, params):
    g, p = facts.governance, facts.partnership
    year = facts.today.year
    days = {}
    for c in g.loaded.commitments:
        if c.type == CommitmentType.STAFF_TIME and not c.is_withdrawn and c.quantity is not None:
            days[c.organisation_id] = days.get(c.organisation_id, Decimal(0)) + _staff_days(c, year)
    over = [
        (m, days[m.organisation_id])
        for m in g.members
        if m.capacity_person_days is not None and days.get(m.organisation_id, 0) > m.capacity_person_days
    ]
    if over:
        return Finding(
            Result.WARN,
            ngettext(
                "%(count)d member commits more staff time in %(year)d than it declared: %(names)s.",
                "%(count)d members commit more staff time in %(year)d than they declared: %(names)s.",
                len(over),
            )
            % {
                "count": len(over),
                "year": year,
                "names": names(
                    _("%(name)s (%(days)s of %(capacity)s person-days)")
                    % {"name": m.organisation, "days": number_format(d, 0), "capacity": m.capacity_person_days}
                    for m, d in over
                ),
            },
            [commitments_link(p), members_link(p)],
        )
    return Finding(
        Result.PASS,
        _("No member commits more staff time in %(year)d than its declared capacity.") % {"year": year},
        [commitments_link(p)],
    )


@rule("PM-3", needs="governance")
def power_balance(facts, params):
    g, p = facts.governance, facts.partnership
    members = {o.pk for o in g.organisations}
    seats = [s for b in g.bodies if not b.is_secretariat for s in b.seats.all()]
    seated = {s.organisation_id for s in seats}
    chairs = {s.organisation_id for s in seats if s.is_chair}
    contributors = [s for s in g.figures.sources if s.organisation_id in members and (s.cash.total or s.in_kind.total)]
    reasons = []
    dominant = g.figures.concentration
    if dominant.too_concentrated and g.figures.sources[0].organisation_id in chairs:
        reasons.append(
            _("%(name)s provides %(percent)s %% of the cash and chairs a body")
            % {"name": g.figures.sources[0].name, "percent": percent(dominant.largest)}
        )
    unseated = [s.name for s in contributors if s.organisation_id not in seated]
    if unseated:
        reasons.append(_("contributors without a seat: %(names)s") % {"names": names(unseated)})
    if reasons:
        return Finding(Result.WARN, sentence(reasons), [resources_link(p), bodies_link(p)])
    return Finding(
        Result.PASS,
        ngettext(
            "%(count)d contributing member, with a seat; no dominant funder chairs a body.",
            "%(count)d contributing members, each with a seat; no dominant funder chairs a body.",
            len(contributors),
        )
        % {"count": len(contributors)},
        [resources_link(p)],
    )
