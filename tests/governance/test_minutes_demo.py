from django.core.management import call_command
from django.utils import timezone

from governance.models import Meeting, Minutes, MinutesComment
from msp.demo import PARTNERSHIPS
from msp.models import Partnership


def test_the_demo_has_final_minutes_and_circulated_ones_with_a_comment(db, shared_demo):
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    past = list(Meeting.objects.filter(partnership=cocoa).past(timezone.now()).order_by("start"))
    kick_off, review = (Minutes.objects.get(meeting=meeting) for meeting in past[:2])
    assert kick_off.status == "final" and review.status == "circulated"
    comment = MinutesComment.objects.get()
    assert comment.minutes == review and comment.organisation is not None
    assert not Minutes.objects.filter(meeting__start__gt=timezone.now()).exists()
    call_command("demo", quiet_logins=True)
    assert Minutes.objects.count() == 2 and MinutesComment.objects.count() == 1
