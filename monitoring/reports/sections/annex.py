"""The donor report's "annex" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
