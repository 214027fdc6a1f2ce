"""The donor report's "governance" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
