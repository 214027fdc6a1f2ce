"""Rules on resources: the budget (SR-5, SR-6, CS-8, PM-1), the commitments (PM-2, SR-8, SR-9) and who funds and
who sits where (SR-7, PM-3). Figures come from the resources overview (governance.resources), never recomputed."""

import datetime as dt
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp.text import in_sentence
from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import BudgetCategory, DecisionTopic
from .common import budget_link, commitments_link, decisions_link, members_link, names, resources_link


def money(amount, currency):
    return f"{currency} {number_format(amount, 0, use_l10n=True, force_grouping=True)}"


def percent(share):
    return number_format(share * 100, 0, use_l10n=True)


def _live(g):
    return [c for c in g.loaded.commitments if not c.is_withdrawn]


@rule("SR-5", needs="governance")
def budget_sufficient(facts, params):
    g, p = facts.governance, facts.partnership
    year = facts.today.year
    row = g.figures.current_year(facts.today)
    links = [resources_link(p), budget_link(p), commitments_link(p)]
    if row.planned.missing or row.committed.missing:
        return Finding(
            Result.WARN,
            _("The figures of %(year)d lack exchange rates: %(missing)s.")
            % {"year": year, "missing": names(row.planned.missing + row.committed.missing)},
            links,
        )
    if not row.planned.total:
        return Finding(Result.FAIL, _("No budget is planned for %(year)d.") % {"year": year}, links)
    if row.committed.total < row.planned.total:
        return Finding(
            Result.FAIL,
            _("Commitments cover %(percent)s %% of the budget planned for %(year)d: %(gap)s are missing.")
            % {"percent": percent(row.coverage), "year": year, "gap": money(row.gap, row.planned.currency)},
            links,
        )
    evidence = _("Commitments of %(committed)s cover the %(planned)s planned for %(year)d.") % {
        "committed": money(row.committed.total, row.committed.currency),
        "planned": money(row.planned.total, row.planned.currency),
        "year": year,
    }
    if p.phase >= 3:
        months = params["review_months"]
        since = facts.today - dt.timedelta(days=round(months * 30.44))
        if g.last_review is None or g.last_review < since:
            return Finding(
                Result.FAIL,
                evidence
                + " "
                + _("But the budget was not reviewed in the last %(months)s months.") % {"months": months},
                [budget_link(p)],
            )
        evidence += " " + _("Last reviewed on %(date)s.") % {"date": g.last_review.isoformat()}
    return Finding(Result.PASS, evidence, [resources_link(p)])


COSTED = (BudgetCategory.SECRETARIAT, BudgetCategory.MANAGEMENT, BudgetCategory.MONITORING)


def _budgeted(g, category):
    return any(line.category == category and line.amount > 0 for line in g.loaded.lines)


@rule("SR-6", needs="governance")
def costed(facts, params):
    g, p = facts.governance, facts.partnership
    labels = dict(BudgetCategory.choices)
    missing = [labels[c] for c in COSTED if not _budgeted(g, c)]
    if missing:
        return Finding(
            Result.FAIL, _("No budget line above zero for: %(names)s.") % {"names": names(missing)}, [budget_link(p)]
        )
    return Finding(
        Result.PASS,
        _("The secretariat, management, and monitoring and evaluation each have a budget line above zero."),
        [budget_link(p)],
    )


@rule("CS-8", needs="governance")
def capacity_budgeted(facts, params):
    g, p = facts.governance, facts.partnership
    if _budgeted(g, BudgetCategory.CAPACITY):
        return Finding(Result.PASS, _("Capacity development has a budget line above zero."), [budget_link(p)])
    decision = next((d for d in g.decisions if d.topic == DecisionTopic.NO_CAPACITY_BUDGET), None)
    if decision is not None:
        return Finding(
            Result.PASS,
            _("The decision “%(title)s” records that no capacity-development budget is needed.") % {"title": decision},
            [decisions_link(p)],
        )
    return Finding(
        Result.WARN,
        _("No capacity-development budget line above zero, and no decision that none is needed."),
        [budget_link(p), decisions_link(p)],
    )


