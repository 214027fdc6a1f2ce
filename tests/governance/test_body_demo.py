from django.core.management import call_command

from governance.models import Body, Seat, SecretariatStaff
from governance.selectors import bodies as selectors
from msp.demo import PARTNERSHIPS
from msp.models import Partnership
from stakeholders.selectors import active_member_organisations


def test_the_demo_has_a_steering_committee_of_every_member_and_a_staffed_secretariat(db, shared_demo):
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    committee = Body.objects.get(partnership=cocoa, type="steering_committee")
    assert committee.is_primary and committee.majority_threshold == "two_thirds"
    members = set(active_member_organisations(cocoa))
    assert {seat.organisation for seat in committee.seats.all()} == members
    assert committee.seats.filter(is_chair=True).count() == 1

    secretariat = selectors.secretariat_for(cocoa)
    assert secretariat.body.host_organisation.name == "Forest Futures Network"
    assert secretariat.full_time_coordinator is not None
    assert any(s.role == "officer" and s.time_share < 100 for s in secretariat.staff)

    water = Partnership.objects.get(name=PARTNERSHIPS["water"]["name"])
    assert selectors.secretariat_for(water).full_time_coordinator is None  # its page says what to do

    counts = (Body.objects.count(), Seat.objects.count(), SecretariatStaff.objects.count())
    call_command("demo", quiet_logins=True)
    assert (Body.objects.count(), Seat.objects.count(), SecretariatStaff.objects.count()) == counts
