"""The IATI files build in a fixed number of queries: a partnership with three times the members, budget lines,
transactions, indicators, periods and breakdowns costs the same as a small one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata import iati
from tests.opendata.iati_world import iati_world


def _queries(partnership):
    with CaptureQueriesContext(connection) as ctx:
        iati.activity_file(partnership, iati.activity_identifier(partnership))
    return len(ctx)


def test_an_activity_file_costs_the_same_queries_at_any_size(db):
    small = iati_world(1)["partnership"]
    large = iati_world(3, funder_ref="XM-DAC-47016")["partnership"]
    # countries, goals, targets; memberships, phase moves; indicator count, approved roadmap, its nodes,
    # indicators, locked periods with actuals, breakdowns; planned lines, MoU in force, transactions; public reports
    assert _queries(small) == _queries(large) == 15


def test_the_organisation_file_needs_no_query(db):
    with CaptureQueriesContext(connection) as ctx:
        iati.organisation_file()
    assert len(ctx) == 0
