"""The public report (DESIGN section 6, "an account with a more personal touch"): written for anyone, in plain
words. The secretariat's story (monitoring.models.PublicStory) opens it: a headline story, a quote, a photo shown
only with the recorded consent; then why it matters (the problem and the SDGs), who is involved (the members by
sector and what each brings), what changed (the 3 to 5 key results in plain numbers, against their targets), how
the members work together, what they learned, what is next and how to get in touch.

Only checked data reaches the public: the indicators' periods are read as an anonymous reader sees them (locked
periods only, monitoring.selectors.indicators.visible_periods), up to the end of the report's period. A fixed
number of queries whatever the size of the partnership. `Output.summary` is the public page's text.
"""

import base64
import dataclasses
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils.formats import date_format, number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from governance.models import Body, Commitment, CommitmentStatus, CommitmentType, Decision, DecisionStatus, Meeting
from msp.templatetags.msp_tags import money
from stakeholders.models import Membership, Sector

from ..models import Lesson, Measure, PublicStory
from ..selectors.table import indicator_rows
from .jobs import Output

# The job's progress steps, in order (shown on the report's page while it is made).
STEPS = [
    ("story", gettext_lazy("The story")),
    ("why", gettext_lazy("Why it matters")),
    ("partners", gettext_lazy("Who is involved")),
    ("results", gettext_lazy("What changed")),
    ("together", gettext_lazy("How we work together")),
]
TITLES = dict(STEPS) | {"pdf": gettext_lazy("Rendering the PDF")}
LESSONS_SHOWN = 3


@dataclasses.dataclass
class KeyResult:
    name: str
    value: str  # the figure in plain numbers ("1,240"), or words for an indicator measured in words
    unit: str
    target: str  # "" when there is none
    target_date: object  # the end of the period the target is for
    baseline: str
    as_of: object  # the end of the period the figure is for; None: no checked figure yet

    @property
    def sentence(self) -> str:
        """e.g. "1,240 farmers trained (target 1,500)": for the summary."""
        if self.as_of is None:
            return ""
        text = f"{self.value} {self.unit}".strip() + f" – {self.name}"
        return f"{text} ({_('target')} {self.target})" if self.target else text


def plain_number(value, measure=Measure.UNIT) -> str:
    """1240.0000 -> "1,240" (in the active language's format), 12.5 -> "12.5"; a percentage gets its sign."""
    if value is None:
        return ""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else min(2, -value.normalize().as_tuple().exponent)
    text = number_format(round(value, places), decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text} %" if measure == Measure.PERCENTAGE else text


def key_results(story, rows, end) -> list[KeyResult]:
    """The story's key results in the order of the results chain, each with its latest checked figure up to `end`
    (a running total for a cumulative indicator) and the target of the last period that ends by then, or else the
    first target ahead."""
    chosen = {indicator.pk for indicator in story.key_results.all()} if story else set()
    made = []
    for row in rows:
        if row.indicator.pk not in chosen:
            continue
        indicator, series, numeric = row.indicator, row.series, row.indicator.is_numeric
        upto = [p for p in series if p.period.end <= end]
        latest = next((p for p in reversed(upto) if _has_figure(p, numeric)), None)
        goal = latest if latest is not None and _has_target(latest) else None
        if goal is None:
            goal = next((p for p in series if p.period.end > end and _has_target(p)), None)
        made.append(
            KeyResult(
                name=indicator.name,
                value=(plain_number(latest.value, indicator.measure) if numeric else latest.actual.text)
                if latest
                else "",
                unit=indicator.unit_label if numeric and indicator.measure == Measure.UNIT else "",
                target=(plain_number(goal.target, indicator.measure) if numeric else goal.period.target_text)
                if goal
                else "",
                target_date=goal.period.end if goal else None,
                baseline=plain_number(indicator.baseline_value, indicator.measure)
                if numeric
                else indicator.baseline_text,
                as_of=latest.period.end if latest else None,
            )
        )
    return made


def _has_figure(row, numeric) -> bool:
    return row.actual is not None and (row.value is not None if numeric else bool(row.actual.text))


def _has_target(row) -> bool:
    """A number to reach, or words for an indicator measured in words."""
    return row.target is not None or bool(row.period.target_text)


def sdg_goals(partnership, rows) -> list:
    """The goals the partnership names and those its indicators' targets fall under, by number."""
    goals = {goal.number: goal for goal in partnership.sdg_goals.all()}
    for row in rows:
        for target in row.indicator.sdg_targets.all():
            goals.setdefault(target.goal.number, target.goal)
    return [goals[number] for number in sorted(goals)]


