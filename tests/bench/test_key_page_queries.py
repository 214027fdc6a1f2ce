"""Every page the benchmark loads (bench.benchmark.pages.key_pages: the floor, the issue's key pages, the REST API's
list endpoints) answers in the same number of queries whatever the size of the installation: counted as the
benchmark counts them (bench.benchmark.queries, signed in as bench_secretariat on the largest partnership it runs)
on the generated data at two sizes, 1 and 4 partnerships, and equal to the counts pinned in
bench.benchmark.pages.QUERIES, which `manage.py benchmark` compares with its own count at the size it runs (500
partnerships by default).

Growth inside one partnership (more members, indicators, decisions) is pinned by each page's own query-count test
in its app's tests; the generator gives every partnership the same contents, so this test holds the other axis:
more partnerships, organisations and people around the one shown.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from api.models import ApiToken
from bench.benchmark import pages, queries
from bench.generator import generate

pytestmark = pytest.mark.django_db

SMALL, LARGE = 0.002, 0.008  # 1 and 4 partnerships


def _counts(factor):
    """{page key: queries} on freshly generated data of `factor`, rolled back afterwards."""
    with transaction.atomic():
        generate(factor=factor, seed=3, password="bench-queries")
        user = get_user_model().objects.get(username="bench_secretariat")
        partnership = pages.largest_partnership(user)
        page_list = pages.key_pages(partnership.pk, pages.search_word(partnership))
        _token, key = ApiToken.issue(user, "query counts")
        counted = queries.count_queries(page_list, user=user, api_key=key, static_root=settings.STATIC_ROOT)
        transaction.set_rollback(True)
    assert {k: c.status for k, c in counted.items()} == dict.fromkeys(counted, 200)
    return {key: c.queries for key, c in counted.items()}


def test_every_benchmark_page_costs_the_pinned_queries_at_two_sizes():
    small, large = _counts(SMALL), _counts(LARGE)
    assert set(small) == set(pages.QUERIES), "a page of the benchmark has no pinned count (pages.QUERIES)"
    assert large == small, "queries that grow with the installation"
    assert small == pages.QUERIES
