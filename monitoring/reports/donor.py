"""The donor report (DESIGN section 6, formal): a cover, a table of contents, then one section per subject, each
made by a module of `sections/` (`collect(ctx)` -> the template's context) and drawn by its template
(templates/reports/donor/<key>.html). The job calls `step(key)` before each section, which the page shows as
progress.

`ReportContext` carries what every section needs (the report, partnership, period, currency) and caches what
several read, so the report runs a bounded number of queries whatever the size of the partnership.
"""

import dataclasses
import functools
from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance import resources as resource_figures
from governance.models import Milestone
from governance.selectors.budget import link_version, nodes_by_key

from ..selectors.table import indicator_rows
from . import partnership_reads
from .jobs import Output
from .sections import annex, checklist, finances, governance, learning, movement, results, status, summary


@dataclasses.dataclass
class Section:
    key: str
    title: str
    collect: Callable
    template: str = ""

    def __post_init__(self):
        self.template = self.template or f"reports/donor/{self.key}.html"


# In the order of DESIGN section 6; the map's movement follows the status it explains.
SECTIONS = [
    Section("summary", _("Summary"), summary.collect),
    Section("status", _("Status of the partnership"), status.collect),
    Section("movement", _("How the stakeholder map moved"), movement.collect),
    Section("results", _("Results against plan"), results.collect),
    Section("finances", _("Finances"), finances.collect),
    Section("governance", _("Governance"), governance.collect),
    Section("risks", _("Risks and context"), learning.collect_risks),
    Section("checklist", _("Success-factor checklist"), checklist.collect),
    Section("lessons", _("Lessons and capacity gaps"), learning.collect_lessons),
    Section("next", _("Next period"), learning.collect_next),
    Section("annex", _("Annex: MoU status and signatures"), annex.collect),
]
TITLES = {s.key: s.title for s in SECTIONS} | {"pdf": _("Rendering the PDF")}


class ReportContext:
    """The report being made and what its sections share. Add a cached property here for anything two sections
    read, rather than loading it twice."""

    def __init__(self, report):
        self.report = report
        self.partnership = report.partnership
        self.start = report.period_start
        self.end = report.period_end
        self.language = report.language
        self.currency = report.partnership.currency
        self.now = timezone.now()

    @functools.cached_property
    def facts(self) -> dict:
        """Headline figures sections put in the summary: each section may add its own (key -> value)."""
        return {}

    @functools.cached_property
    def nodes(self) -> dict:
        """{key: node} of the results chain in the roadmap's current wording (governance.selectors.budget)."""
        return nodes_by_key(self.partnership)

    @functools.cached_property
    def indicator_rows(self) -> list:
        """Every indicator with its checked (locked) periods, their actuals and breakdowns, as a donor sees them:
        the report goes to donors, who read checked data only (monitoring.selectors.indicators)."""
        return indicator_rows(AnonymousUser(), self.partnership, nodes=self.nodes, breakdown=True, today=self.end)

    @functools.cached_property
    def milestones(self) -> list:
        """The milestones of the roadmap version the results chain is read from, by due date."""
        return list(
            Milestone.objects.filter(version=link_version(self.partnership))
            .select_related("owner")
            .order_by("due_on", "pk")
        )

    @functools.cached_property
    def resources(self):
        """The resources overview's figures (governance.resources): budget, commitments, transactions, in kind,
        funding concentration, in the reporting currency."""
        return resource_figures.for_partnership(self.partnership)

    # --- Shared by the summary, status, movement, governance, checklist and annex sections (part A) -------------
    # Each loads once, whatever the number of rows; the section modules import the apps they read.

    @functools.cached_property
    def transitions(self) -> list:
        """Every phase transition, oldest first, with who made it (one query)."""
        return partnership_reads.transitions(self)

    @functools.cached_property
    def map_entries(self) -> list:
        """The stakeholder map today, with each entry's organisation (one query)."""
        return partnership_reads.map_entries(self)

    @functools.cached_property
    def memberships(self) -> list:
        """The members on the period's last day, with their organisation and its IATI type (one query)."""
        return partnership_reads.memberships(self)

    @functools.cached_property
    def decisions(self) -> list:
        """Decisions adopted in the period with their body, meeting and delegating decision, oldest first (1 query)."""
        return partnership_reads.decisions(self)

    @functools.cached_property
    def checklist_run(self):
        """The latest checklist run at or before the period's end, or None (one query)."""
        return partnership_reads.checklist_run(self)

    # --- end of part A ----------------------------------------------------------------------------------------


def build(report, step) -> Output:
    ctx = ReportContext(report)
    made = []
    for section in SECTIONS:
        step(section.key)
        made.append((section, section.collect(ctx)))
    html = render_to_string(
        "reports/donor/report.html",
        {
            "report": report,
            "partnership": ctx.partnership,
            "ctx": ctx,
            "language": report.language,
            "sections": [
                (section, render_to_string(section.template, {**data, "ctx": ctx, "section": section}))
                for section, data in made
            ],
        },
    )
    return Output(html=html)
