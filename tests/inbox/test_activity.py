"""The activity feed's filters (person, organisation, kind of record, dates) and its CSV export."""

import csv
import io
import re

import pytest
from auditlog.context import set_actor
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance import services as gov
from governance.models import Decision
from tests.governance.factories import roadmap_draft
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(partnership, secretariat, kofi):
    gov.decision_save(partnership=partnership, by=secretariat, title='=HYPERLINK("http://evil")')
    roadmap_draft(partnership, secretariat)
    gov.roadmap_send_for_review(version=partnership_roadmap(partnership), by=secretariat)
    with set_actor(kofi):
        gov.roadmap_approve(version=partnership_roadmap(partnership), by=kofi)
    return partnership


def partnership_roadmap(partnership):
    from governance.models import RoadmapVersion

    return RoadmapVersion.objects.get(partnership=partnership)


def feed_page(client, partnership, **params):
    return client.get(reverse("msp:activity", kwargs={"partnership_pk": partnership.pk}), params)


def export(client, partnership, **params):
    response = client.get(reverse("inbox:activity_export", kwargs={"partnership_pk": partnership.pk}), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_filters_by_kind_of_record(client, feed, secretariat):
    client.force_login(secretariat)
    kind = ContentType.objects.get_for_model(Decision)
    rows = export(client, feed, content_type=kind.pk)
    assert len(rows) == 2 and rows[1][3] == "decision"


def test_filters_by_person_and_by_organisation(client, feed, secretariat, kofi):
    client.force_login(secretariat)
    by_kofi = export(client, feed, actor=kofi.pk)[1:]
    assert by_kofi and all(row[1] == (kofi.get_full_name() or kofi.username) for row in by_kofi)
    by_org = export(client, feed, organisation=kofi.contact.organisation.pk)[1:]
    assert by_org == by_kofi
    assert by_org[0][2] == "Ghana Cocoa Board"


def test_filters_by_date(client, feed, secretariat):
    client.force_login(secretariat)
    assert len(export(client, feed, since="2000-01-01")) > 1
    assert len(export(client, feed, until="2000-01-01")) == 1  # the header alone


def test_the_export_is_formula_safe(client, feed, secretariat):
    client.force_login(secretariat)
    cells = [cell for row in export(client, feed) for cell in row]
    assert not any(cell.startswith("=") for cell in cells)
    assert any("HYPERLINK" in cell for cell in cells)


def test_choices_offer_only_this_partnership_s_people(client, feed, secretariat, outsider):
    client.force_login(secretariat)
    page = feed_page(client, feed).content.decode()
    assert "Ghana Cocoa Board" in page
    # The person dropdown only (another dropdown's option may carry the same number: ids of other tables).
    people = re.search(r'<select name="actor".*?</select>', page, re.S).group(0)
    assert f'value="{secretariat.pk}"' in people
    assert f'value="{outsider.pk}"' not in people


def test_htmx_gets_only_the_results(client, feed, secretariat):
    client.force_login(secretariat)
    response = client.get(
        reverse("msp:activity", kwargs={"partnership_pk": feed.pk}),
        {"until": "2000-01-01"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="activity-results",
    )
    assert "<html" not in response.content.decode()
    assert "No activity matches these filters." in response.content.decode()


def test_donors_and_outsiders_cannot_export(client, feed, donor, outsider):
    url = reverse("inbox:activity_export", kwargs={"partnership_pk": feed.pk})
    client.force_login(donor)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404


# session, user, partnership, my role, the filter's choices (people, member organisations, kinds of record), the
# page of entries (with actor, content type) and their count in one query; filtered by organisation: its people
# (one more)
FILTERED_QUERIES = 9


def test_the_filtered_feed_is_constant(client, partnership, secretariat, kofi):
    client.force_login(secretariat)
    counts = []
    for size in (1, 6):
        for i in range(size):
            decision = gov.decision_save(partnership=partnership, by=secretariat, title=f"D{size}-{i}")
            gov.decision_open(decision=decision, by=secretariat)
            with set_actor(kofi):
                gov.position_record(
                    decision=decision, by=kofi, organisation=kofi.contact.organisation, position="support"
                )
        count, sql = queries_for(
            client,
            reverse("msp:activity", kwargs={"partnership_pk": partnership.pk})
            + f"?organisation={kofi.contact.organisation.pk}&since=2000-01-01",
        )
        counts.append(count)
    assert counts == [FILTERED_QUERIES] * 2, "\n".join(sql)
