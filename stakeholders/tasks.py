from celery import shared_task

from . import services


@shared_task
def purge_expired_imports():
    """The clean-up (celery beat, hourly): checked files nobody imported within the hour, and their rows."""
    return services.pending_imports_purge()
