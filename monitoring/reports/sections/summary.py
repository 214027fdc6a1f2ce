"""The donor report's "summary" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
