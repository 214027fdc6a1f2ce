"""Rules on the members' share in the work: CS-5 (shared leadership: every member commits and owns something) and
FD-3 (a handover plan, and new or local partners strengthened in phase 4)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp.models import Phase
from phases.catalogue import Result
from phases.checks import Finding, rule

from .common import context_link, day, link, links, members_link, names, roadmap_link


def _lacks(organisation, m):
    committed, owns = organisation.pk in m.committed, organisation.pk in m.owners
    if not committed and not owns:
        return _("%(name)s (no commitment, owns nothing)") % {"name": organisation}
    if not committed:
        return _("%(name)s (no commitment)") % {"name": organisation}
    if not owns:
        return _("%(name)s (owns no result, milestone or risk)") % {"name": organisation}
    return None


@rule("CS-5", needs="monitoring")
def shared_leadership(facts, params):
    """Every active member has a commitment and owns a results-chain node, a milestone or a risk."""
    m, partnership = facts.monitoring, facts.partnership
    fix = links(
        link(_("Commitments"), "governance:commitments", partnership),
        roadmap_link(partnership),
        link(_("Risks"), "monitoring:risks", partnership),
    )
    if not m.members:
        return Finding(Result.FAIL, _("The partnership has no active member."), links(members_link(partnership)))
    lacking = [words for words in (_lacks(ms.organisation, m) for ms in m.members) if words]
    total = len(m.members)
    if lacking:
        evidence = ngettext(
            "%(count)d of %(total)d members does not share the leadership: %(names)s.",
            "%(count)d of %(total)d members do not share the leadership: %(names)s.",
            len(lacking),
        ) % {"count": len(lacking), "total": total, "names": names(lacking)}
        return Finding(Result.FAIL, evidence, fix)
    evidence = ngettext(
        "The member has a commitment and owns a result, milestone or risk.",
        "All %(total)d members have a commitment and own a result, milestone or risk.",
        total,
    ) % {"total": total}
    return Finding(Result.PASS, evidence, fix)


def _strengthened(facts):
    """Words on the members who joined in phase 4, else on the capacity measures for local partners (members or
    not, in one of the partnership's countries); None when there is neither."""
    m, partnership = facts.monitoring, facts.partnership
    if partnership.phase == Phase.FURTHER_DEVELOPMENT:
        since = timezone.localtime(partnership.phase_since).date()
        newcomers = [ms.organisation for ms in m.members if ms.joined_on >= since]
        if newcomers:
            return ngettext("%(names)s joined in phase 4.", "%(names)s joined in phase 4.", len(newcomers)) % {
                "names": names(newcomers)
            }
    local = {gap.organisation for gap in m.gaps if gap.measure.strip() and gap.organisation.country_id in m.countries}
    if local:
        local = sorted(local, key=lambda organisation: organisation.name)
        return ngettext(
            "A capacity measure strengthens the local partner %(names)s.",
            "Capacity measures strengthen the local partners %(names)s.",
            len(local),
        ) % {"names": names(local)}
    return None


@rule("FD-3", needs="monitoring")
def handover(facts, params):
    """A handover plan is recorded (with a context analysis), and a member joined in phase 4 or a capacity measure
    strengthens a local partner."""
    m, partnership = facts.monitoring, facts.partnership
    fix = links(
        context_link(partnership),
        link(_("Capacity gaps"), "monitoring:capacity_gaps", partnership),
        members_link(partnership),
    )
    plan = next((analysis for analysis in m.analyses if analysis.handover_plan.strip()), None)
    if plan is None:
        parts = [_("No handover plan is recorded with a context analysis.")]
    else:
        parts = [_("A handover plan is recorded (context analysis of %(date)s).") % {"date": day(plan.analysed_on)}]
    strengthened = _strengthened(facts)
    parts.append(strengthened or _("No member joined in phase 4 and no capacity measure strengthens a local partner."))
    result = Result.PASS if plan is not None and strengthened else Result.WARN
    return Finding(result, " ".join(parts), fix)
