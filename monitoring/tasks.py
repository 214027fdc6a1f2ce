"""Background work of reports (monitoring.reports.jobs): making a report version, and the sweep that takes back
reports whose worker died or whose task the broker dropped.

Tasks take ids and keep their state in the report row; a duplicated or retried task does no harm, since the report
is claimed before the work and its file is stored once.
"""

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from msp.pdf import PdfUnavailable

from .reports import jobs
from .services import schedules

logger = logging.getLogger(__name__)

TRANSIENT = (OperationalError, InterfaceError)


@shared_task(bind=True, acks_late=True, max_retries=3)
def generate_report(self, report_id):
    """Make one report version. Returns its id, or None when it was not this task's to make."""
    try:
        report = jobs.report_generate(report_id)
    except PdfUnavailable:  # retrying does not help on this machine; the report shows it failed and why
        logger.exception("Report %s: PDFs cannot be made here.", report_id)
        return None
    except TRANSIENT as exc:
        if self.request.is_eager:
            logger.exception("Report %s failed; it can be retried from its page.", report_id)
            return None
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 600)) from exc
    except Exception:
        if self.request.is_eager:  # in-process: the page shows the failure and offers a retry
            logger.exception("Report %s failed.", report_id)
            return None
        raise
    return report.pk if report is not None else None


def queue_report(report_id) -> bool:
    """Hand the report to a worker (call after commit). A broker that is down loses nothing: the report stays
    queued and the sweep queues it again."""
    try:
        generate_report.delay(report_id)
    except Exception:  # kombu raises several unrelated types for an unreachable broker
        logger.exception("Could not queue report %s; it stays queued.", report_id)
        return False
    return True


@shared_task
def queue_stalled_reports():
    """The sweep (celery beat, every 5 minutes): reports left running by a dead worker, or queued by a broker that
    dropped them, are queued again. Returns how many."""
    ids = jobs.stalled_ids()
    for pk in ids:
        queue_report(pk)
    return len(ids)


@shared_task
def make_scheduled_reports():
    """Each day (celery beat): every active reporting schedule whose period has ended gets its draft reports, once,
    and the secretariat is told (monitoring.services.schedules). Returns how many reports were asked for."""
    made = 0
    for pk in schedules.due_schedule_ids():
        made += len(schedules.scheduled_reports_make(schedule_id=pk, queue=queue_report))
    return made
