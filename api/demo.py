"""Demo of personal API tokens: Kofi (a cocoa partner) has the token his cooperative's M&E system uses, last used
this morning, and an old one he revoked, so "API tokens" in his account menu shows both states. The keys are random
and shown to nobody: to try the API, sign in and make a token (the demo has no known key, as it has no known
secret of any other kind beyond its shared password). A second run adds nothing."""

import datetime as dt

from django.utils import timezone

from .models import ApiToken

TOKENS = [
    # (username, name, created days ago, last used hours ago or None, revoked days ago or None)
    ("kofi", "Cooperative M&E system sync", 40, 3, None),
    ("kofi", "Old spreadsheet macro", 200, 24 * 60, 45),
]


def load(ctx):
    users, now = ctx["users"], timezone.now()
    for username, name, created, used, revoked in TOKENS:
        user = users[username]
        if ApiToken.objects.filter(user=user, name=name).exists():
            continue
        token, _key = ApiToken.issue(user, name)
        ApiToken.objects.filter(pk=token.pk).update(
            created_at=now - dt.timedelta(days=created),
            last_used_at=now - dt.timedelta(hours=used) if used is not None else None,
            revoked_at=now - dt.timedelta(days=revoked) if revoked is not None else None,
        )
