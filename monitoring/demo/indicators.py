"""Builds a partnership's indicators, quarterly periods, targets, actuals and breakdowns from a plan (the cocoa,
water and textile modules).

A plan names its disaggregation dimensions, the quarters it reports on (offsets, see `common`), the last quarter
the secretariat has locked, and its indicators. An indicator's targets run in a straight line from its baseline
to its final target (per period), or in equal steps (cumulative), unless the plan lists them; its actuals follow
a progress path (`common.PATHS`), or the plan lists them; words (ordinal, qualitative) follow the plan's steps,
each with the light a person set and why. Unit values broken down by a dimension add up to the total.

The periods and the checked history (locked quarters) are written in bulk; the actuals of the open quarters are
entered one by one as the person who would have entered them (a partner of the responsible organisation where
one has an account, else the secretariat), so the activity feed shows who reported what.
"""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.utils import timezone

from governance.selectors.budget import nodes_by_key
from msp import access
from stakeholders.models import ContactPerson, Organisation

from ..models import Actual, Breakdown, Category, Dimension, Indicator, Measure, Period
from .common import PATHS, at, quarters

MEASURES = {
    "unit": Measure.UNIT,
    "percentage": Measure.PERCENTAGE,
    "nominal": Measure.NOMINAL,
    "ordinal": Measure.ORDINAL,
    "qualitative": Measure.QUALITATIVE,
}
REPORTED_AFTER = dt.timedelta(days=12)  # an actual is measured and entered about two weeks after its quarter
LOCKED_AFTER = dt.timedelta(days=40)


def load(partnership, plan, secretariat):
    """The plan's indicators on `partnership`. Idempotent: a partnership that has indicators is left alone."""
    if Indicator.objects.filter(partnership=partnership).exists():
        return
    with set_actor(secretariat):
        dimensions = _dimensions(partnership, plan["dimensions"])
    nodes = {node.title: node for node in nodes_by_key(partnership).values()}
    periods = quarters(plan["first"], plan["last"])
    for position, spec in enumerate(plan["indicators"]):
        with set_actor(secretariat):
            indicator = _indicator(partnership, spec, nodes, dimensions, periods, position)
        _data(indicator, spec, dimensions, periods, plan["locked_through"], secretariat)


def _dimensions(partnership, spec):
    """{name: (dimension, [categories])} of the partnership's dimensions, made when missing."""
    found = {}
    for position, (name, categories) in enumerate(spec.items()):
        dimension, _ = Dimension.objects.get_or_create(
            partnership=partnership, name=name, defaults={"position": position}
        )
        rows = [
            Category.objects.get_or_create(dimension=dimension, name=category, defaults={"position": i})[0]
            for i, category in enumerate(categories)
        ]
        found[name] = (dimension, rows)
    return found


def _reporter(indicator, secretariat):
    """Who enters the indicator's actuals: a contact of the responsible organisation who may (msp.access), else
    the secretariat."""
    contacts = ContactPerson.objects.filter(organisation=indicator.responsible_id, user__isnull=False).order_by("pk")
    for contact in contacts.select_related("user"):
        if access.can_enter_actual(contact.user, indicator):
            return contact.user
    return secretariat


def _number(value, digits):
    return Decimal(str(round(value, digits))).quantize(Decimal(1).scaleb(-digits))


def _indicator(partnership, spec, nodes, dimensions, periods, position):
    measure = MEASURES[spec.get("measure", "unit")]
    baseline = spec.get("baseline")
    indicator = Indicator(
        partnership=partnership,
        result_node_key=nodes[spec["node"]].key,
        name=spec["name"],
        definition=spec.get("definition", ""),
        measure=measure,
        unit_label=spec.get("unit", ""),
        direction=spec.get("direction", "ascending"),
        aggregation=spec.get("aggregation", "period"),
        baseline_value=None if baseline is None else Decimal(str(baseline)),
        baseline_text=spec.get("baseline_text", ""),
        baseline_date=periods[0][1] - dt.timedelta(days=1),
        responsible=Organisation.objects.get(name=spec["responsible"]),
        means_of_verification=spec.get("verification", ""),
        position=position,
    )
    indicator.full_clean()
    indicator.save()
    indicator.sdg_targets.set(spec.get("sdg", []))
    indicator.dimensions.set([dimensions[name][0] for name in spec.get("dims", {})])
    return indicator


