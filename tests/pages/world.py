"""The pages the page checks visit: every GET page of the URL walk that answers a role with an HTML document.

The URL names, their access levels and how to find each page's object come from tests/test_url_walk.py (LEVELS,
OBJECTS, EXPECTED), so a page added there is checked here too. The objects are the demo's (`manage.py demo`):
the cocoa partnership with its approved roadmap, its MoU in force signed by eight members, a stakeholder map with
points and the members' contacts, seen by its secretariat (amina), a partner (kofi) and the donor (daniel). The
demo has no drafts, so a roadmap draft and an MoU draft are started from the latest versions, as the secretariat
would. Django's admin pages are out of scope: they are Django's own markup. The monitoring objects are the cocoa
demo's too (`_monitoring`).
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.demo import SAMPLE_BANK_FILE, evidence_pdf
from governance.models import (
    Body,
    BodyType,
    Commitment,
    Decision,
    ExchangeRate,
    Meeting,
    MeetingPaper,
    MouVersion,
    RoadmapVersion,
    SecretariatStaff,
    Transaction,
)
from governance.selectors.budget import planned_lines
from monitoring.models import (
    CapacityGap,
    ContextAnalysis,
    Dimension,
    Indicator,
    Lesson,
    RelatedInitiative,
    Report,
    ReportKind,
    ReportStatus,
    Risk,
)
from monitoring.report_forms import last_full_quarter
from monitoring.reports import jobs
from monitoring.reports.jobs import report_request
from monitoring.services import reports as report_services
from msp.demo import PARTNERSHIPS
from msp.models import Partnership
from phases.health_checks.selectors import members_of
from phases.health_checks.services import health_check_open, health_check_score
from stakeholders.models import ContactPerson, Invitation, Membership, StakeholderMapEntry
from tests.monitoring.access_levels import portfolio_report
from tests.test_url_walk import ALL_URLS, APP_URLS, EXPECTED, LEVELS, _url

# Who plays each role of the URL walk in the demo.
DEMO_USERS = {"secretariat": "amina", "partner": "kofi", "donor": "daniel"}
ROLES = ["anonymous", "secretariat", "partner", "donor"]


def demo_world():
    """Load the demo and return the URL walk's `world` keys, filled from it."""
    call_command("demo", "--quiet-logins")
    users = {role: get_user_model().objects.get(username=name) for role, name in DEMO_USERS.items()}
    partnership = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    world = {"partnership": partnership, **users}
    secretariat = users["secretariat"]

    world["roadmap"] = RoadmapVersion.objects.filter(partnership=partnership).order_by("-number").first()
    world["mou"] = MouVersion.objects.get(partnership=partnership, status=MouVersion.Status.IN_FORCE)
    if not world["mou"].scans.exists():  # the wet-ink copy, as the secretariat uploads it
        scan = ContentFile(evidence_pdf(str(world["mou"]), "Signed by all parties"), name="signed.pdf")
        services.mou_scan_upload(version=world["mou"], by=secretariat, file=scan)
    world["roadmap_draft"] = services.roadmap_version_create(partnership=partnership, by=secretariat)
    world["node"] = world["roadmap_draft"].nodes.order_by("pk").first()
    world["milestone"] = world["roadmap_draft"].milestones.order_by("pk").first()
    world["mou_draft"] = services.mou_version_create(partnership=partnership, by=secretariat)
    world["clause"] = world["mou_draft"].clauses.order_by("pk").first()

    membership = Membership.objects.active().filter(partnership=partnership).order_by("pk").first()
    world["membership"] = membership
    world["organisation"] = membership.organisation
    world["contact"] = ContactPerson.objects.filter(organisation=membership.organisation).order_by("pk").first()
    world["map_entry"] = StakeholderMapEntry.objects.filter(partnership=partnership).order_by("pk").first()
    world["invitation"] = Invitation.objects.get(partnership=partnership)
    world["body"] = Body.objects.get(partnership=partnership, type=BodyType.STEERING_COMMITTEE)
    world["seat"] = world["body"].seats.order_by("pk").first()
    world["staff"] = SecretariatStaff.objects.filter(body__partnership=partnership).order_by("pk").first()
    decisions = Decision.objects.filter(partnership=partnership)
    world["decision_adopted"] = decisions.get(method="majority")
    world["decision_draft"] = decisions.filter(status="draft").first()
    world["decision_open"] = decisions.filter(status="open").first()
    world["meeting"] = Meeting.objects.filter(partnership=partnership).order_by("-start").first()
    meetings = Meeting.objects.filter(partnership=partnership)
    world["past_meeting"] = meetings.filter(minutes__status="circulated").first()  # minutes out for comments
    world["partner_extra"] = {
        f"governance:meeting (minutes {state})": reverse(
            "governance:meeting",
            kwargs={"partnership_pk": partnership.pk, "pk": meetings.get(minutes__status=state).pk},
        )
        for state in ("circulated", "final")
    }
    world["extra"] = {**_water_pages(), **world["partner_extra"]}
    papers = MeetingPaper.objects.filter(meeting__partnership=partnership).order_by("pk")
    world["paper_shared"] = papers.filter(shared_at__isnull=False).first()
    world["paper_draft"] = papers.filter(shared_at__isnull=True).first()
    # A past meeting with its shared papers (the coming one, world["meeting"], has a draft paper).
    world["extra"]["governance:meeting (shared papers)"] = reverse(
        "governance:meeting", kwargs={"partnership_pk": partnership.pk, "pk": world["paper_shared"].meeting_id}
    )
    world["rate"] = ExchangeRate.objects.filter(base="EUR", quote="XOF").order_by("-date").first()
    world["commitment"] = Commitment.objects.filter(partnership=partnership, type="cash").order_by("pk").first()
    world["budget_line"] = planned_lines(partnership).filter(budget_type="2").order_by("pk").first()
    world["transaction"] = Transaction.objects.filter(partnership=partnership).order_by("pk").first()
    # The bank import's mapping and preview page: the sample bank file shipped for people to try, as just uploaded.
    world["bank_file"] = services.pending_transaction_import_create(
        partnership=partnership, by=secretariat, filename=SAMPLE_BANK_FILE.name, content=SAMPLE_BANK_FILE.read_bytes()
    )
    world["donor_extra"] = _donor_pages()
    world.update(_monitoring(partnership))
    world["health_check"] = _health_check(partnership, secretariat, users["partner"])
    world.update(_reports(partnership, secretariat))
    world["extra"]["monitoring:report (not released)"] = reverse(
        "monitoring:report", kwargs={"partnership_pk": partnership.pk, "pk": world["report_draft"].pk}
    )
    world["extra"]["monitoring:report (being made)"] = reverse(
        "monitoring:report", kwargs={"partnership_pk": partnership.pk, "pk": world["report_running"].pk}
    )
    world["extra"]["monitoring:report (failed)"] = reverse(
        "monitoring:report", kwargs={"partnership_pk": partnership.pk, "pk": world["report_failed"].pk}
    )
    # The search results: with hits (kinds, partnerships, marked words) and with none.
    for extra in (world["extra"], world["partner_extra"], world["donor_extra"]):
        extra["search:results (cocoa)"] = reverse("search:results") + "?q=cocoa"
        extra["search:results (nothing found)"] = reverse("search:results") + "?q=zzyzx"
    missing = [key for key, value in world.items() if value is None]
    assert not missing, f"the demo no longer has: {missing}"
    return world


