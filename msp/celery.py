import os

from celery import Celery
from celery.signals import beat_init, task_postrun, task_prerun, worker_init

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


@task_prerun.connect
@task_postrun.connect
def _close_old_connections(task=None, **kwargs):
    """Between tasks, what Django does between requests: close a connection that is older than CONN_MAX_AGE or
    broken (and health-check it before its next use). Celery's own fixup keeps it for CELERY_DB_REUSE_MAX tasks.
    Not for a task run eagerly inside a request, whose connection may be in a transaction."""
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()
