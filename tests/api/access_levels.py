"""Access levels of the API's pages for people (tokens, documentation, schema) for the URL walk. The endpoints
themselves (namespace "api") are walked by tests/api/test_api_walk.py."""

from api.models import ApiToken

LEVELS = {
    "developer:docs": "public",
    "developer:schema": "public",
    "developer:tokens": "signed-in",
    "developer:token_create": "signed-in",
    "developer:token_created": "signed-in",
    # A token is its owner's: to anyone else (superusers included) it does not exist.
    "developer:token_revoke": "owner-action",
}

OBJECTS = {
    "developer:token_revoke": {"pk": lambda w: w["donor_token"].pk},
}


def build(world):
    # The walk's owner is the donor (see EXPECTED["owner"] in tests/walk_world.py).
    world["donor_token"], _key = ApiToken.issue(world["donor"], "Walk: the donor's script")
