"""Background work of agreements: the stored PDF copies of MoU versions (governance.pdf, msp.documents)."""

import logging

from celery import shared_task

from msp.pdf import PdfUnavailable

from . import pdf
from .models import PendingTransactionImport

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5)
def store_mou_copy(self, version_id, kind):
    """Render and keep one stored copy of a version. Safe to run twice: a copy that exists is kept as it is."""
    try:
        pdf.mou_store(version_id=version_id, kind=kind)
    except PdfUnavailable:
        # A machine without WeasyPrint's libraries: retrying here does not help; the sweep tries again.
        logger.exception("MoU version %s: the %s copy cannot be rendered here; it stays missing.", version_id, kind)
    except Exception as exc:
        if self.request.is_eager:  # in-process: do not fail the request that queued it; the sweep retries
            logger.exception("MoU version %s: the %s copy failed; the sweep retries.", version_id, kind)
            return
        raise self.retry(exc=exc, countdown=min(60 * 2**self.request.retries, 3600)) from exc


@shared_task
def store_missing_copies():
    """The sweep (celery beat, every 10 minutes): renders the stored copies the broker or a worker let drop."""
    stored = 0
    for version_id, kind in pdf.mou_copies_missing():
        try:
            stored += pdf.mou_store(version_id=version_id, kind=kind) is not None
        except Exception:
            logger.exception("MoU version %s: the %s copy failed again; it stays missing.", version_id, kind)
    return stored


def queue_mou_copy(version_id, kind) -> None:
    """Hand the rendering to Celery (after commit). A broker that is down loses nothing: the download renders on
    demand meanwhile and the sweep makes the copy later."""
    try:
        store_mou_copy.delay(version_id, kind)
    except Exception:  # kombu raises several unrelated types for an unreachable broker
        logger.exception("Could not queue the %s copy of MoU version %s; the sweep will make it.", kind, version_id)


@shared_task
def purge_expired_transaction_imports():
    """The clean-up (celery beat, hourly): bank files uploaded for import and never imported."""
    return PendingTransactionImport.purge()