@rule("SR-7", needs="governance")
def not_concentrated(facts, params):
    g, p = facts.governance, facts.partnership
    c = g.figures.concentration
    links = [resources_link(p), commitments_link(p)]
    if c.missing:
        return Finding(
            Result.WARN, _("The concentration cannot be computed: %(missing)s.") % {"missing": names(c.missing)}, links
        )
    if not c.sources:
        return Finding(Result.FAIL, _("No cash is committed."), links)
    largest = g.figures.sources[0]
    values = {"name": largest.name, "percent": percent(c.largest), "hhi": number_format(c.hhi, 2, use_l10n=True)}
    if c.sources < 2:
        return Finding(Result.FAIL, _("%(name)s is the only cash source (HHI %(hhi)s).") % values, links)
    if c.largest > Decimal(params["max_share"]) / 100:
        values["max"] = params["max_share"]
        return Finding(
            Result.FAIL,
            _("%(name)s holds %(percent)s %% of committed cash, more than %(max)s %% (HHI %(hhi)s).") % values,
            links,
        )
    values["count"] = c.sources
    return Finding(
        Result.PASS,
        _("%(count)d cash sources; the largest, %(name)s, holds %(percent)s %% (HHI %(hhi)s).") % values,
        links,
    )


def _commitment_name(c):
    return f"{c.organisation} ({in_sentence(c.get_type_display())}, {c.committed_on.isoformat()})"


@rule("SR-8", needs="governance")
def expectations(facts, params):
    g, p = facts.governance, facts.partnership
    cash = [c for c in _live(g) if c.is_cash]
    if not cash:
        return Finding(Result.NOT_APPLICABLE, _("There is no cash commitment."), [commitments_link(p)])
    unclear = [
        c
        for c in cash
        if not (c.no_expectations or c.funder_expectations.strip())
        or c.expectations_recorded_on is None
        or c.expectations_recorded_on > c.committed_on
    ]
    if unclear:
        return Finding(
            Result.FAIL,
            ngettext(
                "%(count)d of %(total)d cash commitments has no expectations recorded by the time it was made: "
                "%(names)s.",
                "%(count)d of %(total)d cash commitments have no expectations recorded by the time they were made: "
                "%(names)s.",
                len(unclear),
            )
            % {"count": len(unclear), "total": len(cash), "names": names(_commitment_name(c) for c in unclear)},
            [commitments_link(p)],
        )
    return Finding(
        Result.PASS,
        ngettext(
            "The %(total)d cash commitment states the funder's expectations.",
            "All %(total)d cash commitments state the funder's expectations.",
            len(cash),
        )
        % {"total": len(cash)},
        [commitments_link(p)],
    )


def _complete(c):
    return bool(c.description.strip()) and (c.value is not None or c.quantity is not None)


@rule("PM-2", needs="governance")
def commitments_defined(facts, params):
    g, p = facts.governance, facts.partnership
    complete = {c.organisation_id for c in _live(g) if _complete(c)}
    missing = [o for o in g.organisations if o.pk not in complete]
    if not g.members:
        return Finding(Result.FAIL, _("The partnership has no active member."), [members_link(p)])
    if missing:
        return Finding(
            Result.FAIL,
            ngettext(
                "%(count)d of %(total)d active members has no complete commitment: %(names)s.",
                "%(count)d of %(total)d active members have no complete commitment: %(names)s.",
                len(missing),
            )
            % {"count": len(missing), "total": len(g.members), "names": names(missing)},
            [commitments_link(p)],
        )
    return Finding(
        Result.PASS,
        ngettext(
            "The %(total)d active member has a complete commitment.",
            "All %(total)d active members have a complete commitment.",
            len(g.members),
        )
        % {"total": len(g.members)},
        [commitments_link(p)],
    )
