from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """(number of queries, their SQL) for one GET that must succeed."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx), [q["sql"] for q in ctx.captured_queries]
