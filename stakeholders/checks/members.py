"""CS-1 (the partnership's own page) and the rules about the members and their contact persons: CS-2, CS-7,
CM-1, PM-6."""

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from msp.models import PartnershipFit
from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import Sector, Seniority
from .facts import contacts_link, entry_links, has_contact, map_link, members_link, names, no_members
from .facts import organisation_links as registry_links

# CM-1 counts these four (the seed's "sectors of society": funders and multilaterals are not one).
SOCIETY_SECTORS = [Sector.PUBLIC, Sector.PRIVATE, Sector.CIVIL_SOCIETY, Sector.ACADEMIA]
SENIOR = {Seniority.EXECUTIVE, Seniority.SENIOR}


def org_names(memberships):
    return names(m.organisation.name for m in memberships)


@rule("CS-1")
def problem_and_approach(facts, params):
    p = facts.partnership
    links = [(gettext("Edit the partnership"), reverse("msp:partnership_edit", kwargs={"partnership_pk": p.pk}))]
    parts = [
        (gettext("the problem statement"), p.problem_statement),
        (gettext("the planned approach"), p.planned_approach),
        (gettext("whether a partnership can deal with the problem effectively"), p.partnership_fit),
        (gettext("the rationale for that answer"), p.fit_rationale),
    ]
    missing = [label for label, value in parts if not value.strip()]
    if missing:
        return Finding(Result.FAIL, gettext("Not written yet: %(parts)s.") % {"parts": "; ".join(missing)}, links)
    if p.partnership_fit != PartnershipFit.YES:
        text = gettext(
            "The problem and the approach are written, but to whether a partnership can deal with the problem "
            "effectively the answer is “%(answer)s”."
        )
        return Finding(Result.WARN, text % {"answer": PartnershipFit(p.partnership_fit).label}, links)
    text = gettext(
        "The problem statement and the planned approach are written, and why a partnership can deal with the problem "
        "is explained."
    )
    return Finding(Result.PASS, text, links)


def _core_group_problems(core, sectors, without, least, least_sectors):
    if not core:
        yield gettext("No active member is marked as core group; at least %(least)d are needed.") % {"least": least}
    elif len(core) < least:
        text = ngettext(
            "Only %(count)d member is in the core group (%(names)s); at least %(least)d are needed.",
            "Only %(count)d members are in the core group (%(names)s); at least %(least)d are needed.",
            len(core),
        )
        yield text % {"count": len(core), "names": org_names(core), "least": least}
    if core and len(sectors) < least_sectors:
        text = ngettext(
            "The core group comes from %(count)d sector (%(sectors)s); at least %(least)d are needed.",
            "The core group comes from %(count)d sectors (%(sectors)s); at least %(least)d are needed.",
            len(sectors),
        )
        yield text % {"count": len(sectors), "sectors": ", ".join(sectors), "least": least_sectors}
    if without:
        text = ngettext(
            "%(count)d of %(total)d core-group members has no active contact person: %(names)s.",
            "%(count)d of %(total)d core-group members have no active contact person: %(names)s.",
            len(without),
        )
        yield text % {"count": len(without), "total": len(core), "names": org_names(without)}


@rule("CS-2", needs="stakeholders")
def core_group(facts, params):
    p = facts.partnership
    core = [m for m in facts.stakeholders.members if m.is_core_group]
    sectors = sorted({str(Sector(m.organisation.sector).label) for m in core})
    without = [m for m in core if not has_contact(m, lambda c: c.name.strip())]
    links = [members_link(p), contacts_link(p), *registry_links(without)]
    problems = list(_core_group_problems(core, sectors, without, params["min_core"], params["min_sectors"]))
    if problems:
        return Finding(Result.FAIL, " ".join(problems), links)
    text = ngettext(
        "The core group has %(count)d member (%(names)s) from %(sectors)s, with a contact person.",
        "The core group has %(count)d members (%(names)s) from %(sectors)s, each with a contact person.",
        len(core),
    )
    return Finding(
        Result.PASS, text % {"count": len(core), "names": org_names(core), "sectors": ", ".join(sectors)}, links
    )


@rule("CS-7", needs="stakeholders")
def management_support(facts, params):
    p, members = facts.partnership, facts.stakeholders.members
    if not members:
        return no_members(p, Result.WARN)
    lacking = [m for m in members if not has_contact(m, lambda c: c.seniority in SENIOR)]
    if lacking:
        text = ngettext(
            "%(count)d of %(total)d members has no active senior contact (executive or senior management) to sign "
            "for it or sponsor the partnership: %(names)s.",
            "%(count)d of %(total)d members have no active senior contact (executive or senior management) to sign "
            "for them or sponsor the partnership: %(names)s.",
            len(lacking),
        )
        values = {"count": len(lacking), "total": len(members), "names": org_names(lacking)}
        return Finding(Result.WARN, text % values, [contacts_link(p), *registry_links(lacking)])
    text = ngettext(
        "The member has an active senior contact (executive or senior management).",
        "All %(count)d members have an active senior contact (executive or senior management).",
        len(members),
    )
    return Finding(Result.PASS, text % {"count": len(members)}, [contacts_link(p)])


@rule("CM-1", needs="stakeholders")
def sector_mix(facts, params):
    p, members, least = facts.partnership, facts.stakeholders.members, params["min_sectors"]
    if not members:
        return no_members(p, Result.WARN)
    present = {m.organisation.sector for m in members}
    have = [str(s.label) for s in SOCIETY_SECTORS if s in present]
    values = {"count": len(have), "sectors": ", ".join(have), "least": least}
    if len(have) >= least:
        text = gettext("Active members come from %(count)d of the four sectors of society: %(sectors)s.")
        return Finding(Result.PASS, text % values, [members_link(p)])
    lacking = [s for s in SOCIETY_SECTORS if s not in present]
    if have:
        text = gettext(
            "Active members come from %(count)d of the four sectors of society (%(sectors)s); at least %(least)d are "
            "wanted. Missing: %(missing)s."
        )
    else:
        text = gettext(
            "No active member comes from one of the four sectors of society; at least %(least)d are wanted. "
            "Missing: %(missing)s."
        )
    evidence = text % {**values, "missing": ", ".join(str(s.label) for s in lacking)}
    member_ids = {m.organisation_id for m in members}
    found = [
        e
        for e in facts.stakeholders.entries
        if e.organisation.sector in lacking and e.organisation_id not in member_ids
    ]
    if found:
        evidence += " " + gettext("On the stakeholder map from those sectors: %(names)s.") % {
            "names": names(e.organisation.name for e in found)
        }
    return Finding(Result.WARN, evidence, [members_link(p), map_link(p), *entry_links(p, found)])


@rule("PM-6", needs="stakeholders")
def reachable_members(facts, params):
    p, members = facts.partnership, facts.stakeholders.members
    if not members:
        return no_members(p, Result.FAIL)
    lacking = [m for m in members if not has_contact(m, lambda c: c.email.strip())]
    if lacking:
        text = ngettext(
            "%(count)d of %(total)d members has no active contact person with an e-mail address: %(names)s.",
            "%(count)d of %(total)d members have no active contact person with an e-mail address: %(names)s.",
            len(lacking),
        )
        values = {"count": len(lacking), "total": len(members), "names": org_names(lacking)}
        return Finding(Result.FAIL, text % values, [contacts_link(p), *registry_links(lacking)])
    text = ngettext(
        "The member has an active contact person with an e-mail address.",
        "All %(count)d members have an active contact person with an e-mail address.",
        len(members),
    )
    return Finding(Result.PASS, text % {"count": len(members)}, [contacts_link(p)])
