"""The donor report's "movement" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
