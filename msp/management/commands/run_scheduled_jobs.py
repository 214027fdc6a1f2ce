from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = (
        "Run jobs of the celery beat schedule once, in this process: all of them, or those named. For the "
        "embedded default (no broker, no beat), from cron: the e-mail sweep often, the rest daily, e.g. "
        "'*/5 * * * * manage.py run_scheduled_jobs send-pending-notifications' and "
        "'0 6 * * * manage.py run_scheduled_jobs'."
    )

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", help=f"job names: {', '.join(settings.CELERY_BEAT_SCHEDULE)}")

    def handle(self, *args, jobs=(), **options):
        unknown = set(jobs) - set(settings.CELERY_BEAT_SCHEDULE)
        if unknown:
            raise CommandError(
                f"Unknown job: {', '.join(sorted(unknown))}. Known: {', '.join(settings.CELERY_BEAT_SCHEDULE)}."
            )
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
            if jobs and name not in jobs:
                continue
            task = import_string(entry["task"])
            result = task.apply(args=entry.get("args", ()), kwargs=entry.get("kwargs", {}))
            status = (
                self.style.SUCCESS("done") if result.successful() else self.style.ERROR(f"failed: {result.result!r}")
            )
            self.stdout.write(f"{name}: {status}")
