"""The donor report's "status" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
