"""The refusal to serve without a real SECRET_KEY, for the processes that serve or sign: gunicorn and runserver
(through msp.wsgi) and Celery workers and beat (through msp.celery). The settings themselves load without a key
(see msp/settings.py), so that build steps run on a machine that has none."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MESSAGE = (
    "SECRET_KEY must be set to a random string of at least 32 characters when DEBUG is off "
    "(or set DEBUG=true on a development machine)."
)


def require_secret_key() -> None:
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        key = ""
    if not key:
        raise ImproperlyConfigured(MESSAGE)
