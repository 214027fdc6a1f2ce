"""The donor report's "checklist" section. TODO(issue 14): fill in."""


def collect(ctx) -> dict:
    return {}
