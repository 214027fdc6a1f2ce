"""Builds a partnership's learning and context records from its plan's `LEARNING`: lessons (from successes and
failures, with action and owner, some linked to an indicator or a decision), capacity gaps, context analyses with
their related initiatives, and risks. Dates are days before the demo's today.

Recorded by the secretariat, which keeps these records. Idempotent: each kind of record is left alone in a
partnership that has any.
"""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from governance.models import Decision
from stakeholders.models import Organisation

from ..models import CapacityGap, ContextAnalysis, Indicator, Lesson, RelatedInitiative, Risk


def _ago(days):
    return None if days is None else timezone.localdate() - dt.timedelta(days=days)


def _org(name):
    return Organisation.objects.get(name=name) if name else None


def _save(row):
    row.full_clean()
    row.save()
    return row


def load(partnership, spec, secretariat):
    with set_actor(secretariat):
        if not Lesson.objects.filter(partnership=partnership).exists():
            _lessons(partnership, spec["lessons"], secretariat)
        if not CapacityGap.objects.filter(partnership=partnership).exists():
            _gaps(partnership, spec["gaps"])
        if not ContextAnalysis.objects.filter(partnership=partnership).exists():
            _context(partnership, spec["context"], secretariat)
        if not RelatedInitiative.objects.filter(partnership=partnership).exists():
            _initiatives(partnership, spec["initiatives"])
        if not Risk.objects.filter(partnership=partnership).exists():
            _risks(partnership, spec["risks"])


def _lessons(partnership, lessons, by):
    for lesson in lessons:
        indicator, decision = lesson.get("indicator"), lesson.get("decision")
        _save(
            Lesson(
                partnership=partnership,
                title=lesson["title"],
                what_happened=lesson["what_happened"],
                source=lesson["source"],
                action=lesson.get("action", ""),
                owner=_org(lesson.get("owner")),
                learned_on=_ago(lesson["days_ago"]),
                indicator=Indicator.objects.get(partnership=partnership, name=indicator) if indicator else None,
                decision=Decision.objects.filter(partnership=partnership, title=decision).first() if decision else None,
                created_by=by,
            )
        )


def _gaps(partnership, gaps):
    for gap in gaps:
        _save(
            CapacityGap(
                partnership=partnership,
                level=gap["level"],
                organisation=_org(gap["organisation"]),
                description=gap["description"],
                measure=gap.get("measure", ""),
                status=gap["status"],
                last_reviewed_on=_ago(gap.get("reviewed_days_ago")),
            )
        )


def _context(partnership, analyses, by):
    """The analyses, oldest first (the newest is the current one)."""
    for analysis in analyses:
        _save(
            ContextAnalysis(
                partnership=partnership,
                summary=analysis["summary"],
                analysed_on=_ago(analysis["days_ago"]),
                no_related_initiatives=analysis.get("none_found", False),
                created_by=by,
            )
        )


def _initiatives(partnership, initiatives):
    for initiative in initiatives:
        _save(
            RelatedInitiative(
                partnership=partnership,
                name=initiative["name"],
                kind=initiative["kind"],
                description=initiative.get("description", ""),
                alignment_action=initiative.get("alignment_action", ""),
                last_exchange_on=_ago(initiative.get("exchange_days_ago")),
            )
        )


def _risks(partnership, risks):
    for risk in risks:
        _save(
            Risk(
                partnership=partnership,
                title=risk["title"],
                description=risk.get("description", ""),
                likelihood=risk["likelihood"],
                impact=risk["impact"],
                owner=_org(risk.get("owner")),
                mitigation=risk.get("mitigation", ""),
                status=risk.get("status", "open"),
                materialised_on=_ago(risk.get("materialised_days_ago")),
            )
        )
