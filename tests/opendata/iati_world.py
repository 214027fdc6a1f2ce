"""A partnership with something in every part of its IATI activity, built straight in the database (records as
they are stored, so a test can also store what the forms would refuse): for the IATI builder's tests.

`iati_world(size=1)` makes `size` of each repeated record (members, lines, transactions, indicators, periods), so
that a query count can be pinned at two sizes. It returns a dict of what a test looks at.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from governance.models import BudgetLine, Milestone, ResultNode, RoadmapVersion, Transaction
from monitoring.models import Actual, Breakdown, Category, Dimension, Indicator, Period
from stakeholders.models import Membership
from tests.factories import ContactFactory, OrganisationFactory, PartnershipFactory, TransitionFactory, UserFactory

TODAY = timezone.localdate()
LOCKED = timezone.make_aware(dt.datetime(2025, 4, 10, 10, 0))


def iati_world(size=1, *, countries=("GH", "CI", "TG"), language="en", funder_ref="XM-DAC-47015"):
    partnership = PartnershipFactory(
        name="Sustainable Cocoa",
        problem_statement="Cocoa farmers earn below a living income.",
        vision="Every cocoa farmer earns a living income.",
        countries=list(countries),
        sdg_goals=[1, 15],
        sdg_targets=["15.2"],
        language=language,
        phase=3,
    )
    TransitionFactory(partnership=partnership, from_phase=2, to_phase=3, created_at=_at(2024, 6, 1))
    person = UserFactory(first_name="Kwame", last_name="Asantewaa")
    funder = OrganisationFactory(name="Chocolate Fund", iati_type_id="60", iati_identifier=funder_ref)
    members = [funder] + [OrganisationFactory(name=f"Cooperative {i}", iati_type_id="24") for i in range(size)]
    Membership.objects.create(
        partnership=partnership, organisation=funder, role="funder", iati_role="1", joined_on=dt.date(2024, 1, 15)
    )
    for organisation in members[1:]:
        Membership.objects.create(partnership=partnership, organisation=organisation, joined_on=dt.date(2024, 2, 1))
    observer = OrganisationFactory(name="Observing Ministry", iati_type_id="10")
    Membership.objects.create(partnership=partnership, organisation=observer, role="observer", joined_on=TODAY)
    contact = ContactFactory(
        organisation=members[1], name="Abena Owusu-Mensah", email="abena@coop.example", phone="+233 20 555 0199"
    )
    contact.user = person
    contact.save()
    nodes = _roadmap(partnership)
    indicators = _indicators(partnership, nodes, members[1], person, size)
    _money(partnership, funder, size)
    return {
        "partnership": partnership,
        "funder": funder,
        "members": members,
        "observer": observer,
        "person": person,
        "contact": contact,
        "nodes": nodes,
        "indicators": indicators,
    }


def _at(year, month, day):
    return timezone.make_aware(dt.datetime(year, month, day, 10, 0))


def _roadmap(partnership):
    """An approved roadmap: an impact, an outcome, an output (with indicators) and an activity, a milestone."""
    version = RoadmapVersion.objects.create(partnership=partnership, number=1)
    impact = ResultNode.objects.create(version=version, level="impact", title="Living incomes", position=0)
    outcome = ResultNode.objects.create(
        version=version, level="outcome", title="Better yields", parent=impact, position=1, description=""
    )
    output = ResultNode.objects.create(
        version=version, level="output", title="Farmers trained", parent=outcome, position=2
    )
    activity = ResultNode.objects.create(
        version=version, level="activity", title="Field schools", parent=output, position=3
    )
    Milestone.objects.create(version=version, title="Final survey", due_on=dt.date(2027, 6, 30))
    version.status, version.approved_at = "approved", _at(2024, 5, 1)
    version.save(update_fields=["status", "approved_at"])
    return {"impact": impact, "outcome": outcome, "output": output, "activity": activity}


def _indicators(partnership, nodes, responsible, person, size):
    """On each result node `size` indicators, each with a locked quarter (actual, broken down by sex) and an open
    one (its actual is not published); one indicator on the activity (not a result: not published)."""
    sex = Dimension.objects.create(partnership=partnership, name="Sex")
    female, male = (Category.objects.create(dimension=sex, name=n, position=i) for i, n in enumerate(("F", "M")))
    indicators = []
    for level in ("impact", "outcome", "output", "activity"):
        for i in range(size):
            indicator = Indicator.objects.create(
                partnership=partnership,
                result_node_key=nodes[level].key,
                name=f"{level} indicator {i}",
                definition="Counted in the annual survey." if i == 0 else "",
                measure="1",
                baseline_value=Decimal(10),
                baseline_date=dt.date(2024, 12, 31),
                responsible=responsible,
            )
            locked = Period.objects.create(
                indicator=indicator,
                start=dt.date(2025, 1, 1),
                end=dt.date(2025, 3, 31),
                target_value=Decimal(100),
                locked_at=LOCKED,
                locked_by=person,
            )
            actual = Actual.objects.create(
                period=locked,
                value=Decimal("90.5"),
                narrative="Rains came late.",
                measured_on=dt.date(2025, 3, 31),
                entered_by=person,
            )
            Breakdown.objects.create(actual=actual, category=female, value=Decimal("40.5"))
            Breakdown.objects.create(actual=actual, category=male, value=Decimal(50))
            open_period = Period.objects.create(
                indicator=indicator, start=dt.date(2025, 4, 1), end=dt.date(2025, 6, 30), target_value=Decimal(120)
            )
            Actual.objects.create(period=open_period, value=Decimal(7777), measured_on=dt.date(2025, 6, 30))
            indicators.append(indicator)
    return indicators


def _money(partnership, funder, size):
    """Budget lines in 2025 and 2026 (one 2026 line revised), incoming funds from the funder and expenditure paid
    to a payee outside the registry (a person's name)."""
    for i in range(size):
        BudgetLine.objects.create(
            partnership=partnership,
            category="secretariat",
            description=f"Coordinator {i}",
            year=2025,
            amount=Decimal(1000),
            currency_id="EUR",
        )
        original = BudgetLine.objects.create(
            partnership=partnership,
            category="activities",
            description=f"Field schools {i}",
            year=2026,
            amount=Decimal(2000),
            currency_id="EUR",
        )
        BudgetLine.objects.create(
            partnership=partnership,
            category="activities",
            description=f"Field schools {i}",
            year=2026,
            amount=Decimal(2500),
            currency_id="EUR",
            budget_type="2",
            revises=original,
        )
        Transaction.objects.create(
            partnership=partnership,
            type="1",
            date=dt.date(2025, 2, 1),
            amount=Decimal(5000),
            currency_id="EUR",
            counterpart=funder,
        )
        Transaction.objects.create(
            partnership=partnership,
            type="4",
            date=dt.date(2025, 3, 1),
            amount=Decimal("120.50"),
            currency_id="EUR",
            counterpart_name="Yaw Payee-Boateng",
            description="Fees for Yaw Payee-Boateng",
        )


def parse(document: bytes):
    return etree.fromstring(document)


def activity_of(document: bytes):
    return parse(document).find("iati-activity")
