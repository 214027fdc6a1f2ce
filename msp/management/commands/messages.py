"""Refresh, compile or check the translation catalogues (see msp.catalogues).

manage.py messages            makemessages for every language (GNU gettext), headers set, .mo compiled (Babel)
manage.py messages --compile  only compile the .mo files (pure Python)
manage.py messages --check    fail when a string is missing from a catalogue, untranslated, fuzzy, has other
                              placeholders than its msgid, or a .mo is stale (CI; --no-extract skips makemessages)
"""

from django.core.management.base import BaseCommand, CommandError

from msp import catalogues


class Command(BaseCommand):
    help = "Refresh (makemessages and compile), compile or check the translation catalogues."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--check", action="store_true", help="Change nothing; fail on any problem.")
        mode.add_argument("--compile", action="store_true", help="Only compile the .mo files, with Babel.")
        parser.add_argument(
            "--no-extract", action="store_true", help="With --check: skip makemessages (no GNU gettext needed)."
        )

    def handle(self, *args, check=False, compile=False, no_extract=False, **options):
        if check:
            problems = catalogues.check(extract=not no_extract)
            for line in problems:
                self.stderr.write(line)
            if problems:
                raise CommandError(
                    f"{len(problems)} problem(s) in the catalogues. New strings: python3 dev.py messages, then "
                    "translate them in locale/*/LC_MESSAGES/django.po and run it again to compile."
                )
            self.stdout.write("Catalogues complete and compiled: " + ", ".join(catalogues.languages()))
            return
        changed = catalogues.compile_all() if compile else catalogues.refresh()
        for path in changed:
            self.stdout.write(f"wrote {path.relative_to(catalogues.ROOT)}")
        if not changed:
            self.stdout.write("Catalogues unchanged.")
