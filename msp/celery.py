import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")

app = Celery("msp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def _refuse_without_a_key(**kwargs):
    """Workers and beat send e-mails with signed links: like the web, they refuse to start without the key."""
    from django.core.exceptions import ImproperlyConfigured

    from msp.keys import require_secret_key

    try:
        require_secret_key()
    except ImproperlyConfigured as exc:
        # Celery logs and ignores exceptions of signal receivers; stopping the process needs SystemExit.
        raise SystemExit(str(exc)) from None