def _targets(spec, count):
    """The target of each of `count` periods (numbers), or the plan's."""
    if "targets" in spec:
        return [Decimal(str(t)) for t in spec["targets"]]
    digits, baseline, final = spec.get("digits", 0), spec["baseline"], spec["final"]
    if spec.get("aggregation") == "cumulative":
        return [_number((final - baseline) / count, digits)] * count
    return [_number(baseline + (final - baseline) * (i + 1) / count, digits) for i in range(count)]


def _values(spec, targets):
    """The actual of each period with data (numbers): along the indicator's progress path, or the plan's."""
    if "actuals" in spec:
        return [Decimal(str(a)) for a in spec["actuals"]]
    path = PATHS[spec["path"]][-len(targets) :]
    digits, baseline = spec.get("digits", 0), spec["baseline"]
    if spec.get("aggregation") == "cumulative":
        return [_number(float(target) * f, digits) for target, f in zip(targets, path, strict=True)]
    return [_number(baseline + f * (float(target) - baseline), digits) for target, f in zip(targets, path, strict=True)]


def _data(indicator, spec, dimensions, periods, locked_through, secretariat):
    numeric = indicator.is_numeric
    targets = _targets(spec, len(periods)) if numeric else [None] * len(periods)
    now = timezone.now()
    rows = Period.objects.bulk_create(
        Period(
            indicator=indicator,
            start=start,
            end=end,
            target_value=target,
            target_text="" if numeric else spec["target_text"],
            locked_at=at(end + LOCKED_AFTER) if offset <= locked_through else None,
            locked_by=secretariat if offset <= locked_through else None,
        )
        for (offset, start, end), target in zip(periods, targets, strict=True)
    )
    with_data = [(offset, row) for (offset, _s, _e), row in zip(periods, rows, strict=True) if offset <= 0]
    if numeric:
        values = _values(spec, [targets[i] for i in range(len(with_data))])
        words = [None] * len(with_data)
    else:
        steps = spec["steps"]
        values = [None] * len(with_data)
        words = [steps[min(len(steps) - 1, i * len(steps) // len(with_data))] for i in range(len(with_data))]
    by = _reporter(indicator, secretariat)
    notes = spec.get("notes", {})
    for (offset, period), value, word in zip(with_data, values, words, strict=True):
        if offset == 0 and spec.get("overdue"):
            continue
        actual = Actual(
            period=period,
            value=value,
            text=word[0] if word else "",
            light=word[1] if word else "",
            light_note=word[2] if word else "",
            narrative=notes.get(offset, ""),
            measured_on=min(period.end + REPORTED_AFTER, now.date()),
            entered_by=by,
        )
        if period.is_locked:
            Actual.objects.bulk_create([actual])
        else:
            with set_actor(by):
                actual.save()
        _breakdown(actual, spec, dimensions)


def _breakdown(actual, spec, dimensions):
    """One value per category of each of the indicator's dimensions, by the plan's shares; they add up."""
    rows = []
    for name, shares in spec.get("dims", {}).items():
        categories = dimensions[name][1]
        parts = [actual.value * Decimal(str(share)) for share in shares[:-1]]
        parts = [part.quantize(actual.value) for part in parts]
        parts.append(actual.value - sum(parts))
        rows += [Breakdown(actual=actual, category=c, value=v) for c, v in zip(categories, parts, strict=True)]
    Breakdown.objects.bulk_create(rows)
