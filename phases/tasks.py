"""Background work of the checklist: evaluating a partnership (phases.evaluation), the sweep that queues again what
a broker or a dead worker let drop, and the nightly evaluation of every active partnership (celery beat;
`manage.py run_scheduled_jobs evaluate-checklists` or `manage.py evaluate_checklists` without beat).

Tasks take ids and keep their state in the request row (queued, running, done, failed and why). A duplicated or
retried task does no harm: the request is claimed before the work.
"""

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction

from msp.models import Partnership
from msp.pdf import PdfUnavailable

from . import evaluation, run_pdf
from .models import Trigger

logger = logging.getLogger(__name__)

# Errors worth another try: the database went away or refused for a moment (a restart, a failover, a deadlock).
TRANSIENT = (OperationalError, InterfaceError)


@shared_task(bind=True, acks_late=True, max_retries=5)
def evaluate_partnership(self, request_id):
    """Evaluate the partnership of one request and store the run. Returns the run's id, or None when the request
    was not this task's to run (another worker has it, or it is done)."""
    try:
        run = evaluation.evaluation_run(request_id)
    except TRANSIENT as exc:
        if self.request.is_eager:  # in-process: do not hold up the request that queued it; the nightly job retries
            logger.exception("Checklist evaluation %s failed; the nightly evaluation tries again.", request_id)
            return None
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 1800)) from exc
    return run.pk if run is not None else None


def queue_evaluation(request_id, *, countdown=None) -> bool:
    """Hand the request to a worker (call it after commit). A broker that is down loses nothing: the request stays
    queued, and the sweep queues it again."""
    try:
        evaluate_partnership.apply_async(args=[request_id], countdown=countdown)
    except Exception:  # kombu raises several unrelated types for an unreachable broker
        logger.exception("Could not queue checklist evaluation %s; it stays queued.", request_id)
        return False
    return True


@shared_task
def queue_dropped_evaluations():
    """The sweep (celery beat, every 5 minutes): requests that a broker or a dead worker let drop are queued again
    (a second task for a request that is still being run does nothing). Returns how many."""
    ids = evaluation.dropped_ids()
    _queue_all(ids)
    return len(ids)


@shared_task
def evaluate_all_active():
    """Nightly (celery beat): a request for every partnership that is not archived, each run by its own task. A
    partnership whose request is already waiting keeps it (queued again, in case the broker dropped it). Returns
    how many were queued."""
    active = Partnership.objects.filter(archived_at__isnull=True)
    ids = evaluation.queued_requests(active, trigger=Trigger.NIGHTLY)
    transaction.on_commit(lambda: _queue_all(ids))
    return len(ids)


def _queue_all(ids):
    for pk in ids:
        queue_evaluation(pk)


@shared_task(bind=True, max_retries=5)
def store_run_pdf(self, run_id, language):
    """Render and keep the PDF of a checklist run in `language` (phases.run_pdf). Safe to run twice: a stored copy
    is kept as it is."""
    try:
        run_pdf.run_pdf_store(run_id=run_id, language=language)
    except PdfUnavailable:  # a machine without WeasyPrint's libraries: retrying does not help; the download says so
        logger.exception("Checklist run %s: its PDF cannot be rendered here.", run_id)
    except Exception as exc:
        if self.request.is_eager:  # in-process: do not fail the request that queued it; asking again retries
            logger.exception("Checklist run %s: its PDF failed; it is made when asked for again.", run_id)
            return
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 1800)) from exc


def queue_run_pdf(run_id, language) -> bool:
    """Hand the PDF of a run to a worker (at once in the embedded default, where tasks run in-process)."""
    try:
        store_run_pdf.delay(run_id, language)
    except Exception:  # kombu raises several unrelated types for an unreachable broker
        logger.exception("Could not queue the PDF of checklist run %s.", run_id)
        return False
    return True
