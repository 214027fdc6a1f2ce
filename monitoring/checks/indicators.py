"""Rules on indicators and their data: CX-3 (SDG contribution), ME-1 (results monitoring current), ME-3 (reporting to
donors and the public: the report versions released and published), ME-6 (adapting when results fall behind or a risk
materialises)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from governance.models import Level
from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import ReportKind, RiskStatus
from ..progress import actual_of
from .common import day, indicator_links, link, links, months_before, names, reports_link, roadmap_link

TOP_LEVELS = frozenset({Level.IMPACT, Level.OUTCOME})


@rule("CX-3", needs="monitoring")
def sdg_contribution(facts, params):
    """Leaving phase 1 (or in it): the partnership names an SDG target. Leaving phase 2 (or later): an outcome or
    impact indicator is linked to an SDG target."""
    m, partnership = facts.monitoring, facts.partnership
    stage = facts.leaving if facts.leaving is not None else partnership.phase
    if stage <= 1:
        fix = links(link(_("Partnership details"), "msp:partnership_edit", partnership))
        if not m.sdg_targets:
            return Finding(Result.FAIL, _("No SDG target is linked to the partnership."), fix)
        count = len(m.sdg_targets)
        evidence = ngettext(
            "The partnership names %(count)d SDG target: %(names)s.",
            "The partnership names %(count)d SDG targets: %(names)s.",
            count,
        ) % {"count": count, "names": names(target.code for target in m.sdg_targets)}
        return Finding(Result.PASS, evidence, fix)
    top = [row.indicator for row in m.indicators if row.node is not None and row.node.level in TOP_LEVELS]
    linked = [indicator for indicator in top if indicator.sdg_targets.all()]
    if linked:
        count = len(linked)
        evidence = ngettext(
            "%(count)d outcome or impact indicator is linked to SDG targets: %(names)s.",
            "%(count)d outcome or impact indicators are linked to SDG targets: %(names)s.",
            count,
        ) % {"count": count, "names": names(_sdg_label(indicator) for indicator in linked)}
        return Finding(Result.PASS, evidence, indicator_links(partnership, linked))
    if not top:
        evidence = _("No indicator measures an outcome or an impact, so none is linked to an SDG target.")
        return Finding(Result.FAIL, evidence, indicator_links(partnership, []))
    evidence = ngettext(
        "The outcome or impact indicator is not linked to an SDG target: %(names)s.",
        "None of the %(count)d outcome or impact indicators is linked to an SDG target: %(names)s.",
        len(top),
    ) % {"count": len(top), "names": names(top)}
    return Finding(Result.FAIL, evidence, indicator_links(partnership, top))


def _sdg_label(indicator):
    return f"{indicator.name} ({', '.join(target.code for target in indicator.sdg_targets.all())})"


def _gaps_of(row, due):
    """What `row`'s indicator lacks for ME-1, in words: [] when it is current."""
    indicator, problems = row.indicator, []
    numeric = indicator.is_numeric
    if (indicator.baseline_value is None) if numeric else not indicator.baseline_text.strip():
        problems.append(_("no baseline"))
    if not row.periods:
        problems.append(_("no reporting period"))
    untargeted = [p for p in row.periods if ((p.target_value is None) if numeric else not p.target_text.strip())]
    if untargeted:
        problems.append(
            ngettext("no target for %(count)d period", "no target for %(count)d periods", len(untargeted))
            % {"count": len(untargeted)}
        )
    overdue = [p for p in row.periods if p.end < due and actual_of(p) is None]
    if overdue:
        problems.append(
            ngettext("data overdue for %(count)d period", "data overdue for %(count)d periods", len(overdue))
            % {"count": len(overdue)}
        )
    return problems


@rule("ME-1", needs="monitoring")
def monitoring_current(facts, params):
    """Every indicator has a baseline and a target per period; every period that ended over `grace_days` days ago
    has an actual."""
    m, partnership, days = facts.monitoring, facts.partnership, params["grace_days"]
    if not m.indicators:
        return Finding(Result.FAIL, _("No indicator is defined yet."), indicator_links(partnership, []))
    due = facts.today - dt.timedelta(days=days)
    lacking = [(row.indicator, _gaps_of(row, due)) for row in m.indicators]
    lacking = [(indicator, problems) for indicator, problems in lacking if problems]
    total = len(m.indicators)
    if not lacking:
        evidence = ngettext(
            "The indicator has a baseline, a target for every period, and data for every period that ended over "
            "%(days)d days ago.",
            "All %(total)d indicators have a baseline, a target for every period, and data for every period that "
            "ended over %(days)d days ago.",
            total,
        ) % {"total": total, "days": days}
        return Finding(Result.PASS, evidence, indicator_links(partnership, []))
    evidence = ngettext(
        "%(count)d of %(total)d indicators is not current: %(names)s.",
        "%(count)d of %(total)d indicators are not current: %(names)s.",
        len(lacking),
    ) % {
        "count": len(lacking),
        "total": total,
        "names": names(f"{indicator.name} ({'; '.join(problems)})" for indicator, problems in lacking),
    }
    return Finding(Result.FAIL, evidence, indicator_links(partnership, [indicator for indicator, _p in lacking]))


