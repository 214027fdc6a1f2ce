from django.core.management import call_command
from django.utils import timezone

from governance.models import Meeting
from msp.demo import PARTNERSHIPS
from msp.models import Notification, Partnership


def test_the_demo_has_past_meetings_of_the_steering_committee_and_an_upcoming_one(db, shared_demo):
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    meetings = Meeting.objects.filter(partnership=cocoa, body__is_primary=True)
    assert meetings.past(timezone.now()).count() == 2 and meetings.upcoming(timezone.now()).count() == 1
    coming = meetings.upcoming(timezone.now()).get()
    assert coming.attendees.exists() and coming.organisations.exists()
    invited = Notification.objects.filter(attachments__filename="invitation.ics")
    assert invited.count() == coming.attendees.exclude(email="").count()
    count = Meeting.objects.count()
    call_command("demo", quiet_logins=True)
    assert Meeting.objects.count() == count
