"""My work's kinds about running the partnership: health checks to score, indicator data due, overdue milestones,
reports released to the person, invitations about to expire."""

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from governance.models import Milestone, RoadmapVersion
from monitoring import progress
from monitoring.models import Period, Report, ReportKind
from phases.models import HealthCheck, HealthCheckScore
from stakeholders.models import Invitation

from .agreements import acting_in, per_organisation
from .entries import Entry

# How far ahead data falling due and invitations about to expire are shown.
SOON = dt.timedelta(days=7)
# How long a released report stays on My work: a reporting quarter.
RECENT = dt.timedelta(days=90)


def health_checks_to_score(scope):
    """Open rounds where the person's organisation has given no score yet."""
    scores = HealthCheckScore.objects.filter(health_check=OuterRef("pk"))
    condition = per_organisation(
        scope, acting_in(scope, "score_health_check"), lambda org: ~Exists(scores.filter(organisation_id=org))
    )
    if condition is None:
        return None
    return HealthCheck.objects.filter(
        condition, closed_at__isnull=True, opens_on__lte=scope.today, closes_on__gte=scope.today
    ).order_by("closes_on", "opens_on", "title", "pk")


def health_check(scope, hc):
    return Entry(
        title=_("Score “%(title)s”") % {"title": hc.title},
        partnership=scope.partnership(hc.partnership_id),
        url=scope.url("phases:health_check_score")(hc.partnership_id, hc.pk),
        due=hc.closes_on,
        since=hc.opens_on,
    )


def data_due(scope):
    """Periods without an actual whose data falls due within a week or is overdue (monitoring.progress), of the
    indicators msp.access lets the person enter data for (access.can_enter_actual: every indicator for who keeps
    the partnership's records, those of the organisation they act for for a partner)."""
    everything = scope.where("change")
    condition = per_organisation(
        scope,
        acting_in(scope, "enter_actual"),
        lambda org: Q(indicator__responsible_id=org),
        "indicator__partnership_id",
    )
    if everything:
        records = scope.among("indicator__partnership_id", everything, "change")
        condition = records | (condition or Q(pk__in=[]))
    if condition is None:
        return None
    due_by = scope.today + SOON - dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS)
    return (
        Period.objects.filter(
            condition, locked_at__isnull=True, start__lte=scope.today, end__lte=due_by, actual__isnull=True
        )
        .select_related("indicator")
        .only("start", "end", "indicator", "indicator__name", "indicator__partnership")  # what `data` reads
        .order_by("end", "indicator__name", "start", "pk")
    )


def data(scope, period):
    indicator = period.indicator
    return Entry(
        title=_("Enter data for “%(name)s” (%(start)s to %(end)s)")
        % {"name": indicator.name, "start": date_format(period.start), "end": date_format(period.end)},
        partnership=scope.partnership(indicator.partnership_id),
        url=scope.url("monitoring:actual_edit", each=3)(indicator.partnership_id, indicator.pk, period.pk),
        due=period.end + dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS),
        overdue=progress.is_overdue(period, None, scope.today),
    )


def overdue_milestones(scope):
    """Overdue milestones of the current (approved) roadmap: all of them for who keeps the partnership's records,
    those their organisation owns for a partner."""
    everything = scope.where("change")
    keeps_records = set(everything)
    own = {}
    for pk in scope.where("act_for_organisation"):
        acting = scope.acting(pk)
        if pk not in keeps_records and acting is not None:
            own.setdefault(acting.organisation.pk, []).append(pk)
    if not everything and not own:
        return None
    condition = scope.among("version__partnership_id", everything, "change") if everything else Q(pk__in=[])
    for org, pks in own.items():
        condition |= scope.among("version__partnership_id", pks, "act_for_organisation") & Q(owner_id=org)
    return (
        Milestone.objects.filter(condition, version__status=RoadmapVersion.Status.APPROVED, due_on__lt=scope.today)
        .exclude(status__in=["done", "cancelled"])
        .select_related("version")
        .only("title", "due_on", "version", "version__partnership", "version__number")  # not the roadmap's texts
        .order_by("due_on", "title", "pk")
    )


def milestone(scope, m):
    return Entry(
        title=_("Milestone “%(title)s” is overdue") % {"title": m.title},
        partnership=scope.partnership(m.version.partnership_id),
        url=scope.url("governance:roadmap_version")(m.version.partnership_id, m.version.number),  # its get_absolute_url
        due=m.due_on,
        overdue=True,
    )


def reports_released(scope):
    """Donor reports released in the last 90 days, for donors and partners (the secretariat released them): a
    released report is one they may read (access.can_read_report)."""
    change = set(scope.where("change"))
    readers = [pk for pk in scope.where("view_reports") if pk not in change]
    if not readers:
        return None
    return Report.objects.filter(
        scope.among("partnership_id", readers, "view_reports"),
        kind=ReportKind.DONOR,
        released_at__gte=scope.now - RECENT,
    ).order_by("released_at", "pk")


def report(scope, r):
    return Entry(
        title=_("Donor report %(start)s to %(end)s (version %(n)d)")
        % {"start": date_format(r.period_start), "end": date_format(r.period_end), "n": r.number},
        partnership=scope.partnership(r.partnership_id),
        url=scope.url("monitoring:report")(r.partnership_id, r.pk),
        since=r.released_at.date(),
    )


def invitations_expiring(scope):
    """Invitations still open that expire within a week, for who manages the partnership's people."""
    managers = scope.where("manage_roles")
    if not managers:
        return None
    return (
        Invitation.objects.open(scope.now)
        .filter(scope.among("partnership_id", managers, "manage_roles"), expires_at__lte=scope.now + SOON)
        .select_related("contact")
        .only("partnership", "expires_at", "contact", "contact__name")
        .order_by("expires_at", "contact__name", "pk")
    )


def invitation(scope, i):
    return Entry(
        title=_("The invitation of %(name)s expires soon") % {"name": i.contact.name},
        partnership=scope.partnership(i.partnership_id),
        url=scope.url("stakeholders:invitations", each=1)(i.partnership_id),
        due=i.expires_at.date(),
    )