def _brings(commitment) -> str:
    """What a commitment brings, in plain words: "Cash: EUR 250,000 – for the training programme"."""
    what = commitment.get_type_display()
    amount = ""
    if commitment.type == CommitmentType.CASH and commitment.value is not None:
        amount = money(commitment.value, commitment.currency)
    elif commitment.quantity is not None:
        amount = f"{plain_number(commitment.quantity)} {commitment.unit}".strip()
    head = f"{what}: {amount}" if amount else what
    description = Truncator(" ".join(commitment.description.split())).chars(140)
    return f"{head} – {description}" if description else head


def partners_by_sector(partnership, end) -> list[tuple[str, list[tuple[object, list[str]]]]]:
    """[(sector label, [(organisation, [what it brings])])]: the members on `end`, by sector in the codelist's order,
    with their commitments that were not withdrawn."""
    members = Membership.objects.active(on=end).filter(partnership=partnership).select_related("organisation")
    commitments = (
        Commitment.objects.filter(partnership=partnership, starts_on__lte=end)
        .exclude(status=CommitmentStatus.WITHDRAWN)
        .select_related("currency")
        .order_by("organisation_id", "starts_on", "pk")
    )
    brings = {}
    for commitment in commitments:
        brings.setdefault(commitment.organisation_id, []).append(_brings(commitment))
    sectors = {}
    for membership in members:
        organisation = membership.organisation
        sectors.setdefault(organisation.sector, {})[organisation.pk] = (organisation, brings.get(organisation.pk, []))
    order = [value for value, _label in Sector.choices]
    return [
        (Sector(sector).label, sorted(found.values(), key=lambda pair: pair[0].name))
        for sector, found in sorted(sectors.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99)
    ]


def working_together(partnership, start, end) -> dict:
    """How the members work together, in figures: their bodies, the meetings held and decisions taken in the
    period."""
    bodies = list(Body.objects.filter(partnership=partnership).order_by("pk").values_list("name", flat=True))
    meetings = Meeting.objects.filter(partnership=partnership, start__date__gte=start, start__date__lte=end).count()
    decisions = Decision.objects.filter(
        partnership=partnership, status=DecisionStatus.DECIDED, decided_on__gte=start, decided_on__lte=end
    ).count()
    return {"bodies": bodies, "meetings": meetings, "decisions": decisions}


def lessons(partnership, start, end) -> list:
    """What the partnership learned: the period's newest lessons, or else the newest before it."""
    found = Lesson.objects.filter(partnership=partnership, learned_on__lte=end).order_by("-learned_on", "-pk")
    in_period = list(found.filter(learned_on__gte=start)[:LESSONS_SHOWN])
    return in_period or list(found[:LESSONS_SHOWN])


def photo_uri(story) -> str:
    """The story's photo as a data: URI for WeasyPrint, only when consent is recorded ("" otherwise)."""
    if story is None or not story.photo_shown:
        return ""
    try:
        with story.photo.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def summary_text(partnership, story, members, results, start, end) -> str:
    """The public page's text: a few plain sentences."""
    count = sum(len(organisations) for _label, organisations in members)
    sentences = []
    if story and story.headline:
        sentences.append(story.headline.rstrip(".") + ".")
    if count:
        sentences.append(
            ngettext(
                "%(name)s brings together %(count)s organisation.",
                "%(name)s brings together %(count)s organisations.",
                count,
            )
            % {"name": partnership.name, "count": count}
        )
    figures = [result.sentence for result in results if result.sentence]
    if figures:
        sentences.append(
            _("Between %(start)s and %(end)s: %(figures)s.")
            % {
                "start": date_format(start, "DATE_FORMAT"),
                "end": date_format(end, "DATE_FORMAT"),
                "figures": "; ".join(figures),
            }
        )
    return " ".join(sentences)


def build(report, step) -> Output:
    partnership, start, end = report.partnership, report.period_start, report.period_end
    step("story")
    story = PublicStory.objects.filter(partnership=partnership).prefetch_related("key_results").first()
    photo = photo_uri(story)
    step("why")
    rows = indicator_rows(AnonymousUser(), partnership, today=end)  # the public sees checked (locked) data only
    goals = sdg_goals(partnership, rows)
    step("partners")
    members = partners_by_sector(partnership, end)
    step("results")
    results = key_results(story, rows, end)
    step("together")
    together = working_together(partnership, start, end)
    learned = lessons(partnership, start, end)
    html = render_to_string(
        "reports/public/report.html",
        {
            "report": report,
            "partnership": partnership,
            "language": report.language,
            "story": story,
            "photo": photo,
            "why": (story.why_it_matters if story else "") or partnership.problem_statement,
            "goals": goals,
            "members": members,
            "results": results,
            "together": together,
            "lessons": learned,
            "next": (story.whats_next if story else "") or partnership.vision,
        },
    )
    return Output(html=html, summary=summary_text(partnership, story, members, results, start, end))
