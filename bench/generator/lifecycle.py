"""The lifecycle's records: each partnership's phase transitions, its checklist runs, its activity feed, and the
IATI publication of one partnership in five.

The newest checklist run of a partnership is a real evaluation of the generated data (phases.checks, as the
nightly worker writes it); the older runs are that one with some results worse, as a partnership improving over
the months would show. Activity entries are what auditlog writes when the secretariat records a decision or a
member joins (records filed under the partnership).
"""

import dataclasses
import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from governance.models import Decision
from msp.models import ActivityEntry, Phase
from opendata.models import Publication
from phases import checks
from phases.catalogue import Result
from phases.evaluation import _run_item
from phases.models import ChecklistRun, PhaseTransition, RunItem, Trigger
from stakeholders.models import Membership

from . import context as c

WORSE = {Result.PASS: Result.WARN, Result.WARN: Result.FAIL}
TRANSITION_NOTES = {
    2: "Core group formed; the problem and the partners are clear.",
    3: "Roadmap approved and MoU signed by the founding partners.",
    4: "The partnership decided to scale up to two more regions.",
}


def build(ctx):
    _transitions(ctx)
    _checklist_runs(ctx)
    _activity(ctx)
    _publications(ctx)


def _transitions(ctx):
    rows = []
    for plan in ctx.plans:
        for to in range(Phase.DESIGN, plan.partnership.phase + 1):
            rows.append(PhaseTransition(
                partnership=plan.partnership, from_phase=to - 1, to_phase=to, by=plan.secretariat,
                note=TRANSITION_NOTES[to], created_at=ctx.moment(plan.started + dt.timedelta(days=200 * (to - 1))),
            ))  # fmt: skip
    ctx.bulk(PhaseTransition, rows)


def _checklist_runs(ctx):
    runs, items = [], []
    for plan in ctx.plans:
        partnership = plan.partnership
        with translation.override(partnership.language):
            outcomes = checks.evaluate(partnership)
            latest = [_run_item(o) for o in outcomes]
        for k in range(c.CHECKLIST_RUNS):
            age = c.CHECKLIST_RUNS - 1 - k  # months before the newest run
            if age:
                # Older runs: some results were worse then.
                worse = [dataclasses.replace(o, result=WORSE.get(o.result, o.result)) if ctx.rng.random() < 0.05 * age
                         else o for o in outcomes]  # fmt: skip
            else:
                worse = outcomes
            health = checks.health(worse)
            overall = health.pop("overall")
            run = ChecklistRun(partnership=partnership, created_at=ctx.now - dt.timedelta(days=30 * age, hours=2),
                               phase=partnership.phase, trigger=Trigger.NIGHTLY, health=health, overall=overall)  # fmt: skip
            runs.append(run)
            for template, outcome in zip(latest, worse, strict=True):
                item = RunItem(item_id=template.item_id, result=outcome.result, evidence=template.evidence,
                               links=template.links, hint=template.hint, judgement_note=template.judgement_note,
                               stale=template.stale)  # fmt: skip
                items.append((run, item))
    ctx.bulk(ChecklistRun, runs)
    for run, item in items:
        item.run = run
    ctx.bulk(RunItem, [item for _, item in items], batch=5000)


def _activity(ctx):
    """What the feed shows: members joining and decisions recorded, by the secretariat, oldest first."""
    membership_type = ContentType.objects.get_for_model(Membership)
    decision_type = ContentType.objects.get_for_model(Decision)
    rows = []
    for plan in ctx.plans:
        pk = plan.partnership.pk
        entries = [(membership_type, m, {"organisation": ["None", str(m.organisation)], "role": ["None", m.role]},
                    ctx.moment(m.joined_on)) for m in plan.members[: c.ACTIVITY // 2]]  # fmt: skip
        entries += [(decision_type, d, {"title": ["None", d.title], "status": ["None", "draft"]},
                     d.created_at) for d in plan.decisions[-(c.ACTIVITY - len(entries)):]]  # fmt: skip
        for content_type, obj, changes, at in entries:
            rows.append(ActivityEntry(
                content_type=content_type, object_pk=str(obj.pk), object_id=obj.pk, object_repr=str(obj)[:200],
                action=ActivityEntry.Action.CREATE, changes=changes, changes_text="", actor=plan.secretariat,
                timestamp=at, additional_data={"partnership": pk}, partnership_id=pk,
            ))  # fmt: skip
    ctx.bulk(ActivityEntry, rows, batch=5000)


def _publications(ctx):
    rows = []
    for plan in ctx.plans[:: c.IATI_EVERY]:
        published = ctx.now - dt.timedelta(days=30)
        rows.append(Publication(
            partnership=plan.partnership, identifier=f"{settings.IATI_REPORTING_ORG_REF}-P{plan.partnership.pk}",
            is_published=True, published_at=published, published_by=plan.secretariat,
        ))  # fmt: skip
    ctx.bulk(Publication, rows)
