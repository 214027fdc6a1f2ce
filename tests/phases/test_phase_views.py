import re

import pytest
from django.urls import reverse

from msp.models import Partnership

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = pytest.mark.usefixtures("gates_open")


def in_phase(partnership, phase):
    Partnership.objects.filter(pk=partnership.pk).update(phase=phase)
    partnership.refresh_from_db()
    return partnership


def revert_form(html):
    return re.search(r'<form[^>]*action="[^"]*/phases/back/"[^>]*>.*?</form>', html, re.S).group(0)


def selected_option(form_html):
    return re.search(r'<option value="(\d)"[^>]*selected', form_html).group(1)


@pytest.mark.parametrize("now_in", [2, 3])
def test_a_stale_advance_says_the_partnership_moved_meanwhile_once(client, partnership, secretariat, now_in):
    """The user saw "Move to Design" in phase 1; someone else moved the partnership meanwhile."""
    client.force_login(secretariat)
    in_phase(partnership, now_in)
    response = client.post(reverse("phases:advance", args=[partnership.pk]), {"to_phase": 2, "note": "Ready."})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Meanwhile the partnership has moved to phase") == 1
    assert "needs a reason" not in html
    partnership.refresh_from_db()
    assert partnership.phase == now_in


def test_a_stale_revert_says_the_partnership_moved_meanwhile_once(client, partnership, secretariat):
    client.force_login(secretariat)
    in_phase(partnership, 3)
    data = {"to_phase": 2, "reason": "conditions_changed", "note": "The regulator changed."}
    in_phase(partnership, 2)  # moved back by someone else while this user was reading
    response = client.post(reverse("phases:revert", args=[partnership.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Meanwhile the partnership has moved to phase 2") == 1
    assert "Select a valid choice" not in html


@pytest.mark.parametrize("phase,nearest", [(2, "1"), (3, "2"), (4, "2")])
def test_going_back_preselects_the_nearest_earlier_phase(client, partnership, secretariat, phase, nearest):
    client.force_login(secretariat)
    in_phase(partnership, phase)
    html = client.get(reverse("phases:history", args=[partnership.pk])).content.decode()
    assert selected_option(revert_form(html)) == nearest


def test_going_back_asks_to_confirm(client, partnership, secretariat):
    client.force_login(secretariat)
    in_phase(partnership, 3)
    html = client.get(reverse("phases:history", args=[partnership.pk])).content.decode()
    assert "data-confirm=" in revert_form(html)


def test_a_refused_revert_keeps_the_phase_the_user_chose(client, partnership, secretariat):
    client.force_login(secretariat)
    in_phase(partnership, 3)
    data = {"to_phase": 1, "reason": "", "note": ""}
    response = client.post(reverse("phases:revert", args=[partnership.pk]), data)
    assert response.status_code == 400
    assert selected_option(revert_form(response.content.decode())) == "1"


def test_the_two_forms_label_their_own_fields(client, partnership, secretariat):
    """Both forms have a note: each label must lead to its own field (screen readers, a click on the label)."""
    client.force_login(secretariat)
    in_phase(partnership, 3)
    html = client.get(reverse("phases:history", args=[partnership.pk])).content.decode()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_a_stale_advance_into_the_last_phase_offers_no_further_move(client, partnership, secretariat):
    client.force_login(secretariat)
    in_phase(partnership, 4)
    response = client.post(reverse("phases:advance", args=[partnership.pk]), {"to_phase": 4, "note": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Meanwhile the partnership has moved to phase 4") == 1
    assert "Move forward to phase" not in html
