"""The checklist pages run the same number of queries with 5 and with 30 runs (and more judgements and
parameters)."""

import pytest
from django.urls import reverse

from msp.models import Role
from phases.catalogue import Result
from phases.models import Judgement, ParameterOverride
from tests.factories import PartnershipFactory, RoleFactory
from tests.querycount import queries_for

from .runs import make_run

# session, user, partnership, my role (each page), then:
# checklist: latest run, pending request, parameters, judgements (with who), the run's items
# runs: count, the page of runs with their counts per result
# run: the run, the previous run, the items of both
# parameters: the partnership's parameters
# status: the pending request
# dashboard: as in tests/msp/test_query_counts.py, with the checklist card's items of the last two runs
# (the first time: phases.dashboard keeps what it drew of runs, which never change)
COUNTS = {"checklist": 9, "runs": 6, "run": 7, "parameters": 5, "status": 5, "dashboard": 27}


def _grow(partnership, secretariat, runs):
    for n in range(runs):
        make_run(partnership, {"CS-2": [Result.FAIL, Result.PASS][n % 2]}, days_ago=runs - n)
        Judgement.objects.create(partnership=partnership, item_id="CM-6", result="pass", note=f"{n}", by=secretariat)
    for item_id, name in (("CS-2", "min_core"), ("SR-7", "max_share"))[: 1 + runs // 30]:
        ParameterOverride.objects.update_or_create(
            partnership=partnership, item_id=item_id, name=name, defaults={"value": 7}
        )


@pytest.fixture
def worlds(db):
    made = []
    for runs in (5, 30):
        partnership = PartnershipFactory()
        secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
        _grow(partnership, secretariat, runs)
        made.append((partnership, secretariat))
    return made


def _urls(partnership):
    latest = partnership.checklist_runs.first()
    return {
        "checklist": reverse("phases:checklist", args=[partnership.pk]),
        "runs": reverse("phases:runs", args=[partnership.pk]),
        "run": reverse("phases:run", args=[partnership.pk, latest.pk]),
        "parameters": reverse("phases:parameters", args=[partnership.pk]),
        "status": reverse("phases:evaluation_status", args=[partnership.pk]),
        "dashboard": reverse("msp:dashboard", args=[partnership.pk]),
    }


def test_the_checklist_pages_are_constant(client, worlds):
    found = []
    for partnership, secretariat in worlds:
        client.force_login(secretariat)
        found.append({name: queries_for(client, url) for name, url in _urls(partnership).items()})
    for name in COUNTS:
        (small, _), (large, sql) = found[0][name], found[1][name]
        assert small == large == COUNTS[name], (name, small, large, "\n".join(sql))
