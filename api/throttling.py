"""Throttling per API token (settings.API_RATE): one token's script cannot starve the others, and a person's two
tokens are counted apart. Counts live in the cache (Redis in production, shared by every web process)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class PerTokenThrottle(SimpleRateThrottle):
    scope = "token"

    def get_rate(self):
        # Read at each request, not frozen at import as DRF's THROTTLE_RATES is, so the setting (and a test's
        # override of it) is what applies.
        return settings.API_RATE

    def get_cache_key(self, request, view):
        token = request.auth
        # The key's hash (never reused, unlike a row id after a rollback) names the token's counter.
        key_hash = getattr(token, "key_hash", None)
        ident = f"token-{key_hash[:32]}" if key_hash else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
