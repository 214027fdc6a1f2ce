"""The inbox's scheduled job (celery beat daily; also `manage.py run_scheduled_jobs`, which runs the beat
schedule's tasks by name, so nothing below imports this module)."""

from celery import shared_task

from . import services


@shared_task
def send_reminders():
    """Remind people of data falling due or overdue and of overdue milestones; safe to run twice a day."""
    return services.reminders_send()
