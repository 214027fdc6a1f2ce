from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from msp import demo


class Command(BaseCommand):
    help = "Load the demo users and partnerships (idempotent). Every app's demo.py adds its part, in layer order."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, **options):
        ctx = {}
        with transaction.atomic():
            for config in apps.get_app_configs():
                if find_spec(f"{config.name}.demo") is None:
                    continue
                import_module(f"{config.name}.demo").load(ctx)
            # Steps that need every app's data (phases' transitions store the apps' snapshots), in the order added;
            # then those that read what the last steps wrote (the checklist runs read the reports).
            for step in [*ctx.get("last", []), *ctx.get("final", [])]:
                step()
        new = ctx.get("new", set())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({len(new)} partnerships created, others kept)."))
        if not options["quiet_logins"]:
            self.stdout.write("\n".join(demo.logins()))
