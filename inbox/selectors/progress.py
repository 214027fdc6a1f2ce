"""My work's kinds about running the partnership: health checks to score, indicator data due, overdue milestones,
reports released to the person, invitations about to expire."""

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from governance.models import Milestone, RoadmapVersion
from monitoring import progress
from monitoring.models import Indicator, Period, Report, ReportKind
from msp import access
from phases.models import HealthCheck, HealthCheckScore
from stakeholders.models import Invitation

from .agreements import acting_in

# How far ahead data falling due and invitations about to expire are shown.
SOON = dt.timedelta(days=7)
# How long a released report stays on My work: a reporting quarter.
RECENT = dt.timedelta(days=90)


def health_checks_to_score(scope, Entry):
    """Open rounds where the person's organisation has given no score yet."""
    orgs = acting_in(scope, "score_health_check")
    if not orgs:
        return []
    scores = HealthCheckScore.objects.filter(health_check=OuterRef("pk"))
    condition = Q()
    for pk, org in orgs.items():
        condition |= Q(partnership_id=pk) & ~Exists(scores.filter(organisation_id=org))
    rounds = HealthCheck.objects.filter(
        condition, closed_at__isnull=True, opens_on__lte=scope.today, closes_on__gte=scope.today
    )
    return [
        Entry(
            title=_("Score “%(title)s”") % {"title": hc.title},
            partnership=hc.partnership,
            url=reverse("phases:health_check_score", kwargs={"partnership_pk": hc.partnership_id, "pk": hc.pk}),
            due=hc.closes_on,
            since=hc.opens_on,
        )
        for hc in scope.attach(list(rounds.order_by("closes_on", "pk")))
    ]


def data_due(scope, Entry):
    """Periods without an actual whose data falls due within a week or is overdue (monitoring.progress), of the
    indicators msp.access lets the person enter data for (monitoring.selectors.actuals.data_entry's rule)."""
    due_by = scope.today + SOON - dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS)
    periods = Period.objects.filter(
        locked_at__isnull=True, start__lte=scope.today, end__lte=due_by, actual__isnull=True
    )
    indicators = (
        Indicator.objects.filter(partnership__in=scope.ids, periods__in=periods)
        .distinct()
        .select_related("responsible")
        .prefetch_related(Prefetch("periods", queryset=periods.order_by("end", "pk"), to_attr="due_periods"))
    )
    entries = []
    for indicator in scope.attach(list(indicators)):
        if not access.can_enter_actual(scope.user, indicator):
            continue
        for period in indicator.due_periods:
            entries.append(
                Entry(
                    title=_("Enter data for “%(name)s” (%(start)s to %(end)s)")
                    % {"name": indicator.name, "start": date_format(period.start), "end": date_format(period.end)},
                    partnership=indicator.partnership,
                    url=reverse(
                        "monitoring:actual_edit",
                        kwargs={"partnership_pk": indicator.partnership_id, "pk": indicator.pk, "period_pk": period.pk},
                    ),
                    due=period.end + dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS),
                    overdue=progress.is_overdue(period, None, scope.today),
                )
            )
    return entries


def overdue_milestones(scope, Entry):
    """Overdue milestones of the current (approved) roadmap: all of them for who keeps the partnership's records,
    those their organisation owns for a partner."""
    everything = [pk for pk, p in scope.partnerships.items() if access.can(scope.user, "change", p)]
    own = {}
    for pk, p in scope.partnerships.items():
        acting = access.acting_for(scope.user, p) if access.can(scope.user, "act_for_organisation", p) else None
        if pk not in everything and acting is not None:
            own[pk] = acting.organisation.pk
    condition = Q(version__partnership_id__in=everything)
    for pk, org in own.items():
        condition |= Q(version__partnership_id=pk, owner_id=org)
    if not everything and not own:
        return []
    milestones = (
        Milestone.objects.filter(condition, version__status=RoadmapVersion.Status.APPROVED, due_on__lt=scope.today)
        .exclude(status__in=["done", "cancelled"])
        .select_related("version")
        .order_by("due_on", "pk")
    )
    return [
        Entry(
            title=_("Milestone “%(title)s” is overdue") % {"title": m.title},
            partnership=m.version.partnership,
            url=m.version.get_absolute_url(),
            due=m.due_on,
            overdue=True,
        )
        for m in scope.attach(list(milestones), "version__partnership")
    ]


def reports_released(scope, Entry):
    """Donor reports released in the last 90 days, for donors and partners (the secretariat released them)."""
    readers = [
        pk
        for pk, p in scope.partnerships.items()
        if access.can(scope.user, "view_reports", p) and not access.can(scope.user, "change", p)
    ]
    reports = Report.objects.filter(
        partnership__in=readers, kind=ReportKind.DONOR, released_at__gte=scope.now - RECENT
    ).order_by("-released_at", "-pk")
    return [
        Entry(
            title=_("Donor report %(start)s to %(end)s (version %(n)d)")
            % {"start": date_format(r.period_start), "end": date_format(r.period_end), "n": r.number},
            partnership=r.partnership,
            url=reverse("monitoring:report", kwargs={"partnership_pk": r.partnership_id, "pk": r.pk}),
            since=r.released_at.date(),
        )
        for r in scope.attach(list(reports))
        if access.can_read_report(scope.user, r)
    ]


def invitations_expiring(scope, Entry):
    """Invitations still open that expire within a week, for who manages the partnership's people."""
    managers = [pk for pk, p in scope.partnerships.items() if access.can(scope.user, "manage_roles", p)]
    if not managers:
        return []
    invitations = (
        Invitation.objects.open(scope.now)
        .filter(partnership__in=managers, expires_at__lte=scope.now + SOON)
        .select_related("contact")
        .order_by("expires_at", "pk")
    )
    return [
        Entry(
            title=_("The invitation of %(name)s expires soon") % {"name": i.contact.name},
            partnership=i.partnership,
            url=reverse("stakeholders:invitations", kwargs={"partnership_pk": i.partnership_id}),
            due=i.expires_at.date(),
        )
        for i in scope.attach(list(invitations))
    ]