def _health_check(partnership, secretariat, partner):
    """An open, anonymous health-check round that the world's partner (kofi) and two other members have scored."""
    row = health_check_open(
        partnership=partnership,
        by=secretariat,
        title="Mid-term partnering health check",
        closes_on=timezone.localdate() + dt.timedelta(days=14),
        item_ids=["CM-5", "CM-6", "PM-3", "PM-4"],
        anonymous=True,
    )
    own = partner.contact.organisation
    health_check_score(health_check=row, organisation=own, by=partner, scores={"CM-6": (4, "Meetings are open.")})
    others = [m for m in members_of(partnership) if m.pk != own.pk][:2]
    for organisation, value in zip(others, (2, 5), strict=False):
        scores = {"CM-6": (value, "Said in the workshop."), "PM-4": (3, "")}
        health_check_score(health_check=row, organisation=organisation, by=secretariat, scores=scores)
    return row


def _reports(partnership, secretariat):
    """The cocoa partnership's reports, under the keys tests/monitoring/access_levels.py build_reports() uses: the
    demo's released donor report and published public report when it has them, else made here as the secretariat
    would (asked for, made, released or published); a donor report made but not released, a public one not
    published, one whose job failed (its page offers a retry) and one being made."""
    reports = Report.objects.filter(partnership=partnership, status=ReportStatus.DONE)
    found = {
        "report_released": reports.filter(released_at__isnull=False).first(),
        "report_published": reports.filter(published_at__isnull=False).first(),
        "report_draft": reports.filter(kind=ReportKind.DONOR, released_at__isnull=True).first(),
        "report_unpublished": reports.filter(kind=ReportKind.PUBLIC, published_at__isnull=True).first(),
    }
    kinds = {"report_released": ReportKind.DONOR, "report_draft": ReportKind.DONOR}
    deliver = {"report_released": report_services.report_release, "report_published": report_services.report_publish}
    start, end = last_full_quarter(timezone.localdate())
    for key, report in found.items():
        if report is None:
            kind = kinds.get(key, ReportKind.PUBLIC)
            report = report_services.report_ask(
                partnership=partnership, kind=kind, period_start=start, period_end=end, by=secretariat
            )
            jobs.report_generate(report.pk)  # None when the eager task made it already
            report.refresh_from_db()
            if key in deliver:
                report = deliver[key](report=report, by=secretariat)
            found[key] = report
    failed = jobs.report_request(
        kind=ReportKind.DONOR, period_start=start, period_end=end, language="en", by=secretariat,
        partnership=partnership,
    )  # fmt: skip
    Report.objects.filter(pk=failed.pk).update(status=ReportStatus.FAILED, attempts=1, error="OperationalError: gone")
    running = jobs.report_request(
        kind=ReportKind.DONOR, period_start=start, period_end=end, language="en", by=secretariat,
        partnership=partnership,
    )  # fmt: skip
    jobs.claim(running.pk)
    jobs.step_writer(running.pk)("results")
    return {**found, "report_failed": failed, "report_running": running}


