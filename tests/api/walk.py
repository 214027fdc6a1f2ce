"""The API walk's levels: what each role gets from an endpoint, written out independently of msp.access (as
tests/walk_world.py does for the pages). Each subject declares its endpoints in `tests/api/levels_<subject>.py`:

    ENDPOINTS = {"api:indicator_list": "summary",                       # GET only
                 "api:actual": {"get": "member", "put": "partner-write"}}  # per method
    OBJECTS = {"api:actual": {"pk": lambda w: w["period"].pk}}            # URL kwargs besides partnership_pk,
                                                                           # from the shared walk world

Read levels answer GET; write levels answer the method with an empty JSON body: refused (401/403/404) for who may
not, and for who may, a JSON 400 naming what is missing (never a 2xx, a 500 or a write: the walk checks every
table's row count).
"""

from importlib import import_module
from pathlib import Path

ROLES = ["anonymous", "outsider", "partner", "donor", "secretariat", "superuser"]
OK = 200
# What a role that may write gets for an empty body: the data is not valid.
INVALID = 400

READ = {
    # The list of one's partnerships, one's own tokens: anyone with a token.
    "signed-in": dict(anonymous=401, outsider=OK, partner=OK, donor=OK, secretariat=OK, superuser=OK),
    "summary": dict(anonymous=401, outsider=404, partner=OK, donor=OK, secretariat=OK, superuser=OK),
    "member": dict(anonymous=401, outsider=404, partner=OK, donor=403, secretariat=OK, superuser=OK),
    # A version not agreed: to a donor it does not exist.
    "unagreed": dict(anonymous=401, outsider=404, partner=OK, donor=404, secretariat=OK, superuser=OK),
    # A draft report, an unshared paper: the secretariat's.
    "draft": dict(anonymous=401, outsider=404, partner=404, donor=404, secretariat=OK, superuser=OK),
    "secretariat": dict(anonymous=401, outsider=404, partner=403, donor=403, secretariat=OK, superuser=OK),
    # An address under /api/v1/ that is no endpoint: not found, for anyone, whatever the method.
    "gone": dict.fromkeys(ROLES, 404),
}
WRITE = {
    "secretariat-write": dict(
        anonymous=401, outsider=404, partner=403, donor=403, secretariat=INVALID, superuser=INVALID
    ),
    # An actual: the secretariat, or a partner for their own organisation's indicator (the walk's partner acts for
    # the responsible organisation).
    "member-write": dict(
        anonymous=401, outsider=404, partner=INVALID, donor=403, secretariat=INVALID, superuser=INVALID
    ),
    # Acting for one's organisation (an actual of its indicator, its position): partners; the secretariat is
    # neutral, like on the pages.
    "partner-write": dict(anonymous=401, outsider=404, partner=INVALID, donor=403, secretariat=403, superuser=403),
}
LEVELS_ALL = {**READ, **WRITE}

MODULES = [import_module(f"tests.api.{p.stem}") for p in sorted(Path(__file__).parent.glob("levels_*.py"))]
ENDPOINTS = {
    name: (spec if isinstance(spec, dict) else {"get": spec})
    for module in MODULES
    for name, spec in module.ENDPOINTS.items()
}
OBJECTS = {name: objs for module in MODULES for name, objs in getattr(module, "OBJECTS", {}).items()}
