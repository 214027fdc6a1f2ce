"""Demo meetings: Cocoa's steering committee met twice (a kick-off in person and a review online) and meets
again in five weeks, with every member organisation attending and the partners with an account invited (each
gets the calendar invitation in the outbox). Idempotent: a partnership that has meetings is left alone."""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from msp import access
from stakeholders.models import Membership, Organisation

from .. import services
from ..models import Body, Meeting

# (days from today, hour, title, place, online link, agenda)
COCOA = [
    (-150, 9, "Steering Committee – kick-off", "Accra, Labadi Beach Hotel", "", "1. Welcome\n2. Roadmap\n3. MoU"),
    (
        -60,
        14,
        "Steering Committee – half-year review",
        "",
        "https://meet.example.org/cocoa-sc",
        "1. Progress\n2. Budget",
    ),
    (
        35,
        9,
        "Steering Committee – annual meeting",
        "Kumasi, Golden Tulip",
        "https://meet.example.org/cocoa-sc",
        "1. Annual report\n2. Work plan\n3. Any other business",
    ),
]


def load(ctx):
    partnership = ctx["partnerships"]["cocoa"]
    if Meeting.objects.filter(partnership=partnership).exists():
        return
    body = Body.objects.filter(partnership=partnership, is_primary=True).first()
    secretariat = ctx["users"]["amina"]
    organisations = list(
        Organisation.objects.filter(
            pk__in=Membership.objects.active().filter(partnership=partnership).values("organisation")
        )
    )
    partners = [r.user for r in access.holders(partnership, "act_for_organisation").select_related("user")]
    today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    with set_actor(secretariat):
        for days, hour, title, place, link, agenda in COCOA:
            start = today.replace(hour=hour) + dt.timedelta(days=days)
            meeting = services.meeting_save(
                partnership=partnership,
                by=secretariat,
                body=body,
                title=title,
                is_formal=True,
                start=start,
                end=start + dt.timedelta(hours=3),
                place=place,
                online_link=link,
                agenda=agenda,
            )
            # Past meetings: who attended, without e-mails; the coming one: invitations to the partners too.
            users = partners if days > 0 else []
            services.meeting_invite(meeting=meeting, by=secretariat, organisations=organisations, users=users)
