"""Two people giving the chair of a body at the same moment: one gets it, the other is told who has it.

Runs on PostgreSQL (real row locks); skipped on SQLite unless MSP_CI is set. The check for a chair is slowed down
so that, without the body's row lock, both would look before either saved (the database's one-chair constraint
would then turn the second into an error nobody can read)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from governance import services
from governance.models import Seat
from governance.services import bodies as body_services
from msp.models import Role
from tests.conftest import needs_postgres
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_two_chairs_given_at_once_make_one_chair_and_one_clear_refusal(reference_data, monkeypatch):
    needs_postgres()
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    organisations = [member(partnership, f"chair{i}").contact.organisation for i in range(2)]
    body = services.body_save(
        partnership=partnership, by=secretariat, type="assembly", name="Assembly", majority_threshold="simple"
    )
    original = body_services._lock_body

    def slow_lock(b):
        locked = original(b)
        time.sleep(0.3)  # both would check for a chair now, if the lock did not hold the second back
        return locked

    monkeypatch.setattr(body_services, "_lock_body", slow_lock)
    barrier, refusals, errors = threading.Barrier(2), [], []

    def give(organisation):
        try:
            barrier.wait()
            services.seat_save(body=body, by=secretariat, organisation=organisation, is_chair=True)
        except ValidationError as exc:
            refusals.append(" ".join(exc.messages))
        except Exception as exc:  # reported below, so a failure in a thread fails the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=give, args=(o,)) for o in organisations]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert Seat.objects.filter(body=body, is_chair=True).count() == 1
    assert len(refusals) == 1 and "already chairs Assembly" in refusals[0]
