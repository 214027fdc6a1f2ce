"""Evaluating a partnership runs a fixed number of queries, however many members, indicators and decisions it has
(acceptance 4). The rules are the ones registered by the apps at the time, so this holds them all to it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from phases.catalogue import ITEMS
from phases.evaluation import queued_request
from phases.models import Trigger
from phases.services import evaluation_run
from tests.factories import PartnershipFactory

from .evaluation_support import grow, only_these_rules


def queries_of_an_evaluation(partnership):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.NIGHTLY)
    with CaptureQueriesContext(connection) as ctx:
        run = evaluation_run(request.pk)
    assert run.items.count() == len(ITEMS)
    return len(ctx), [q["sql"] for q in ctx.captured_queries]


def test_an_evaluation_runs_the_same_queries_for_5_or_50_members_indicators_and_decisions(db):
    small = grow(PartnershipFactory(name="Small"), 5)
    large = grow(PartnershipFactory(name="Large"), 50)

    small_count, small_sql = queries_of_an_evaluation(small)
    large_count, large_sql = queries_of_an_evaluation(large)

    assert small_count == large_count, "\n".join(large_sql)


def test_the_jobs_own_queries(db):
    """Without any rule: the claim, the request with its partnership, the savepoint, the parameters, the
    judgements, the run, its items in one insert, the request done, the savepoint's release."""
    with only_these_rules():
        count, sql = queries_of_an_evaluation(grow(PartnershipFactory(), 5))
    assert count == 9, "\n".join(sql)


def test_an_evaluation_with_the_rules_of_the_day_stays_within_a_bound(db):
    large = grow(PartnershipFactory(name="Large"), 50)
    count, sql = queries_of_an_evaluation(large)
    # A loader per app, each with a handful of queries: far below one per member, indicator or decision.
    assert count < 60, "\n".join(sql)
