"""Reads of governance bodies, their seats and the secretariat: each a fixed number of queries whatever the number
of bodies, seats or staff."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from stakeholders.models import Membership, Organisation

from ..models import Body, BodyType, Seat, SecretariatStaff, StaffRole


def _current(prefix="", on=None):
    on = on or timezone.localdate()
    return Q(**{f"{prefix}starts_on__lte": on}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on})
    )


def bodies_for(partnership):
    """The partnership's bodies (primary first, then by name) with their seat, voting-seat and current-staff counts
    and the name of the organisation in the chair: one query."""
    chair = Seat.objects.filter(body=OuterRef("pk"), is_chair=True).values("organisation__name")[:1]
    return (
        Body.objects.filter(partnership=partnership)
        .select_related("host_organisation")
        .annotate(
            seat_count=Count("seats", distinct=True),
            voting_count=Count("seats", filter=Q(seats__is_voting=True), distinct=True),
            staff_count=Count("staff", filter=_current("staff__"), distinct=True),
            chair_name=Subquery(chair),
        )
    )


def active_member_ids(partnership) -> set[int]:
    """The organisations that are members today: who may hold a seat (one query)."""
    return set(Membership.objects.active().filter(partnership=partnership).values_list("organisation_id", flat=True))


def member_organisations(partnership, seat=None):
    """The organisations a seat may be given to: today's members (and, when changing a seat, its own organisation,
    which may have left since)."""
    members = Membership.objects.active().filter(partnership=partnership).values("organisation")
    keep = Q(pk=seat.organisation_id) if seat is not None else Q(pk__in=[])
    return Organisation.objects.filter(Q(pk__in=members) | keep).order_by("name")


def body_seats(body):
    """The body's seats with their organisations, each marked `is_member` (still an active member today): two
    queries. A seat of an organisation that left stays until the secretariat removes it, and the page says so."""
    members = active_member_ids(body.partnership)
    seats = list(Seat.objects.filter(body=body).select_related("organisation"))
    for seat in seats:
        seat.is_member = seat.organisation_id in members
    return seats


@dataclass
class Secretariat:
    """The secretariat of a partnership as its page shows it. `staff` are every assignment, current or not (for
    those who may see people); `roles` counts the current ones per role (what donors see)."""

    body: Body | None
    staff: list = field(default_factory=list)
    roles: list = field(default_factory=list)  # (role label, number of current staff)
    full_time_coordinator: SecretariatStaff | None = None


def secretariat_for(partnership, *, with_people=True) -> Secretariat:
    """The secretariat body with its host, and its staff: two queries (one when there is no secretariat)."""
    body = (
        Body.objects.filter(partnership=partnership, type=BodyType.SECRETARIAT)
        .select_related("host_organisation", "partnership")
        .first()
    )
    if body is None:
        return Secretariat(body=None)
    today = timezone.localdate()
    staff = list(SecretariatStaff.objects.filter(body=body).select_related("contact"))
    current = [s for s in staff if s.is_current(today)]
    for s in staff:
        s.current = s.is_current(today)
    roles = [(label, sum(1 for s in current if s.role == value)) for value, label in StaffRole.choices]
    coordinator = next((s for s in current if s.role == StaffRole.COORDINATOR and s.is_full_time), None)
    return Secretariat(body=body, staff=staff if with_people else [], roles=roles, full_time_coordinator=coordinator)
