"""The reports list, a version's page and its status block run the same number of queries with few and with
many versions (requested by different people, some released or published)."""

import pytest
from django.urls import reverse

from monitoring.models import ReportKind, ReportStatus
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.querycount import queries_for

from .report_rows import report_row


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    donor = RoleFactory(partnership=partnership, role=Role.DONOR).user
    for i in range(size):
        asker = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
        report_row(partnership, asker, released=True)
        report_row(partnership, asker, kind=ReportKind.PUBLIC, published=i % 2 == 0)
        report_row(partnership, secretariat, status=ReportStatus.FAILED if i % 2 else ReportStatus.RUNNING)
    latest = report_row(partnership, secretariat, released=True)
    return partnership, {"secretariat": secretariat, "donor": donor}, latest


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role, then the page's own. The list: the versions with who asked and their file
# (one query) and, for the secretariat, nothing more (the form needs no query). A version's page and its status:
# the version with its file and the people who asked, released and published (one query).
QUERIES = {"reports": 5, "report": 5, "report_status": 5}


@pytest.mark.parametrize("viewer", ["secretariat", "donor"])
@pytest.mark.parametrize("page_name", list(QUERIES))
def test_the_report_pages_are_constant(client, worlds, viewer, page_name):
    counts = []
    for partnership, users, latest in worlds:
        client.force_login(users[viewer])
        args = [partnership.pk] if page_name == "reports" else [partnership.pk, latest.pk]
        count, sql = queries_for(client, reverse(f"monitoring:{page_name}", args=args))
        counts.append(count)
    assert counts[0] == counts[1], sql
    assert counts[1] == QUERIES[page_name], "\n".join(sql)


def test_the_public_page_is_one_query(client, worlds):
    partnership, users, _latest = worlds[1]
    published = partnership.reports.filter(published_at__isnull=False).first()
    count, sql = queries_for(client, reverse("reports:public_report", args=[published.public_key]))
    assert count == 1, "\n".join(sql)  # the report with its partnership and file; no session for a visitor
