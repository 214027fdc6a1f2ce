"""Which reminders are due today, and to whom (selectors for the daily job inbox.tasks.send_reminders).

Reminded: indicator data falling due within REMINDER_DATA_DUE_DAYS (a period's data is due
MONITORING_DATA_DUE_DAYS after it ends) to who may enter it, data overdue to them and to the secretariat (who
follows it up, also where no partner has an account to enter it), and milestones of the agreed roadmap past their date. Each
reminder names what it is about in its `key`: msp.services.notify gives a person at most one notice of a kind
about the same thing a day, so the job may run twice a day, and reminds again the next day while it is still due.

Data reminders are grouped per person and partnership (one notice listing how many values, linking to the data
entry page), not one per period: a partner with ten indicators gets one e-mail a day, not ten. Who is reminded is
msp.access's to say (who may enter the indicator's data; who may change the roadmap, and the partners acting for
the milestone's owner). Archived partnerships are never reminded of anything.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from governance.models import Milestone, MilestoneStatus, RoadmapVersion
from monitoring.models import Period
from msp import access
from msp.notices import NoticeKind

KINDS = (NoticeKind.DATA_DUE, NoticeKind.MILESTONE_OVERDUE)


@dataclass
class Reminder:
    partnership: object
    kind: str
    key: str
    subject: Callable[[], str]  # written in the recipient's language (notify calls it with it active)
    body: Callable[[], str]
    link: str
    recipients: list = field(default_factory=list)


def data_due_dates(today):
    """(the last period end whose data is not overdue yet, the last period end whose data falls due soon)."""
    grace = dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS)
    return today - grace, today - grace + dt.timedelta(days=settings.REMINDER_DATA_DUE_DAYS)


def data_reminders(today) -> list[Reminder]:
    """Per person and partnership: the open periods without data whose due date (end + MONITORING_DATA_DUE_DAYS)
    is within REMINDER_DATA_DUE_DAYS from today ("falls due": to the partners who enter it) or has passed
    ("overdue": to them and to the secretariat)."""
    not_overdue_from, due_until = data_due_dates(today)
    periods = (
        Period.objects.filter(
            locked_at__isnull=True,
            actual__isnull=True,
            end__lte=due_until,
            indicator__partnership__archived_at__isnull=True,
        )
        .select_related("indicator__partnership", "indicator__responsible")
        .order_by("indicator__partnership_id", "end", "pk")
    )
    by_partnership = defaultdict(list)
    for period in periods:
        by_partnership[period.indicator.partnership_id].append(period)
    reminders = []
    for rows in by_partnership.values():
        partnership = rows[0].indicator.partnership
        people = [role.user for role in access.holders(partnership, "enter_actual").select_related("user")]
        staff = [role.user for role in access.holders(partnership, "change").select_related("user")]
        counts = defaultdict(lambda: [0, 0])  # user -> [falling due, overdue]
        for period in rows:
            period.indicator.partnership = partnership  # one object: msp.access caches what it asked on it
            overdue = period.end < not_overdue_from
            for user in people:
                if access.can_enter_actual(user, period.indicator):
                    counts[user][1 if overdue else 0] += 1
            for user in staff if overdue else ():  # the secretariat hears of what is late, to follow it up
                counts[user][1] += 1
        link = reverse("monitoring:data_entry", args=[partnership.pk])
        for user, (soon, overdue) in counts.items():
            if soon:
                reminders.append(_data_due(partnership, user, soon, link))
            if overdue:
                reminders.append(_data_overdue(partnership, user, overdue, link))
    return reminders


def _data_due(partnership, user, count, link):
    days = settings.REMINDER_DATA_DUE_DAYS
    return Reminder(
        partnership=partnership,
        kind=NoticeKind.DATA_DUE,
        key=f"data_due:{partnership.pk}",
        subject=lambda: (
            ngettext(
                "%(count)d indicator value falls due within %(days)d days: %(name)s",
                "%(count)d indicator values fall due within %(days)d days: %(name)s",
                count,
            )
            % {"count": count, "days": days, "name": partnership.name}
        ),
        body=lambda: (
            _("Please enter the data of %(name)s for the periods that have ended before it is overdue:")
            % {"name": partnership.name}
        ),
        link=link,
        recipients=[user],
    )


def _data_overdue(partnership, user, count, link):
    return Reminder(
        partnership=partnership,
        kind=NoticeKind.DATA_DUE,
        key=f"data_overdue:{partnership.pk}",
        subject=lambda: (
            ngettext(
                "%(count)d indicator value is overdue: %(name)s",
                "%(count)d indicator values are overdue: %(name)s",
                count,
            )
            % {"count": count, "name": partnership.name}
        ),
        body=lambda: _("Some data of %(name)s is overdue. Please enter it:") % {"name": partnership.name},
        link=link,
        recipients=[user],
    )


def milestone_reminders(today) -> list[Reminder]:
    """The milestones of each partnership's approved roadmap that are past their date and neither done nor
    cancelled: to whoever may change the roadmap (the secretariat) and the partners acting for the owner (all
    partners when no owner is named)."""
    milestones = (
        Milestone.objects.filter(
            version__status=RoadmapVersion.Status.APPROVED,
            version__partnership__archived_at__isnull=True,
            due_on__lt=today,
        )
        .exclude(status__in=[MilestoneStatus.DONE, MilestoneStatus.CANCELLED])
        .select_related("version__partnership")
        .order_by("version__partnership_id", "due_on", "pk")
    )
    staff, partners, reminders = {}, {}, []
    for milestone in milestones:
        partnership = milestone.version.partnership
        if partnership.pk not in staff:
            staff[partnership.pk] = [r.user for r in access.holders(partnership, "change").select_related("user")]
            partners[partnership.pk] = [
                r.user for r in access.holders(partnership, "act_for_organisation").select_related("user")
            ]
        owners = [user for user in partners[partnership.pk] if _acts_for(user, partnership, milestone.owner_id)]
        reminders.append(_milestone(partnership, milestone, staff[partnership.pk] + owners))
    return reminders


def _acts_for(user, partnership, organisation_id) -> bool:
    """True when `user` acts for the organisation `organisation_id` on `partnership` (any partner for None)."""
    if organisation_id is None:
        return True
    acting = access.acting_for(user, partnership)
    return acting is not None and acting.organisation.pk == organisation_id


def _milestone(partnership, milestone, recipients):
    title, due_on = milestone.title, milestone.due_on
    return Reminder(
        partnership=partnership,
        kind=NoticeKind.MILESTONE_OVERDUE,
        key=f"milestone:{milestone.pk}",
        subject=lambda: _("Milestone overdue: %(title)s") % {"title": title},
        body=lambda: (
            _(
                "The milestone “%(title)s” of the roadmap of %(name)s was due on %(date)s and is not done. Report "
                "its progress or agree a new date:"
            )
            % {"title": title, "name": partnership.name, "date": formats.date_format(due_on)}
        ),
        link=reverse("governance:roadmap", args=[partnership.pk]),
        recipients=recipients,
    )


def due_reminders(today) -> list[Reminder]:
    """Every reminder due `today`, with its recipients (possibly none)."""
    return data_reminders(today) + milestone_reminders(today)
