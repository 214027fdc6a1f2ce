"""Rules on the context: CX-1 (context analysed, other initiatives known), CX-2 (aligned with overlapping or
competing initiatives), CX-4 (exchange with meta-platforms)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import NEEDS_ALIGNMENT, InitiativeKind
from .common import context_link, day, links, months_before, names


@rule("CX-1", needs="monitoring")
def context_analysed(facts, params):
    """A context analysis with at least one related initiative, or one that says none was found."""
    m = facts.monitoring
    fix = links(context_link(facts.partnership))
    if not m.analyses:
        return Finding(Result.FAIL, _("No context analysis is recorded."), fix)
    latest = m.analyses[0]
    if m.initiatives:
        count = len(m.initiatives)
        evidence = ngettext(
            "Context analysed on %(date)s; %(count)d related initiative is known: %(names)s.",
            "Context analysed on %(date)s; %(count)d related initiatives are known: %(names)s.",
            count,
        ) % {"date": day(latest.analysed_on), "count": count, "names": names(m.initiatives)}
        return Finding(Result.PASS, evidence, fix)
    if latest.no_related_initiatives:
        evidence = _("Context analysed on %(date)s; the analysis found no related initiative.")
        return Finding(Result.PASS, evidence % {"date": day(latest.analysed_on)}, fix)
    evidence = _(
        "The context analysis of %(date)s names no related initiative and does not say that none was found."
    ) % {"date": day(latest.analysed_on)}
    return Finding(Result.FAIL, evidence, fix)


@rule("CX-2", needs="monitoring")
def aligned(facts, params):
    """Every related initiative marked overlapping or competing has an alignment action."""
    concerned = [i for i in facts.monitoring.initiatives if i.kind in NEEDS_ALIGNMENT]
    fix = links(context_link(facts.partnership))
    if not concerned:
        return Finding(Result.PASS, _("No related initiative is marked overlapping or competing."), fix)
    unaligned = [i for i in concerned if not i.alignment_action.strip()]
    total = len(concerned)
    if unaligned:
        evidence = ngettext(
            "%(count)d of %(total)d overlapping or competing initiatives has no alignment action: %(names)s.",
            "%(count)d of %(total)d overlapping or competing initiatives have no alignment action: %(names)s.",
            len(unaligned),
        ) % {"count": len(unaligned), "total": total, "names": names(unaligned)}
        return Finding(Result.WARN, evidence, fix)
    evidence = ngettext(
        "The overlapping or competing initiative has an alignment action: %(names)s.",
        "All %(total)d overlapping or competing initiatives have an alignment action: %(names)s.",
        total,
    ) % {"total": total, "names": names(concerned)}
    return Finding(Result.PASS, evidence, fix)


@rule("CX-4", needs="monitoring")
def meta_platforms(facts, params):
    """At least one meta-platform with an exchange in the last `months` months."""
    months = params["months"]
    platforms = [i for i in facts.monitoring.initiatives if i.kind == InitiativeKind.META_PLATFORM]
    fix = links(context_link(facts.partnership))
    if not platforms:
        return Finding(Result.WARN, _("No meta-platform is recorded among the related initiatives."), fix)
    since = months_before(facts.today, months)
    recent = [i for i in platforms if i.last_exchange_on is not None and i.last_exchange_on >= since]
    if recent:
        evidence = ngettext(
            "Exchange with a meta-platform in the last %(months)d month: %(names)s.",
            "Exchange with a meta-platform in the last %(months)d months: %(names)s.",
            months,
        ) % {"months": months, "names": names(_dated(i) for i in recent)}
        return Finding(Result.PASS, evidence, fix)
    evidence = ngettext(
        "No exchange with a meta-platform in the last %(months)d month: %(names)s.",
        "No exchange with a meta-platform in the last %(months)d months: %(names)s.",
        months,
    ) % {"months": months, "names": names(_dated(i) for i in platforms)}
    return Finding(Result.WARN, evidence, fix)


def _dated(initiative):
    if initiative.last_exchange_on is None:
        return _("%(name)s (no exchange recorded)") % {"name": initiative.name}
    return _("%(name)s (last exchange %(date)s)") % {"name": initiative.name, "date": day(initiative.last_exchange_on)}
