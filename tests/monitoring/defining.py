"""Helpers of the tests of the secretariat's definitions: a member organisation, an indicator defined through the
service, the form data of an indicator."""

import datetime as dt
from decimal import Decimal

from monitoring.services import indicators as services
from tests.factories import MembershipFactory, OrganisationFactory
from tests.monitoring import factories as f


def member(partnership, name="Cocoa Growers Union"):
    organisation = OrganisationFactory(name=name)
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def define(partnership, by, **fields):
    """An indicator of `partnership` defined through the service, on a new outcome of its results chain."""
    values = dict(
        name="Farmers trained",
        measure="1",
        unit_label="farmers",
        direction="ascending",
        aggregation="period",
        baseline_value=Decimal(0),
        baseline_text="",
        baseline_date=dt.date(2025, 1, 1),
        definition="",
        means_of_verification="",
    )
    values.update(fields)
    values.setdefault("result_node_key", f.node(partnership).key)
    values.setdefault("responsible", member(partnership))
    return services.indicator_save(partnership=partnership, by=by, **values)


def form_data(**fields):
    data = dict(
        name="Farmers trained",
        measure="1",
        unit_label="farmers",
        direction="ascending",
        aggregation="period",
        baseline_value="0",
        baseline_text="",
        baseline_date="2025-01-01",
        definition="People who finished the course.",
        means_of_verification="Attendance lists",
    )
    data.update(fields)
    return data
