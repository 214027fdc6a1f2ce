"""Query counts of API endpoints, pinned at two data sizes (as tests/querycount.py does for pages).

    from tests.api.querycount import assert_constant_queries

    def test_the_indicator_list_is_constant(two_sizes):              # [(user, partnership)] small, then large
        assert_constant_queries(
            [(user, reverse("api:indicator_list", args=[p.pk])) for user, p in two_sizes],
            expected=7,  # token, partnership + role, count, page, ... (list them in a comment)
        )

Each request goes through a personal token of its user, made beforehand and already marked as used, so the count is
that of every later request of a script: one query for the token (with its user), then the endpoint's own. The
throttle counts in the cache, not the database.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import ApiToken


def api_client_for(user) -> APIClient:
    """A client with a fresh token of `user`, already marked as used (no `last_used_at` write in the count)."""
    token, key = ApiToken.issue(user, "query count")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def api_queries(user, url) -> tuple[int, list[str]]:
    """(number of queries, their SQL) for one GET of `url` as `user`, which must answer 200."""
    client = api_client_for(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:500])
    return len(ctx), [q["sql"] for q in ctx.captured_queries]


def assert_constant_queries(cases, expected: int):
    """Every (user, url) of `cases` (the same endpoint over growing data) runs exactly `expected` queries; on a
    failure, the SQL of each case is shown."""
    counts, sql = [], []
    for user, url in cases:
        count, queries = api_queries(user, url)
        counts.append(count)
        sql.append(f"{url} ({count} queries):\n" + "\n".join(queries))
    assert counts == [expected] * len(cases), "\n\n".join(sql)
