"""Minutes of a past meeting: the secretariat records them, circulates them, a partner who attended comments,
and the secretariat marks them final (after which the partner can no longer comment)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance import services
from msp.models import Role
from stakeholders.models import Organisation
from tests.e2e.test_mou_journey import _partner, _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_minutes_are_recorded_circulated_commented_and_marked_final(browser, live_server):
    partnership = PartnershipFactory(name="Cocoa Partnership")
    sara = UserFactory(username="sara", first_name="Sara", last_name="Secretary")
    RoleFactory(partnership=partnership, user=sara, role=Role.SECRETARIAT)
    _partner(partnership, "kofi", "Kofi", "Boateng", "Ghana Cocoa Board")
    start = timezone.now() - dt.timedelta(days=2)
    meeting = services.meeting_save(
        partnership=partnership,
        by=sara,
        title="Steering Committee 5",
        is_formal=False,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="1. Budget",
    )
    services.meeting_invite(
        meeting=meeting, by=sara, organisations=[Organisation.objects.get(name="Ghana Cocoa Board")]
    )
    url = f"{live_server.url}/partnerships/{partnership.pk}/governance/meetings/{meeting.pk}/"

    secretariat = _person(browser, live_server, "sara")
    secretariat.goto(url)
    secretariat.get_by_role("link", name="Record the minutes").click()
    secretariat.get_by_label("Text of the minutes").fill("1. The budget was agreed.")
    secretariat.get_by_role("button", name="Save").click()
    expect(secretariat.get_by_text("The minutes are saved as a draft.")).to_be_visible()
    expect(secretariat.locator("#minutes-status")).to_have_text("Draft")
    secretariat.get_by_role("button", name="Circulate for comments").click()
    expect(secretariat.get_by_text("The minutes are circulated")).to_be_visible()
    expect(secretariat.locator("#minutes-status")).to_have_text("Circulated for comments")

    kofi = _person(browser, live_server, "kofi")
    kofi.goto(url)
    expect(kofi.get_by_text("1. The budget was agreed.")).to_be_visible()
    kofi.get_by_label("Your comment").fill("Please add the amount: 12,000.")
    kofi.get_by_role("button", name="Add comment").click()
    expect(kofi.get_by_text("Your comment is added to the minutes.")).to_be_visible()
    expect(kofi.locator("#minutes-comments")).to_contain_text("Ghana Cocoa Board")

    secretariat.goto(url)
    expect(secretariat.locator("#minutes-comments")).to_contain_text("Please add the amount: 12,000.")
    secretariat.get_by_role("button", name="Mark final").click()
    expect(secretariat.get_by_text("The minutes are final.")).to_be_visible()
    expect(secretariat.locator("#minutes-status")).to_have_text("Final")
    expect(secretariat.get_by_role("link", name="Edit the minutes")).to_have_count(0)

    kofi.goto(url)
    expect(kofi.locator("#minutes-status")).to_have_text("Final")
    expect(kofi.get_by_label("Your comment")).to_have_count(0)
