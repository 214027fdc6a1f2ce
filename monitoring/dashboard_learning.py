"""The Learning tab and the dashboard's learning card (see msp.registry). Loaded from MonitoringConfig.ready()
(msp autodiscovers `dashboard` modules only; the Results tab and card live in monitoring/dashboard.py)."""

import datetime as dt

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import compiled
from msp.registry import Card, Tab, register_card, register_tab

from .models import CapacityGap, ContextAnalysis, GapStatus, Lesson, LessonSource, Risk, RiskStatus
from .selectors import learning as selectors

# Lessons, capacity gaps, context and risks: the members' (monitoring/views/learning.py).
register_tab(Tab("learning", _("Learning"), "monitoring:lessons", order=45, action="view_learning"))


def _figures_sql():
    """The nine counts and the date of selectors.learning.card's first query, as plain SQL: the ORM spent ~10 ms
    of CPU building that query's nine correlated subqueries on every dashboard request (the database answers it
    in well under one). Portable (PostgreSQL, SQLite); every value is a parameter."""
    lesson, gap, risk, context = (m._meta.db_table for m in (Lesson, CapacityGap, Risk, ContextAnalysis))
    count = "(SELECT COUNT(*) FROM {} WHERE partnership_id = %s{})".format
    return "SELECT " + ", ".join(
        [
            count(lesson, ""),
            count(lesson, " AND learned_on >= %s AND source = %s"),
            count(lesson, " AND learned_on >= %s AND source = %s"),
            count(gap, ""),
            count(gap, " AND NOT (status = %s)"),
            count(gap, " AND NOT (status = %s) AND measure = '' AND decision_id IS NULL"),
            count(risk, ""),
            count(risk, " AND status = %s"),
            count(risk, " AND status = %s"),
            f"(SELECT analysed_on FROM {context} WHERE partnership_id = %s ORDER BY analysed_on DESC, id DESC LIMIT 1)",
        ]
    )


NAMES = [
    "lessons", "successes", "failures", "gaps", "open_gaps", "unaddressed_gaps", "risks", "open_risks",
    "materialised_risks", "analysed_on",
]  # fmt: skip


def card(partnership, today=None) -> dict:
    """selectors.learning.card's figures (the same counts, the same highest open risk) in two queries."""
    today = today or timezone.localdate()
    p, since = partnership.pk, selectors.months_before(today, selectors.LESSON_MONTHS).isoformat()
    params = [
        p, p, since, LessonSource.SUCCESS, p, since, LessonSource.FAILURE,
        p, p, GapStatus.CLOSED, p, GapStatus.CLOSED,
        p, p, RiskStatus.OPEN, p, RiskStatus.MATERIALISED, p,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(_figures_sql(), [str(v) if isinstance(v, str) else v for v in params])
        figures = dict(zip(NAMES, cursor.fetchone(), strict=True))
    if isinstance(figures["analysed_on"], str):  # SQLite answers a date as text
        figures["analysed_on"] = dt.date.fromisoformat(figures["analysed_on"])

    # Its title and score only: not its texts nor its owner.
    def build(p):
        top = selectors.risks_for(p).select_related(None).only("title", "likelihood", "impact")
        return top.filter(status=RiskStatus.OPEN)[:1]

    top = next(iter(compiled.instances("monitoring.learning.top_risk", build, p)), None)
    empty = not (figures["lessons"] or figures["gaps"] or figures["risks"] or figures["analysed_on"])
    return {**figures, "top_risk": top, "empty": empty}


def learning_card(request, partnership):
    """Lessons of the last 12 months from successes and failures, open capacity gaps (and those with neither
    measure nor decision), open and materialised risks with the highest-scored open one, the date of the context
    analysis (two queries)."""
    return card(partnership)


register_card(
    Card("learning", "monitoring/cards/learning.html", order=46, context=learning_card, action="view_learning")
)
