"""Eight people act at the same moment on the embedded default (a SQLite file, the real settings), in threads.

Run by tests/msp/test_sqlite_concurrency.py in a fresh interpreter with MSP_VAR_DIR pointing at an empty folder, so
the database is a real file with the options of msp/settings.py (the suite's own test database is in memory, where
locking works differently). Prints one JSON object: what each thread got, and what the database holds afterwards.
"""

import json
import os
import sqlite3
import sys
import threading

os.environ["DJANGO_SETTINGS_MODULE"] = "msp.settings"
os.environ.setdefault("SECRET_KEY", "sqlite-concurrency-test-key-" + "x" * 32)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django

django.setup()

from django.core.exceptions import PermissionDenied, ValidationError  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

PEOPLE = 8


def at_once(action, args):
    """Run action(arg) for every arg in its own thread, released together; returns what each one got."""
    barrier = threading.Barrier(len(args))
    outcomes = []

    def run(arg):
        try:
            barrier.wait()
            action(arg)
            outcomes.append("ok")
        except (ValidationError, PermissionDenied) as exc:
            outcomes.append("refused: " + " ".join(getattr(exc, "messages", [str(exc)])))
        except Exception as exc:  # what a user would see as a 500
            outcomes.append(f"error: {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def main():
    # Started from the suite's migrated empty database when it gives one (tests/migrated_db.py; migrating a new
    # database takes seconds), then migrated as usual: whatever that copy lacks is applied.
    if os.environ.get("MSP_MIGRATED_DB"):
        with (
            sqlite3.connect(os.environ["MSP_MIGRATED_DB"]) as source,
            sqlite3.connect(connection.settings_dict["NAME"]) as target,
        ):
            source.backup(target)
    call_command("migrate", verbosity=0)
    # Passwords are hashed with the production hasher here, taking most of the setup's time: hashing is not what
    # runs at the same moment below (signing in is not part of it).
    override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]).enable()
    from governance import services
    from governance.models import MouSignature, MouVersion
    from msp.models import Partnership, Role
    from phases.models import PhaseTransition
    from phases.services import phase_transition
    from tests.factories import PartnershipFactory, RoleFactory
    from tests.governance.factories import member, mou_draft, sign

    partnership = PartnershipFactory()
    staff = [RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user for _ in range(PEOPLE)]
    partners = [member(partnership, f"partner{i}") for i in range(PEOPLE)]
    version = services.mou_send_for_signature(version=mou_draft(partnership, staff[0]), by=staff[0])
    connection.close()

    # Whatever the rules find on this bare partnership, every item of phase 1's gate is overridden.
    from phases.catalogue import gate_items

    overridden = {item.id: "Tested elsewhere." for item, _strength in gate_items(1)}
    moves = at_once(
        lambda user: phase_transition(
            partnership=Partnership.objects.get(pk=partnership.pk),
            to=2,
            by=user,
            justifications=overridden,
            acknowledgements=overridden,
        ),
        staff,
    )
    signatures = at_once(lambda user: sign(MouVersion.objects.get(pk=version.pk), user), partners)

    version.refresh_from_db()
    partnership.refresh_from_db()
    print(
        json.dumps(
            {
                "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
                "moves": moves,
                "signatures": signatures,
                "phase": partnership.phase,
                "transitions": PhaseTransition.objects.filter(partnership=partnership).count(),
                "signature_rows": MouSignature.objects.filter(version=version).count(),
                "status": version.status,
            }
        )
    )


if __name__ == "__main__":
    main()
