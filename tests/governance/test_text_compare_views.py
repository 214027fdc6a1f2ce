"""The MoU comparison page as people read it: formatted text with what changed marked, fast on long clauses."""

import time

from django.urls import reverse

from governance import services
from tests.governance.factories import mou_draft
from tests.governance.test_text_diff import _clause


def _compare(client, partnership):
    return client.get(reverse("governance:mou_compare", args=[partnership.pk]) + "?a=1&b=2")


def _second_version(partnership, secretariat, text="The text of Meetings."):
    v1 = mou_draft(partnership, secretariat, clauses=())
    services.clause_save(version=v1, by=secretariat, type="other", title="Meetings", text=text)
    services.mou_send_for_review(version=v1, by=secretariat)
    return services.mou_version_create(partnership=partnership, by=secretariat)


def test_added_text_shows_its_formatting_not_its_marks(client, partnership, secretariat, partner):
    v2 = _second_version(partnership, secretariat)
    services.clause_save(
        version=v2, by=secretariat, clause=v2.clauses.get(), text="The text of Meetings, **twice a year**."
    )
    services.clause_save(version=v2, by=secretariat, type="other", title="Seats", text="- one seat each\n- *no* vetoes")
    client.force_login(partner)
    body = _compare(client, partnership).content.decode()
    assert "**" not in body
    assert "The text of Meetings<ins>, <strong>twice a year</strong></ins>." in body
    assert "<li><ins>one seat each</ins></li><li><ins><em>no</em> vetoes</ins></li>" in body


def test_a_long_clause_with_a_few_edits_compares_quickly(client, partnership, secretariat, partner):
    old = _clause(20_000, seed=5)
    v2 = _second_version(partnership, secretariat, text=old)
    words = old.split(" ")
    words[500], words[9_000], words[15_000] = "ALPHA", "BETA", "GAMMA"
    services.clause_save(version=v2, by=secretariat, clause=v2.clauses.get(), text=" ".join(words))
    client.force_login(partner)
    started = time.perf_counter()
    body = _compare(client, partnership).content.decode()
    assert time.perf_counter() - started < 2
    assert body.count("<ins>") == 1 + 3  # the legend, then the three edits
    assert "<ins>ALPHA</ins>" in body and "<ins>GAMMA</ins>" in body
