"""A person's sessions: recorded at sign-in, touched while in use, listed on "Your sessions", ended from there.

Idle expiry costs no write per request: the time of the last write is kept in the session (SEEN_KEY) and the
session (with its row here) is written again only when that is more than SESSION_TOUCH_EVERY seconds old. The
session store's own expiry (SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT) is pushed forward by those writes.
"""

import time
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UserSession

SEEN_KEY = "accounts_seen"
# The UserSession row's id: Django changes a session's key at times (a password change), the row follows it.
ROW_KEY = "accounts_session"

_BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
_SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe_agent(user_agent: str) -> str:
    """A short name for a browser's User-Agent ("Firefox on Windows"); the raw string when nothing matches."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), "")
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or user_agent[:60] or _("Unknown browser")


def client_ip(request) -> str | None:
    """The address the request came from (behind a proxy, the header RATELIMIT_IP_META_KEY names, as for the
    sign-in throttle)."""
    raw = request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR", "") or ""
    return raw.split(",")[0].strip() or None


def idle_cutoff():
    return timezone.now() - timedelta(seconds=settings.SESSION_IDLE_TIMEOUT)


def record_on_login(sender, request, user, **kwargs):
    """user_logged_in: the new session is written down (and the person's long-idle ones forgotten)."""
    session = getattr(request, "session", None)
    if session is None:
        return
    session[SEEN_KEY] = int(time.time())
    if session.session_key is None:
        session.save()
    now = timezone.now()
    UserSession.objects.filter(user=user, last_seen__lt=idle_cutoff()).delete()
    row, _created = UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
            "ip": client_ip(request),
            "last_seen": now,
        },
    )
    session[ROW_KEY] = row.pk


def forget_on_logout(sender, request, user, **kwargs):
    """user_logged_out: the session is gone, and so is its row."""
    row = getattr(request, "session", {}).get(ROW_KEY)
    if row:
        UserSession.objects.filter(pk=row).delete()


def touch(request) -> bool:
    """Called on every signed-in request. False when the session has been idle too long (the caller signs the
    person out); otherwise True, writing the time of use when the last write is old enough."""
    session = request.session
    now = int(time.time())
    seen = session.get(SEEN_KEY)
    if seen is not None and now - seen > settings.SESSION_IDLE_TIMEOUT:
        return False
    if seen is None or now - seen > settings.SESSION_TOUCH_EVERY:
        session[SEEN_KEY] = now
        row = session.get(ROW_KEY)
        if row and session.session_key:
            UserSession.objects.filter(pk=row).update(last_seen=timezone.now(), session_key=session.session_key)
    return True


def active_for(user):
    """The person's sessions that are still in use, most recent first."""
    return UserSession.objects.filter(user=user, last_seen__gte=idle_cutoff())


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_end(*, user_session) -> None:
    """End one session: its data in the session store and its row. The browser holding it is signed out at its
    next request."""
    with transaction.atomic():
        _store()(session_key=user_session.session_key).delete()
        user_session.delete()


def current_row(request):
    """The id of this request's UserSession row (None for a session from before rows were kept)."""
    return request.session.get(ROW_KEY)


def sessions_end_others(*, user, current) -> int:
    """End every session of `user` except the row `current` (this one); returns how many ended."""
    others = list(UserSession.objects.filter(user=user).exclude(pk=current))
    for user_session in others:
        session_end(user_session=user_session)
    return len(others)
