from django.core.management import call_command
from django.utils import timezone

from governance.models import Meeting, MeetingPaper
from msp.demo import PARTNERSHIPS
from msp.models import Partnership


def test_past_demo_meetings_have_shared_papers_and_the_coming_one_a_draft(db, shared_demo):
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    meetings = Meeting.objects.filter(partnership=cocoa)
    now = timezone.now()
    for meeting in meetings.past(now):
        papers = list(meeting.papers.all())
        assert 1 <= len(papers) <= 2 and all(p.shared_at and p.shared_at < meeting.start for p in papers)
        assert all(p.file.read().startswith(b"%PDF-") for p in papers)
    coming = meetings.upcoming(now).get()
    assert [(p.title, p.shared_at) for p in coming.papers.all()] == [("Draft work plan for next year", None)]
    count = MeetingPaper.objects.count()
    call_command("demo", quiet_logins=True)
    assert MeetingPaper.objects.count() == count
