"""The cocoa partnership's reports (phase 3): its public story with a photo whose people agreed to it, a quarterly
reporting schedule, the donor reports of the last two quarters with data (monitoring.demo.common: offsets -1 and
0), both released to its donors and partners, and the public report of the half-year they make, published.

The older donor report is the schedule's draft, made in the partnership's working language (French); the newer
one the secretariat asked for in English, as donors may. Each is made for real by the report job
(jobs.report_generate), so its PDF exists. This runs among the demo's last steps (after the phase histories, whose
map snapshots the donor report reads) and before the checklist runs, so ME-3 sees the reports released and
published. A partnership that has reports keeps them.
"""

import datetime as dt
import io

from auditlog.context import set_actor
from django.core.files.base import ContentFile

from ..models import Indicator, PublicStory, Report, ReportKind, ReportSchedule, ReportTrigger
from ..reports import jobs
from .common import at, quarters

STORY = dict(
    headline="“Now my children go to school in harvest season too”",
    story=(
        "Akosua Boateng farms three hectares of cocoa near Goaso, in Ghana's Ahafo region. Two years ago her "
        "cooperative joined the partnership: her farm was mapped, her beans became traceable to her plot, and she "
        "was paid the living-income premium for the first time. With the premium and the shade trees she planted, "
        "she no longer needs her children's help during the harvest. In her community, the child protection "
        "committee now visits every household each term."
    ),
    quote=(
        "When the buyer knows my farm, I know my price. This year I paid a worker for the harvest, and my two "
        "boys stayed in school."
    ),
    quote_by="Akosua Boateng, cocoa farmer and member of the Ghana Cocoa Farmers' Cooperative Union",
    photo_alt=(
        "Cocoa trees heavy with ripe orange pods under tall shade trees, on a green hillside under a morning sky."
    ),
    why_it_matters=(
        "Two thirds of the world's cocoa comes from Ghana and Côte d'Ivoire, yet most of the families who grow it "
        "live below a living income, and new cocoa farms still eat into protected forests. Higher incomes, farms "
        "known to the buyer and shade trees protect children and forests at once (SDGs 1, 8, 12 and 15)."
    ),
    how_we_work=(
        "The cocoa regulators of both countries, chocolate makers, traders, farmer cooperatives and NGOs agree "
        "on one roadmap and meet every quarter. Each member brings what it holds: regulators the rules, companies "
        "the premium and the buying, cooperatives the farmers' trust, NGOs the checks in the communities."
    ),
    whats_next=(
        "In the coming year every member cooperative's farms are to be mapped, and the premium is to reach all "
        "tonnes bought by the partnership's manufacturers."
    ),
    contact="Partnership secretariat: amina.mensah@cocoa-partnership.example",
)
KEY_RESULTS = [
    "Share of cocoa volume traceable to the farm",
    "Farms mapped with polygons",
    "Farmers trained in good agricultural practice",
    "Children in child labour in participating communities",
]


def load(ctx):
    ctx.setdefault("last", []).append(lambda: make(ctx["partnerships"]["cocoa"], ctx["users"]["amina"]))


def make(partnership, secretariat):
    if partnership.reports.exists():
        return
    with set_actor(secretariat):
        _story(partnership)
        (_, start, _), (_, last_start, end) = quarters(-1, 0)
        schedule = ReportSchedule.objects.create(
            partnership=partnership, frequency=3, first_period_start=quarters(-10, -10)[0][1], donor=True,
            public=False, last_period_end=end,
        )  # fmt: skip
        older = _made(partnership, ReportKind.DONOR, start, last_start - dt.timedelta(days=1), partnership.language)
        newer = _made(partnership, ReportKind.DONOR, last_start, end, "en", by=secretariat)
        public = _made(partnership, ReportKind.PUBLIC, start, end, "en", by=secretariat)
        for report in (older, newer):
            _deliver(report, "released", secretariat)
        _deliver(public, "published", secretariat)
    return schedule


def _story(partnership):
    story = PublicStory.objects.create(partnership=partnership, photo_consent=True, **STORY)
    story.photo.save("cocoa.jpg", ContentFile(photo()), save=True)
    story.key_results.set(Indicator.objects.filter(partnership=partnership, name__in=KEY_RESULTS))


def _made(partnership, kind, start, end, language, by=None):
    """A report asked for the day after its period (by the schedule when `by` is None), made by the job."""
    trigger = ReportTrigger.REQUESTED if by else ReportTrigger.SCHEDULE
    report = jobs.report_request(
        kind=kind, period_start=start, period_end=end, language=language, by=by, partnership=partnership,
        trigger=trigger,
    )  # fmt: skip
    asked = at(end + dt.timedelta(days=1), hour=6)
    Report.objects.filter(pk=report.pk).update(requested_at=asked)  # before it is made: the cover shows it
    report = jobs.report_generate(report.pk)
    Report.objects.filter(pk=report.pk).update(started_at=asked, finished_at=asked + dt.timedelta(minutes=2))
    report.started_at, report.finished_at = asked, asked + dt.timedelta(minutes=2)
    return report


def _deliver(report, what, by):
    """Released (donor) or published (public) a few days after the period, once the secretariat checked it; no
    e-mails (the services would send them, dated today)."""
    setattr(report, f"{what}_at", at(report.period_end + dt.timedelta(days=12)))
    setattr(report, f"{what}_by", by)
    report.save(update_fields=[f"{what}_at", f"{what}_by"])  # saved: the activity feed records it


def photo() -> bytes:
    """A small landscape drawn for the demo (no photo of a real person ships with it): cocoa trees with ripe pods
    under shade trees, as a JPEG."""
    from PIL import Image, ImageDraw

    width, height = 900, 600
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a morning sky, pale at the horizon
        shade = y / height
        draw.line([(0, y), (width, y)], fill=(int(120 + 110 * shade), int(170 + 70 * shade), int(225 + 20 * shade)))
    draw.ellipse([680, 60, 780, 160], fill=(255, 226, 140))
    draw.polygon([(0, 330), (220, 250), (480, 300), (700, 230), (900, 290), (900, 600), (0, 600)], fill=(70, 120, 60))
    draw.polygon([(0, 420), (300, 360), (620, 410), (900, 370), (900, 600), (0, 600)], fill=(52, 98, 44))
    for x, top in ((110, 170), (820, 150)):  # tall shade trees
        draw.rectangle([x - 8, top + 90, x + 8, 430], fill=(92, 64, 40))
        draw.ellipse([x - 90, top, x + 90, top + 150], fill=(38, 86, 38))
    for i, x in enumerate(range(200, 760, 110)):  # cocoa trees with pods on their trunks
        base = 520 - (i % 2) * 25
        draw.rectangle([x - 7, base - 150, x + 7, base], fill=(110, 74, 46))
        draw.ellipse([x - 65, base - 240, x + 65, base - 120], fill=(46, 110, 52))
        for dy, dx in ((60, -16), (95, 12), (125, -12)):
            draw.ellipse([x + dx - 9, base - dy - 16, x + dx + 9, base - dy + 16], fill=(222, 130, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()