def _monitoring(partnership):
    """The monitoring rows, under the keys tests/monitoring/access_levels.py build() uses: an indicator the world's
    partner (kofi, of the Ghana Cocoa Farmers' Cooperative Union) reports, broken down by sex and region, with a
    locked period that has an actual and an open period still without one; and the cocoa partnership's learning
    records (a lesson linked to an indicator, the current context analysis, an initiative, a risk, a capacity gap)."""
    indicator = Indicator.objects.get(partnership=partnership, name="Farmers trained in good agricultural practice")
    periods = indicator.periods.order_by("start")
    locked = periods.filter(locked_at__isnull=False, actual__isnull=False).last()
    return {
        "indicator": indicator,
        "period": periods.filter(locked_at__isnull=True, actual__isnull=True).first(),
        "locked_period": locked,
        "actual": locked.actual if locked else None,
        "dimension": Dimension.objects.filter(partnership=partnership, name="Sex").first(),
        "lesson": Lesson.objects.filter(partnership=partnership, indicator__isnull=False).first(),
        "capacity_gap": CapacityGap.objects.filter(partnership=partnership).order_by("pk").first(),
        "context_analysis": ContextAnalysis.objects.filter(partnership=partnership).first(),
        "initiative": RelatedInitiative.objects.filter(partnership=partnership).first(),
        "risk": Risk.objects.filter(partnership=partnership, status="open").order_by("pk").first(),
    }


def _water_pages():
    """Other states of two pages, in the demo's water partnership (amina is its secretariat too, daniel its donor;
    kofi has no role there): a roadmap in review with one approval, an MoU partially signed with open comments."""
    water = Partnership.objects.get(name=PARTNERSHIPS["water"]["name"])
    roadmap = RoadmapVersion.objects.filter(partnership=water, status=RoadmapVersion.Status.IN_REVIEW).first()
    mou = MouVersion.objects.filter(partnership=water, status=MouVersion.Status.PARTIALLY_SIGNED).first()
    kwargs = {"partnership_pk": water.pk}
    return {
        "governance:roadmap_version (in review)": reverse(
            "governance:roadmap_version", kwargs={**kwargs, "number": roadmap.number}
        ),
        "governance:mou_version (partially signed)": reverse(
            "governance:mou_version", kwargs={**kwargs, "number": mou.number}
        ),
        # A secretariat without a full-time coordinator (what to do about it), and a body without seats.
        "governance:secretariat (no full-time coordinator)": reverse("governance:secretariat", kwargs=kwargs),
        "governance:body (no seats)": reverse("governance:body", kwargs={**kwargs, "pk": _empty_body(water).pk}),
        # No meetings yet: the empty states say what to do.
        "governance:meetings (none yet)": reverse("governance:meetings", kwargs=kwargs),
    }


