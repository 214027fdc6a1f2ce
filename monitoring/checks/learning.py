"""Rules on learning: ME-4 (lessons from successes and failures, each with an action and an owner) and ME-5
(capacity gaps addressed and reviewed)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phases.catalogue import Result
from phases.checks import Finding, rule

from ..models import GapStatus, LessonSource
from .common import link, links, months_before, names
from .loader import LESSON_MONTHS


def _complete(lesson):
    return bool(lesson.action.strip()) and lesson.owner_id is not None


@rule("ME-4", needs="monitoring")
def learning(facts, params):
    """In the last 12 months, lessons from both a success and a failure, each with an action and an owner."""
    lessons = facts.monitoring.lessons  # the loader keeps those of the last LESSON_MONTHS months
    fix = links(link(_("Lessons learned"), "monitoring:lessons", facts.partnership))
    complete = {
        source: [lesson for lesson in lessons if lesson.source == source and _complete(lesson)]
        for source in LessonSource
    }
    if complete[LessonSource.SUCCESS] and complete[LessonSource.FAILURE]:
        evidence = _(
            "In the last %(months)d months, lessons with an action and an owner were learned from a success "
            "(%(success)s) and from a failure (%(failure)s)."
        ) % {
            "months": LESSON_MONTHS,
            "success": names(complete[LessonSource.SUCCESS]),
            "failure": names(complete[LessonSource.FAILURE]),
        }
        return Finding(Result.PASS, evidence, fix)
    if not lessons:
        evidence = _("No lesson was recorded in the last %(months)d months.") % {"months": LESSON_MONTHS}
        return Finding(Result.FAIL, evidence, fix)
    if complete[LessonSource.SUCCESS]:
        missing = _("No lesson from a failure with an action and an owner in the last %(months)d months.")
    elif complete[LessonSource.FAILURE]:
        missing = _("No lesson from a success with an action and an owner in the last %(months)d months.")
    else:
        missing = _("No lesson with an action and an owner in the last %(months)d months.")
    parts = [missing % {"months": LESSON_MONTHS}]
    incomplete = [lesson for lesson in lessons if not _complete(lesson)]
    if incomplete:
        parts.append(
            ngettext("%(names)s lacks an action or an owner.", "%(names)s lack an action or an owner.", len(incomplete))
            % {"names": names(incomplete)}
        )
    return Finding(Result.FAIL, " ".join(parts), fix)


@rule("ME-5", needs="monitoring")
def capacity_gaps(facts, params):
    """Every open capacity gap has a measure or a decision (else it fails) and was reviewed in the last
    `review_months` months (else it warns)."""
    months = params["review_months"]
    gaps = [gap for gap in facts.monitoring.gaps if gap.status != GapStatus.CLOSED]
    fix = links(link(_("Capacity gaps"), "monitoring:capacity_gaps", facts.partnership))
    if not gaps:
        return Finding(Result.PASS, _("No capacity gap is open."), fix)
    since = months_before(facts.today, months)
    unaddressed = [gap for gap in gaps if not gap.measure.strip() and gap.decision_id is None]
    stale = [
        gap for gap in gaps if gap not in unaddressed and (gap.last_reviewed_on is None or gap.last_reviewed_on < since)
    ]
    total = len(gaps)
    parts = []
    if unaddressed:
        parts.append(
            ngettext(
                "%(count)d of %(total)d open capacity gaps has neither a measure nor a decision: %(names)s.",
                "%(count)d of %(total)d open capacity gaps have neither a measure nor a decision: %(names)s.",
                len(unaddressed),
            )
            % {"count": len(unaddressed), "total": total, "names": names(unaddressed)}
        )
    if stale:
        parts.append(
            ngettext(
                "%(count)d of %(total)d open capacity gaps was not reviewed in the last %(months)d months: %(names)s.",
                "%(count)d of %(total)d open capacity gaps were not reviewed in the last %(months)d months: %(names)s.",
                len(stale),
            )
            % {"count": len(stale), "total": total, "months": months, "names": names(stale)}
        )
    if parts:
        return Finding(Result.FAIL if unaddressed else Result.WARN, " ".join(parts), fix)
    evidence = ngettext(
        "The open capacity gap has a measure or a decision and was reviewed in the last %(months)d months.",
        "All %(total)d open capacity gaps have a measure or a decision and were reviewed in the last %(months)d "
        "months.",
        total,
    ) % {"total": total, "months": months}
    return Finding(Result.PASS, evidence, fix)
