"""The demo shows reporting at work for cocoa (phase 3): its public story with a consented photo and key results,
a quarterly schedule, two donor reports of the last two quarters released to donors and partners (the older one
the schedule's French draft), a public report published, each with its PDF; the checklist run after them sees
ME-3 pass. Loading the demo twice adds nothing."""

import datetime as dt
import subprocess

from django.core.management import call_command

from monitoring.demo.common import quarters
from monitoring.models import PublicStory, Report, ReportKind, ReportSchedule, ReportStatus, ReportTrigger
from msp.demo import PARTNERSHIPS
from msp.documents import StoredDocument
from msp.models import Partnership
from phases import runs
from phases.catalogue import Result


def test_the_demo_has_released_and_published_reports_for_cocoa(db, shared_demo, tmp_path):
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    assert cocoa.phase == 3
    (_o, start, _e), (_o, last_start, end) = quarters(-1, 0)

    donor = list(Report.objects.filter(partnership=cocoa, kind=ReportKind.DONOR).order_by("number"))
    assert [(r.period_start, r.period_end) for r in donor] == [
        (start, last_start - dt.timedelta(days=1)),
        (last_start, end),
    ]
    assert [(r.trigger, r.language) for r in donor] == [(ReportTrigger.SCHEDULE, "fr"), (ReportTrigger.REQUESTED, "en")]
    assert all(r.released_at is not None and r.released_by.username == "amina" for r in donor)
    public = Report.objects.get(partnership=cocoa, kind=ReportKind.PUBLIC)
    assert public.published_at is not None and (public.period_start, public.period_end) == (start, end)
    for report in [*donor, public]:
        assert report.status == ReportStatus.DONE
        assert report.requested_at < report.finished_at < (report.released_at or report.published_at)
        content = report.document.read()
        assert content.startswith(b"%PDF") and report.sha256 == report.document.sha256
    pdf = tmp_path / "donor.pdf"
    pdf.write_bytes(donor[1].document.read())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Sustainable Cocoa Partnership" in text and "Donor report" in text

    story = PublicStory.objects.get(partnership=cocoa)
    assert story.headline and story.quote and story.photo_alt and story.photo_shown
    assert story.photo.open("rb").read(3) == b"\xff\xd8\xff"  # a JPEG
    assert 3 <= story.key_results.count() <= 5

    schedule = ReportSchedule.objects.get(partnership=cocoa)
    assert (schedule.frequency, schedule.active, schedule.last_period_end) == (3, True, end)

    me3 = runs.latest_run(cocoa).items.get(item_id="ME-3")
    assert me3.result == Result.PASS, me3.evidence

    counts = (Report.objects.count(), StoredDocument.objects.count(), PublicStory.objects.count())
    call_command("demo", quiet_logins=True)
    assert (Report.objects.count(), StoredDocument.objects.count(), PublicStory.objects.count()) == counts
