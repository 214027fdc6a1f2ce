"""Access levels of the monitoring URLs for the URL walk (tests/test_url_walk.py).

Indicators and the SDG page are everyone's with a role (donors see locked periods only); entering actual values is
the secretariat's and the partners' of the responsible organisation (the world's partner acts for it); defining
indicators and periods and locking them is the secretariat's. Lessons, capacity gaps, context and risks are the
members'.
"""

import datetime as dt
from decimal import Decimal

from monitoring.models import Breakdown, Report, ReportKind, ReportStatus
from monitoring.reports.jobs import report_request
from msp.documents import StoredDocument, document_keep
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory
from tests.monitoring import factories as f
from tests.monitoring.reports.stories import story_with_photo

LEVELS = {
    "monitoring:indicators": "summary",
    # Donors export what they read: the selector leaves out the periods not locked.
    "monitoring:indicators_export": "summary",
    "monitoring:indicator": "summary",
    # The secretariat's definitions (dimensions, indicators, periods) and locking.
    "monitoring:dimensions": "secretariat",
    "monitoring:dimension_add": "secretariat",
    "monitoring:dimension_edit": "secretariat",
    "monitoring:dimension_delete": "secretariat-action",
    "monitoring:indicator_add": "secretariat",
    "monitoring:indicator_edit": "secretariat",
    "monitoring:indicator_delete": "secretariat-action",
    "monitoring:period_add": "secretariat",
    "monitoring:period_edit": "secretariat",
    "monitoring:period_delete": "secretariat-action",
    "monitoring:periods_generate": "secretariat",
    "monitoring:targets": "secretariat",
    "monitoring:period_lock": "secretariat-action",
    "monitoring:period_unlock": "secretariat-action",
    "monitoring:periods_lock_ended": "secretariat-action",
    # The world's partner acts for the indicator's responsible organisation; donors 403.
    "monitoring:actual_edit": "member",
    "monitoring:data_entry": "member",
    # The Learning tab: the members read; the secretariat records, changes, deletes and marks gaps reviewed.
    "monitoring:lessons": "member",
    "monitoring:lesson_add": "secretariat",
    "monitoring:lesson_edit": "secretariat",
    "monitoring:lesson_delete": "secretariat-action",
    "monitoring:capacity_gaps": "member",
    "monitoring:capacity_gap_add": "secretariat",
    "monitoring:capacity_gap_edit": "secretariat",
    "monitoring:capacity_gap_reviewed": "secretariat-action",
    "monitoring:capacity_gap_delete": "secretariat-action",
    "monitoring:context": "member",
    "monitoring:context_add": "secretariat",
    "monitoring:initiative_add": "secretariat",
    "monitoring:initiative_edit": "secretariat",
    "monitoring:initiative_delete": "secretariat-action",
    "monitoring:risks": "member",
    "monitoring:risk_add": "secretariat",
    "monitoring:risk_edit": "secretariat",
    "monitoring:risk_delete": "secretariat-action",
    "monitoring:sdgs": "summary",
    # The public report's story and its photo: the secretariat's (partners and donors read the published report).
    "monitoring:public_story": "secretariat",
    "monitoring:public_story_photo": "secretariat",
    # Reports: the reporting schedule is the secretariat's.
    "monitoring:report_schedule": "secretariat",
    # The portfolio: anyone signed in, across their own partnerships; its reports are their owner's alone.
    "reports:portfolio": "signed-in",
    "reports:portfolio_request": "signed-in-action",
    "reports:portfolio_download": "owner",
    "reports:portfolio_retry": "owner-action",
}

INDICATOR = {"pk": lambda w: w["indicator"].pk}
PERIOD = {**INDICATOR, "period_pk": lambda w: w["period"].pk}
LESSON = {"pk": lambda w: w["lesson"].pk}
GAP = {"pk": lambda w: w["capacity_gap"].pk}
INITIATIVE = {"pk": lambda w: w["initiative"].pk}
RISK = {"pk": lambda w: w["risk"].pk}
OBJECTS = {
    "monitoring:indicator": INDICATOR,
    "monitoring:dimension_edit": {"pk": lambda w: w["dimension"].pk},
    "monitoring:dimension_delete": {"pk": lambda w: w["dimension"].pk},
    "monitoring:indicator_edit": INDICATOR,
    "monitoring:indicator_delete": INDICATOR,
    "monitoring:period_add": INDICATOR,
    "monitoring:periods_generate": INDICATOR,
    "monitoring:targets": INDICATOR,
    "monitoring:periods_lock_ended": INDICATOR,
    "monitoring:period_edit": PERIOD,
    "monitoring:period_delete": PERIOD,
    "monitoring:period_lock": PERIOD,
    # The locked period: unlocking it is what the action is for.
    "monitoring:period_unlock": {**INDICATOR, "period_pk": lambda w: w["locked_period"].pk},
    "monitoring:actual_edit": {**INDICATOR, "period_pk": lambda w: w["period"].pk},
    "monitoring:lesson_edit": LESSON,
    "monitoring:lesson_delete": LESSON,
    "monitoring:capacity_gap_edit": GAP,
    "monitoring:capacity_gap_reviewed": GAP,
    "monitoring:capacity_gap_delete": GAP,
    "monitoring:initiative_edit": INITIATIVE,
    "monitoring:initiative_delete": INITIATIVE,
    "monitoring:risk_edit": RISK,
    "monitoring:risk_delete": RISK,
    "reports:portfolio_download": {"pk": lambda w: portfolio_report(w["donor"]).pk},
    "reports:portfolio_retry": {"pk": lambda w: portfolio_report(w["donor"]).pk},
}


