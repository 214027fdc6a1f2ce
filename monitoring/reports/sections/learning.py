"""The donor report's risks and context, lessons and capacity gaps, and next period sections. TODO(issue 14)."""


def collect_risks(ctx) -> dict:
    return {}


def collect_lessons(ctx) -> dict:
    return {}


def collect_next(ctx) -> dict:
    return {}
