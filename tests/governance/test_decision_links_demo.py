from django.core.management import call_command
from django.utils import timezone

from governance.models import Decision, Meeting
from msp.demo import PARTNERSHIPS


def test_the_demo_decisions_name_the_meetings_they_were_taken_at(db, shared_demo):
    decisions = Decision.objects.filter(partnership__name=PARTNERSHIPS["cocoa"]["name"])
    meetings = Meeting.objects.filter(partnership__name=PARTNERSHIPS["cocoa"]["name"]).order_by("start")
    kick_off, review, coming = meetings
    assert {d.title for d in kick_off.decisions.all()} == {"Adopt the work plan"}
    assert {d.method for d in review.decisions.all()} == {"majority", "negotiated_compromise"}
    for decision in decisions.filter(meeting__isnull=False, status="decided"):
        assert decision.decided_on == timezone.localdate(decision.meeting.start)
    delegated = decisions.get(method="delegated")
    assert delegated.meeting is None and delegated.decided_on > delegated.delegated_by.decided_on
    assert [d.status for d in coming.decisions.all()] == ["draft"]
    before = list(decisions.order_by("pk").values_list("pk", "meeting_id", "decided_on"))
    call_command("demo", quiet_logins=True)
    assert list(decisions.order_by("pk").values_list("pk", "meeting_id", "decided_on")) == before
