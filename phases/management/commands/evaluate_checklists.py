from django.core.management.base import BaseCommand, CommandError

from msp.models import Partnership
from phases import evaluation
from phases.models import Trigger


class Command(BaseCommand):
    help = (
        "Evaluate the success-factor checklist of every partnership that is not archived (or of the one given), in "
        "this process, and store a run for each: what celery beat does every night, for the embedded default (no "
        "broker, no beat). From cron, e.g. '30 2 * * * manage.py evaluate_checklists'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partnership", type=int, metavar="ID", help="evaluate only this partnership")

    def handle(self, *args, partnership=None, **options):
        if partnership is None:
            partnerships, trigger = Partnership.objects.filter(archived_at__isnull=True), Trigger.NIGHTLY
        else:
            partnerships, trigger = Partnership.objects.filter(pk=partnership), Trigger.MANUAL
            if not partnerships.exists():
                raise CommandError(f"There is no partnership {partnership}.")
        failed = 0
        for each in partnerships:
            failed += not self._evaluate(each, trigger)
        if failed:
            raise CommandError(f"{failed} evaluation(s) failed.")

    def _evaluate(self, partnership, trigger) -> bool:
        request, _created = evaluation.queued_request(partnership=partnership, trigger=trigger)
        try:
            run = evaluation.evaluation_run(request.pk)
        except Exception as exc:
            self.stderr.write(f"{partnership} (#{partnership.pk}): {self.style.ERROR('failed')}: {exc!r}")
            return False
        if run is None:
            self.stdout.write(f"{partnership} (#{partnership.pk}): already being evaluated elsewhere")
        else:
            health = "no item counts yet" if run.overall is None else f"health {run.overall:.0%}"
            self.stdout.write(f"{partnership} (#{partnership.pk}): {self.style.SUCCESS('done')}, {health}")
        return True
