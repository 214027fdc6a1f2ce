"""My work shows the first entries of each kind with their number; the page of a kind lists them all, paged."""

import pytest
from django.urls import reverse

from governance import services as gov
from inbox import selectors

pytestmark = pytest.mark.django_db


def open_decisions(partnership, secretariat, n):
    for i in range(n):
        decision = gov.decision_save(partnership=partnership, by=secretariat, title=f"Decision {i:02d}")
        gov.decision_open(decision=decision, by=secretariat)


def test_my_work_shows_the_first_entries_and_links_to_all_of_them(client, partnership, secretariat, kofi):
    open_decisions(partnership, secretariat, selectors.SHOWN + 2)
    client.force_login(kofi)
    page = client.get(reverse("inbox:my_work")).content.decode()
    assert page.count("Record your position on") == selectors.SHOWN
    assert f'href="{reverse("inbox:my_work_kind", kwargs={"kind": "position"})}"' in page
    assert f"Show all {selectors.SHOWN + 2}" in page


def test_all_entries_show_without_a_link_when_they_fit(client, partnership, secretariat, kofi):
    open_decisions(partnership, secretariat, 2)
    client.force_login(kofi)
    page = client.get(reverse("inbox:my_work")).content.decode()
    assert page.count("Record your position on") == 2
    assert reverse("inbox:my_work_kind", kwargs={"kind": "position"}) not in page


def test_the_page_of_a_kind_lists_them_all_most_urgent_first_and_pages(
    client, partnership, secretariat, kofi, monkeypatch
):
    monkeypatch.setattr(selectors, "PER_PAGE", 5)
    open_decisions(partnership, secretariat, 7)
    client.force_login(kofi)
    url = reverse("inbox:my_work_kind", kwargs={"kind": "position"})
    first = client.get(url).content.decode()
    assert "Positions to record on open decisions" in first
    assert f'href="{reverse("inbox:my_work")}"' in first  # the breadcrumb back to My work
    assert first.count("Record your position on") == 5
    assert first.index("Decision 00") < first.index("Decision 04")  # the oldest first
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count("Record your position on") == 2 and "Decision 06" in second


def test_the_page_of_a_kind_without_work_says_so(client, donor):
    client.force_login(donor)
    page = client.get(reverse("inbox:my_work_kind", kwargs={"kind": "mou_sign"})).content.decode()
    assert "Nothing awaits you right now." in page
    assert "MoUs to sign" in page


def test_an_unknown_kind_is_not_found(client, donor):
    client.force_login(donor)
    assert client.get(reverse("inbox:my_work_kind", kwargs={"kind": "nothing"})).status_code == 404


def test_the_page_of_a_kind_requires_sign_in(client):
    url = reverse("inbox:my_work_kind", kwargs={"kind": "position"})
    assert client.get(url).status_code == 302
