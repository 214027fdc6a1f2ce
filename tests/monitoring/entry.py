"""A partnership to enter actual values in: an indicator of Kofi's organisation (Ghana Cocoa Board), with a Sex
dimension (female, male) and the four quarters of 2025; Awa is a partner of another organisation (Kavokiva)."""

import datetime as dt

from stakeholders.models import Organisation
from tests.governance.factories import member
from tests.monitoring import factories as f

TODAY = dt.date(2026, 1, 15)


def entry_world(partnership, **indicator):
    kofi = member(partnership, "kofi", org_name="Ghana Cocoa Board")
    awa = member(partnership, "awa", org_name="Kavokiva")
    sex = f.DimensionFactory(partnership=partnership, name="Sex")
    female = f.CategoryFactory(dimension=sex, name="Female", position=0)
    male = f.CategoryFactory(dimension=sex, name="Male", position=1)
    fields = {"name": "Farmers trained", "responsible": Organisation.objects.get(name="Ghana Cocoa Board"), **indicator}
    one = f.IndicatorFactory(partnership=partnership, **fields)
    one.dimensions.add(sex)
    return {
        "kofi": kofi,
        "awa": awa,
        "indicator": one,
        "periods": f.quarters(one, count=4),
        "female": female,
        "male": male,
        "sex": sex,
    }