def _empty_body(partnership):
    """An advisory board nobody has a seat on yet, as the secretariat starts one."""
    body = Body.objects.filter(partnership=partnership, name="Advisory Board").first()
    if body is None:
        secretariat = get_user_model().objects.get(username="joseph")
        body = services.body_save(
            partnership=partnership, by=secretariat, type="advisory", name="Advisory Board", majority_threshold="simple"
        )
    return body


def client_for(role, world):
    client = Client()
    if role != "anonymous":
        client.force_login(world[role])
    return client


def is_document(response):
    """A whole HTML page (not a download, a chart image or an htmx fragment)."""
    if not response["Content-Type"].startswith("text/html"):
        return False
    return response.content.lstrip()[:15].lower() == b"<!doctype html>"


def pages(role, world):
    """[(url name, url, served HTML)] of every page the role may open; also the names skipped as non-documents."""
    client = client_for(role, world)
    found, skipped = [], []
    for name in APP_URLS:
        level = LEVELS.get(name)
        if level not in EXPECTED or EXPECTED[level][role] != 200:
            continue  # actions (POST), pages the role may not see, and URLs the walk itself fails on
        try:
            url = _url(name, ALL_URLS[name], world)
        except KeyError:  # an object the demo has not (the cocoa MoU's approvals were given online: no evidence file)
            skipped.append(name)
            continue
        response = client.get(url)
        assert response.status_code == 200, f"{name} as {role}: {response.status_code}"
        if is_document(response):
            found.append((name, url, response.content.decode()))
        else:
            skipped.append(name)
    # Pages in other states: versions under way for the secretariat; for the donor, what it sees instead; meetings
    # with minutes circulated and final for the partner (and the secretariat).
    extra = {"secretariat": world["extra"], "donor": world["donor_extra"], "partner": world["partner_extra"]}
    extra = extra.get(role, {})
    for name, url in extra.items():
        response = client.get(url)
        assert response.status_code == 200 and is_document(response), f"{name} as {role}: {response.status_code}"
        found.append((name, url, response.content.decode()))
    return found, skipped


def _donor_pages():
    """What the donor sees where nothing is agreed yet (the water partnership: a roadmap in review, an MoU being
    signed, neither of which a donor may read), and an agreed MoU that a newer one superseded (cocoa's v1)."""
    water = Partnership.objects.get(name=PARTNERSHIPS["water"]["name"])
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    superseded = MouVersion.objects.filter(partnership=cocoa, status=MouVersion.Status.SUPERSEDED).first()
    kwargs = {"partnership_pk": water.pk}
    daniel = get_user_model().objects.get(username=DEMO_USERS["donor"])
    portfolio_report(daniel)  # the portfolio with its reports: one made, one failed, one queued (the list polls)
    failed = report_request(
        kind=ReportKind.PORTFOLIO, period_start=dt.date(2026, 4, 1), period_end=dt.date(2026, 6, 30), language="en",
        by=daniel, owner=daniel,
    )  # fmt: skip
    Report.objects.filter(pk=failed.pk).update(status=ReportStatus.FAILED, error="PdfUnavailable: no fonts")
    report_request(
        kind=ReportKind.PORTFOLIO, period_start=dt.date(2026, 7, 1), period_end=dt.date(2026, 9, 30), language="en",
        by=daniel, owner=daniel,
    )  # fmt: skip
    return {
        "reports:portfolio (its reports)": reverse("reports:portfolio"),
        "msp:dashboard (nothing agreed)": reverse("msp:dashboard", kwargs=kwargs),
        "governance:roadmap (none approved)": reverse("governance:roadmap", kwargs=kwargs),
        "governance:mou_list (none in force)": reverse("governance:mou_list", kwargs=kwargs),
        "governance:mou_version (superseded)": reverse(
            "governance:mou_version", kwargs={"partnership_pk": cocoa.pk, "number": superseded.number}
        ),
    }
