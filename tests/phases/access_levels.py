"""Access levels of the phases app's URLs for the URL walk (tests/test_url_walk.py)."""

from tests.factories import TransitionFactory

LEVELS = {
    "phases:history": "member",
    "phases:advance": "secretariat-action",
    "phases:revert": "secretariat-action",
}


def build(world):
    TransitionFactory(partnership=world["partnership"], by=world["secretariat"])
