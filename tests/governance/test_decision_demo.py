from django.core.management import call_command

from governance import services
from governance.decision_rules import Method
from governance.models import Decision
from msp.demo import PARTNERSHIPS


def test_the_demo_has_decisions_of_every_method_and_a_blocked_proposal(db, shared_demo):
    decisions = Decision.objects.filter(partnership__name=PARTNERSHIPS["cocoa"]["name"])
    assert {d.method for d in decisions} == set(Method.values)
    fee = decisions.get(method="majority")
    assert fee.is_adopted and fee.body.majority_threshold == "two_thirds"
    assert fee.positions.filter(position="object").exists()
    blocked = decisions.get(title="Open the certification scheme to non-members")
    assert blocked.status == "open" and blocked.positions.filter(position="block").exists()
    assert not services.adoption(blocked).allowed
    count = Decision.objects.count()
    call_command("demo", quiet_logins=True)
    assert Decision.objects.count() == count