def portfolio_report(owner):
    """A made portfolio report of `owner` (its files stand in for a rendered PDF and spreadsheet)."""
    report = report_request(
        kind=ReportKind.PORTFOLIO, period_start=dt.date(2026, 7, 1), period_end=dt.date(2026, 9, 30), language="en",
        by=owner, owner=owner,
    )  # fmt: skip
    kinds = {
        "document": (StoredDocument.Kind.PORTFOLIO_REPORT, "pdf"),
        "spreadsheet": (StoredDocument.Kind.PORTFOLIO_XLSX, "xlsx"),
    }
    files = {
        field: document_keep(
            subject=report, kind=kind, language="en", content=b"%PDF-1.7 portfolio", name=f"portfolio.{ext}"
        )
        for field, (kind, ext) in kinds.items()
    }
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.DONE, sha256=files["document"].sha256, **files)
    return report


def build(world):
    """One row of every monitoring model: an indicator the world's partner is responsible for (through the
    organisation they act for), a locked and an open period, an actual with a breakdown, and the learning records."""
    p, partner = world["partnership"], world["partner"]
    organisation = OrganisationFactory(name="Responsible Org")
    MembershipFactory(partnership=p, organisation=organisation)
    ContactFactory(organisation=organisation, user=partner, name="Pablo Partner")
    dimension = f.DimensionFactory(partnership=p, name="Sex")
    female = f.CategoryFactory(dimension=dimension, name="Female")
    f.CategoryFactory(dimension=dimension, name="Male")
    indicator = f.IndicatorFactory(partnership=p, responsible=organisation, name="Farmers trained")
    indicator.dimensions.add(dimension)
    locked, open_ = f.quarters(indicator, count=2)
    locked.locked_at = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    locked.save()
    actual = f.ActualFactory(period=locked, value=Decimal(40))
    Breakdown.objects.create(actual=actual, category=female, value=Decimal(40))
    world.update(indicator=indicator, period=open_, locked_period=locked, actual=actual, dimension=dimension)
    world["lesson"] = f.LessonFactory(partnership=p, owner=organisation, indicator=indicator)
    world["capacity_gap"] = f.CapacityGapFactory(partnership=p, organisation=organisation)
    world["context_analysis"] = f.ContextAnalysisFactory(partnership=p)
    world["initiative"] = f.RelatedInitiativeFactory(partnership=p)
    world["risk"] = f.RiskFactory(partnership=p, owner=organisation)
    world["public_story"] = story_with_photo(p)
    build_reports(world)


# --- Reports ---------------------------------------------------------------------------------------------------
# The versions are everyone's with a role once delivered (a released donor report, a published public report);
# a draft is the secretariat's, to partners and donors it does not exist (VARIANTS). The secretariat asks for,
# retries, releases, publishes and unpublishes. A published report's public page needs no login; unpublished, it
# is gone.
LEVELS.update(
    {
        "monitoring:reports": "summary",
        "monitoring:report": "summary",
        "monitoring:report_status": "summary",
        "monitoring:report_download": "summary",
        "monitoring:report_retry": "secretariat-action",
        "monitoring:report_release": "secretariat-action",
        "monitoring:report_publish": "secretariat-action",
        "monitoring:report_unpublish": "secretariat-action",
        "reports:public_report": "public",
        "reports:public_report_pdf": "public",
    }
)
RELEASED = {"pk": lambda w: w["report_released"].pk}
PUBLISHED = {"key": lambda w: w["report_published"].public_key}
OBJECTS.update(
    {
        "monitoring:report": RELEASED,
        "monitoring:report_status": RELEASED,
        "monitoring:report_download": RELEASED,
        "monitoring:report_retry": RELEASED,
        "monitoring:report_release": RELEASED,
        "monitoring:report_publish": {"pk": lambda w: w["report_published"].pk},
        "monitoring:report_unpublish": {"pk": lambda w: w["report_published"].pk},
        "reports:public_report": PUBLISHED,
        "reports:public_report_pdf": PUBLISHED,
    }
)
_DRAFT = {"pk": lambda w: w["report_draft"].pk}
_UNPUBLISHED = {"key": lambda w: w["report_unpublished"].public_key}
VARIANTS = {
    "monitoring:report": [("draft", _DRAFT, "draft")],
    "monitoring:report_status": [("draft", _DRAFT, "draft")],
    "monitoring:report_download": [("draft", _DRAFT, "draft")],
    "reports:public_report": [("not published", _UNPUBLISHED, "gone")],
    "reports:public_report_pdf": [("not published", _UNPUBLISHED, "gone")],
}


def build_reports(world):
    """A released donor report, a made one not released yet, a published public report and one not published."""
    from tests.monitoring.reports.report_rows import report_row

    p, sec = world["partnership"], world["secretariat"]
    world["report_released"] = report_row(p, sec, released=True)
    world["report_draft"] = report_row(p, sec)
    world["report_published"] = report_row(p, sec, kind="public", published=True, summary="What changed.")
    world["report_unpublished"] = report_row(p, sec, kind="public")
