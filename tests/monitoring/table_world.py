"""A partnership's indicators at every results level, for the indicator table, the SDG page, the export and the
results card. Periods are the quarters of 2025, long over: a period without an actual is overdue.

- Yield (impact, Agro Co, SDG 2.3): Q1 locked, 95 of 100 (on track); Q2 open, 10 of 100 (off track). Members see
  it off track, donors on track (they see the locked Q1 only).
- Farmers trained (outcome, Farmers' Union, SDG 1.2): Q1 open, 75 of 100 (at risk), broken down by sex.
- Hectares (output, Agro Co, no SDG target): Q1 open, 20 of 100 (off track); Q2 open without an actual (overdue).
- Stories of change (activity, Farmers' Union, qualitative): no period (no data).
"""

import datetime as dt
from decimal import Decimal

from monitoring.models import Breakdown
from tests.factories import OrganisationFactory
from tests.monitoring import factories as f

LOCKED_AT = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)


def build(partnership):
    agro = OrganisationFactory(name="Agro Co")
    union = OrganisationFactory(name="Farmers' Union")
    nodes = {
        level: f.node(partnership, level=level, title=f"The {level}")
        for level in ("activity", "output", "outcome", "impact")  # made bottom-up: the table still goes top-down
    }
    sex = f.DimensionFactory(partnership=partnership, name="Sex")
    female = f.CategoryFactory(dimension=sex, name="Female")
    male = f.CategoryFactory(dimension=sex, name="Male")

    yield_ = f.IndicatorFactory(
        partnership=partnership, name="Yield", result_node_key=nodes["impact"].key, responsible=agro
    )
    yield_.sdg_targets.add("2.3")
    q1, q2 = f.quarters(yield_, count=2)
    q1.locked_at = LOCKED_AT
    q1.save()
    f.ActualFactory(period=q1, value=Decimal(95), narrative="Good rains.")
    f.ActualFactory(period=q2, value=Decimal(10))

    farmers = f.IndicatorFactory(
        partnership=partnership, name="Farmers trained", result_node_key=nodes["outcome"].key, responsible=union
    )
    farmers.sdg_targets.add("1.2")
    farmers.dimensions.add(sex)
    (q1,) = f.quarters(farmers, count=1)
    actual = f.ActualFactory(period=q1, value=Decimal(75))
    Breakdown.objects.create(actual=actual, category=female, value=Decimal(40))
    Breakdown.objects.create(actual=actual, category=male, value=Decimal(35))

    hectares = f.IndicatorFactory(
        partnership=partnership, name="Hectares", result_node_key=nodes["output"].key, responsible=agro
    )
    q1, _q2 = f.quarters(hectares, count=2)
    f.ActualFactory(period=q1, value=Decimal(20))

    stories = f.IndicatorFactory(
        partnership=partnership,
        name="Stories of change",
        result_node_key=nodes["activity"].key,
        responsible=union,
        measure="5",
        baseline_value=None,
        baseline_text="None collected",
    )
    return {
        "agro": agro,
        "union": union,
        "nodes": nodes,
        "yield": yield_,
        "farmers": farmers,
        "hectares": hectares,
        "stories": stories,
    }
