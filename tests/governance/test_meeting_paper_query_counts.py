"""The meeting page and the meeting list run the same number of queries with one paper and with many, for the
secretariat (every paper) and a partner (the shared ones)."""

import pytest
from django.urls import reverse

from governance import services
from tests.governance.paper_files import ACCEPTED, upload
from tests.governance.test_meeting_query_counts import DETAIL_QUERIES, LIST_QUERIES, _world
from tests.querycount import queries_for


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def _with_papers(size):
    partnership, secretariat, partner, meeting = _world(2)
    for i in range(size):
        services.meeting_paper_upload(
            meeting=meeting,
            by=secretariat,
            title=f"Paper {i}",
            file=upload(f"paper{i}.pdf", ACCEPTED["agenda.pdf"]),
            share=bool(i % 2),
        )
    return partnership, secretariat, partner, meeting


@pytest.fixture
def worlds(db):
    return _with_papers(1), _with_papers(8)


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_meeting_page_is_constant_in_papers(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, partner, meeting in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        count, sql = queries_for(client, reverse("governance:meeting", args=[partnership.pk, meeting.pk]))
        counts.append(count)
    assert counts == [DETAIL_QUERIES] * 2, "\n".join(sql)


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_meeting_list_is_constant_in_papers(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, partner, _meeting in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        count, sql = queries_for(client, reverse("governance:meetings", args=[partnership.pk]))
        counts.append(count)
    assert counts == [LIST_QUERIES] * 2, "\n".join(sql)
