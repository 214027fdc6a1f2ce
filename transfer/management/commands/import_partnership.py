from django.core.management.base import BaseCommand, CommandError

from transfer.load import ImportRefused, partnership_import


class Command(BaseCommand):
    help = (
        "Load a partnership export (the ZIP the secretariat downloads from the partnership's edit page) into this "
        "installation: organisations already in the registry are matched (IATI identifier, else name and country), "
        "people by e-mail; everything else is created. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("zip", help="The export's ZIP file.")
        parser.add_argument(
            "--as-new",
            action="store_true",
            help="Load it even though this partnership is already here, as a separate copy.",
        )

    def handle(self, *args, **options):
        try:
            loader = partnership_import(options["zip"], as_new=options["as_new"])
        except ImportRefused as refusal:
            raise CommandError(str(refusal)) from None
        partnership = loader.partnership
        self.stdout.write(self.style.SUCCESS(f"Imported “{partnership.name}” as partnership {partnership.pk}."))
        self.stdout.write(f"From {loader.manifest['source_installation']}, exported {loader.manifest['exported_at']}.")
        width = max((len(name) for name in {**loader.created, **loader.matched}), default=10)
        for name in sorted({*loader.created, *loader.matched}):
            created, matched = loader.created[name], loader.matched[name]
            if not created and not matched:
                continue
            line = f"  {name:<{width}}  {created:>6} created"
            self.stdout.write(line + (f", {matched} matched with existing ones" if matched else ""))
        self.stdout.write(f"  {loader.files} files restored.")
        if loader.dropped:
            self.stdout.write(
                self.style.WARNING(f"  {loader.dropped} optional references to records outside the export left empty.")
            )
        if loader.created["auth.user"]:
            self.stdout.write(
                "New accounts have no password: their owners set one with “Forgot your password?” on the sign-in page."
            )
