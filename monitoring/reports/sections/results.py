"""The donor report's "results" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
