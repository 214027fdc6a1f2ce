"""The rules about the stakeholder map: CS-6 (a champion), CM-2 (no key stakeholder left out), CM-3 (target groups
in the partnership's countries)."""

from dateutil.relativedelta import relativedelta
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import HIGH, EngagementLevel
from .facts import engagement, entry_links, map_link, names, url, where


def _influence(entry):
    return gettext("influence %(n)d") % {"n": entry.influence}


def _shortfalls(entry, least, since):
    """What keeps a champion from counting for CS-6, in a few words each (none: it counts)."""
    reasons = []
    if entry.influence < least:
        reasons.append(_influence(entry))
    if entry.engagement not in EngagementLevel.at_least(EngagementLevel.INFORMED):
        reasons.append(engagement(entry))
    if entry.last_engaged_on is None:
        reasons.append(gettext("no engagement date"))
    elif entry.last_engaged_on < since:
        reasons.append(gettext("last engaged %(date)s") % {"date": date_format(entry.last_engaged_on)})
    return reasons


def _why_not(entry, least, since):
    return f"{entry.organisation.name} ({'; '.join(_shortfalls(entry, least, since))})"


@rule("CS-6", needs="stakeholders")
def high_level_support(facts, params):
    p, entries = facts.partnership, facts.stakeholders.entries
    least, months = params["min_influence"], params["months"]
    since = facts.today - relativedelta(months=int(months))
    champions = [e for e in entries if e.is_champion]
    values = {"least": least, "months": months}
    counting = [e for e in champions if not _shortfalls(e, least, since)]
    if counting:
        text = ngettext(
            "Champion with influence %(least)d or more, engaged in the last %(months)d months: %(names)s.",
            "Champions with influence %(least)d or more, engaged in the last %(months)d months: %(names)s.",
            len(counting),
        )
        return Finding(
            Result.PASS, text % {**values, "names": names(e.organisation.name for e in counting)}, [map_link(p)]
        )
    if champions:
        text = ngettext(
            "The map has %(count)d champion, but not with influence %(least)d or more and engaged (informed or more) "
            "in the last %(months)d months: %(names)s.",
            "The map has %(count)d champions, but none with influence %(least)d or more and engaged (informed or more) "
            "in the last %(months)d months: %(names)s.",
            len(champions),
        )
        evidence = text % {
            **values,
            "count": len(champions),
            "names": names(_why_not(e, least, since) for e in champions),
        }
        return Finding(Result.WARN, evidence, [map_link(p), *entry_links(p, champions)])
    candidates = sorted((e for e in entries if e.influence >= least), key=lambda e: -e.influence)
    evidence = gettext("No stakeholder on the map is marked as a champion.")
    if candidates:
        evidence += " " + gettext("Influential enough to be one: %(names)s.") % {
            "names": names(f"{e.organisation.name} ({_influence(e)})" for e in candidates)
        }
    return Finding(Result.FAIL, evidence, [map_link(p), *entry_links(p, candidates)])


@rule("CM-2", needs="stakeholders")
def key_stakeholders(facts, params):
    p, entries = facts.partnership, facts.stakeholders.entries
    if not entries:
        text = gettext("The stakeholder map is empty, so no one can tell whether a key stakeholder is missing.")
        return Finding(Result.FAIL, text, [map_link(p)])
    key = [e for e in entries if e.is_key_stakeholder]
    behind = sorted((e for e in key if not e.is_engaged), key=lambda e: (-e.power, e.organisation.name))
    if behind:
        text = ngettext(
            "%(count)d of %(total)d key stakeholders is engaged below “consulted”: %(names)s.",
            "%(count)d of %(total)d key stakeholders are engaged below “consulted”: %(names)s.",
            len(behind),
        )
        listed = names(f"{e.organisation.name} ({engagement(e)})" for e in behind)
        evidence = text % {"count": len(behind), "total": len(key), "names": listed}
        return Finding(Result.FAIL, evidence, [map_link(p), *entry_links(p, behind)])
    if key:
        text = ngettext(
            "The key stakeholder is consulted or more engaged: %(names)s.",
            "All %(count)d key stakeholders are consulted or more engaged: %(names)s.",
            len(key),
        )
        return Finding(
            Result.PASS, text % {"count": len(key), "names": names(e.organisation.name for e in key)}, [map_link(p)]
        )
    text = ngettext(
        "The one stakeholder on the map is not flagged key and does not have power and interest of %(high)d or more.",
        "None of the %(count)d stakeholders on the map is flagged key or has power and interest of %(high)d or more.",
        len(entries),
    )
    return Finding(Result.PASS, text % {"count": len(entries), "high": HIGH}, [map_link(p)])


def _target_group(entry):
    place = where(entry)
    country = place.display_name if place else gettext("no country")
    return f"{entry.organisation.name} ({country}, {engagement(entry)})"


@rule("CM-3", needs="stakeholders")
def target_groups(facts, params):
    p, entries, countries = facts.partnership, facts.stakeholders.entries, facts.stakeholders.countries
    if not countries:
        text = gettext("The partnership names no country it works in, so no target group can be located in one.")
        edit = (gettext("Edit the partnership"), url("msp:partnership_edit", p))
        return Finding(Result.FAIL, text, [edit, map_link(p)])
    codes = {c.pk for c in countries}
    targets = [e for e in entries if e.is_target_group]
    involved = [e for e in targets if where(e) is not None and where(e).pk in codes and e.is_engaged]
    if involved:
        text = ngettext(
            "Target group in one of the partnership's countries, consulted or more engaged: %(names)s.",
            "Target groups in the partnership's countries, consulted or more engaged: %(names)s.",
            len(involved),
        )
        return Finding(Result.PASS, text % {"names": names(_target_group(e) for e in involved)}, [map_link(p)])
    if not targets:
        return Finding(Result.FAIL, gettext("No stakeholder on the map is flagged as a target group."), [map_link(p)])
    text = ngettext(
        "The map has %(count)d target group, but not one in the partnership's countries (%(countries)s) engaged at "
        "“consulted” or more: %(names)s.",
        "The map has %(count)d target groups, but none in the partnership's countries (%(countries)s) engaged at "
        "“consulted” or more: %(names)s.",
        len(targets),
    )
    values = {
        "count": len(targets),
        "countries": names(c.display_name for c in countries),
        "names": names(_target_group(e) for e in targets),
    }
    return Finding(Result.FAIL, text % values, [map_link(p), *entry_links(p, targets)])
