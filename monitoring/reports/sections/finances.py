"""The donor report's "finances" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