@rule("ME-3", needs="monitoring")
def reporting(facts, params):
    """Both audiences were reported to in the last `months` months: a donor report released (to the donors and
    partners) and a public report published (and still online). One of the two warns; neither fails."""
    months, partnership = params["months"], facts.partnership
    since = months_before(facts.today, months)
    donor = _latest(facts.monitoring.delivered, ReportKind.DONOR, "released_at", since)
    public = _latest(facts.monitoring.delivered, ReportKind.PUBLIC, "published_at", since)
    fix = links(reports_link(partnership))
    words = {"months": months}
    if donor is not None:
        words.update(donor=donor.number, released=day(_local_date(donor.released_at)))
    if public is not None:
        words.update(public=public.number, published=day(_local_date(public.published_at)))
    if donor is not None and public is not None:
        evidence = _(
            "Donor report version %(donor)s was released on %(released)s and public report version %(public)s "
            "was published on %(published)s, within the last %(months)s months."
        )
        return Finding(Result.PASS, evidence % words, fix)
    if donor is not None:
        evidence = _(
            "Donor report version %(donor)s was released on %(released)s, but no public report was published in "
            "the last %(months)s months."
        )
        return Finding(Result.WARN, evidence % words, fix)
    if public is not None:
        evidence = _(
            "Public report version %(public)s was published on %(published)s, but no donor report was released in "
            "the last %(months)s months."
        )
        return Finding(Result.WARN, evidence % words, fix)
    evidence = _("No donor report was released and no public report published in the last %(months)s months.")
    return Finding(Result.FAIL, evidence % words, fix)


def _local_date(moment):
    return timezone.localtime(moment).date()


def _latest(reports, kind, when, since):
    """The report of `kind` delivered (`when`: its released_at or published_at) most recently, on or after `since`."""
    found = [r for r in reports if r.kind == kind and getattr(r, when) and _local_date(getattr(r, when)) >= since]
    return max(found, key=lambda r: getattr(r, when), default=None)


def _signals(m, below):
    """[(date, words, indicator or None)]: each indicator whose latest progress is below `below` per cent of its
    target, and each materialised risk, oldest first."""
    signals = []
    for row in m.indicators:
        latest = row.latest
        if latest is not None and latest.percent is not None and latest.percent < below:
            words = _("%(name)s at %(percent)s %% of its target on %(date)s") % {
                "name": row.indicator.name,
                "percent": f"{latest.percent:.0f}",
                "date": day(latest.actual.measured_on),
            }
            signals.append((latest.actual.measured_on, words, row.indicator))
    for risk in m.risks:
        if risk.status == RiskStatus.MATERIALISED:
            words = _("risk %(title)s materialised on %(date)s") % {
                "title": risk.title,
                "date": day(risk.materialised_on),
            }
            signals.append((risk.materialised_on, words, None))
    return sorted(signals, key=lambda signal: signal[0])


@rule("ME-6", needs="monitoring")
def adapting(facts, params):
    """An indicator below `below_percent` % of its target, or a materialised risk, asks for a roadmap review (a new
    roadmap version) or a return to an earlier phase, recorded on or after the day of the signal."""
    m, partnership, below = facts.monitoring, facts.partnership, params["below_percent"]
    signals = _signals(m, below)
    answers = [created for _number, created in m.roadmap_versions] + m.reversions
    answered = max(answers) if answers else None
    fix = links(roadmap_link(partnership), link(_("Phase history"), "phases:history", partnership))
    if not signals:
        evidence = _("No indicator is below %(percent)s %% of its target and no risk has materialised.") % {
            "percent": below
        }
        return Finding(Result.PASS, evidence, fix)
    open_ = [signal for signal in signals if answered is None or answered < signal[0]]
    if not open_:
        evidence = ngettext(
            "The signal to adapt (%(names)s) was followed by a roadmap review or a return to an earlier phase on "
            "%(date)s.",
            "The %(count)d signals to adapt (%(names)s) were followed by a roadmap review or a return to an earlier "
            "phase on %(date)s.",
            len(signals),
        ) % {"count": len(signals), "names": names(words for _d, words, _i in signals), "date": day(answered)}
        return Finding(Result.PASS, evidence, fix)
    evidence = ngettext(
        "%(count)d signal to adapt has no roadmap review or return to an earlier phase after it: %(names)s.",
        "%(count)d signals to adapt have no roadmap review or return to an earlier phase after them: %(names)s.",
        len(open_),
    ) % {"count": len(open_), "names": names(words for _d, words, _i in open_)}
    flagged = [indicator for _d, _w, indicator in open_ if indicator is not None]
    risks = links(link(_("Risks"), "monitoring:risks", partnership)) if len(flagged) < len(open_) else []
    return Finding(Result.WARN, evidence, fix + risks + indicator_links(partnership, flagged))
