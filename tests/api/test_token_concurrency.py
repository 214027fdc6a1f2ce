"""Two tokens made at the same moment by a person one short of the limit: one is made, the other refused with the
limit's message. Runs on PostgreSQL (real row locks); skipped on SQLite unless MSP_CI is set. The count is slowed
down so that, without the person's row lock, both would count before either saved."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from api import services
from api.models import ApiToken
from tests.conftest import needs_postgres
from tests.factories import UserFactory

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_two_tokens_made_at_once_never_pass_the_limit(monkeypatch):
    needs_postgres()
    person = UserFactory()
    for i in range(services.MAX_ACTIVE_TOKENS - 1):
        ApiToken.issue(person, f"Script {i}")
    original = services._lock_person

    def slow_lock(user):
        original(user)
        time.sleep(0.3)  # both would count now, if the lock did not hold the second back

    monkeypatch.setattr(services, "_lock_person", slow_lock)
    barrier, refusals, errors = threading.Barrier(2), [], []

    def make(name):
        try:
            barrier.wait()
            services.token_create(user=person, name=name)
        except ValidationError as exc:
            refusals.append(" ".join(exc.messages))
        except Exception as exc:  # reported below, so a failure in a thread fails the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=make, args=(name,)) for name in ("First", "Second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert ApiToken.objects.active().filter(user=person).count() == services.MAX_ACTIVE_TOKENS
    assert len(refusals) == 1 and "the most one person may have" in refusals[0]
