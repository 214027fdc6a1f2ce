from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = (
        "Run every job of the celery beat schedule once, in this process. For the embedded default (no broker, "
        "no beat): call it from cron, e.g. nightly."
    )

    def handle(self, *args, **options):
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
            task = import_string(entry["task"])
            result = task.apply(args=entry.get("args", ()), kwargs=entry.get("kwargs", {}))
            status = (
                self.style.SUCCESS("done") if result.successful() else self.style.ERROR(f"failed: {result.result!r}")
            )
            self.stdout.write(f"{name}: {status}")
