import shlex
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.benchmark import report
from bench.benchmark.run import BenchmarkError, Options, failures, run

SKIPPABLE = ("pages", "pdf", "iati", "nightly")


class Command(BaseCommand):
    help = (
        "Measure the key pages and the API under load (gunicorn with the production settings, wrk) and time the "
        "donor report PDF, the checklist PDF, the IATI files, the nightly checklist evaluation (Celery workers) "
        "and, with --factor, the data generator; print a table and write it to docs/performance.md. Needs "
        "PostgreSQL (DATABASE_URL), Redis (REDIS_URL) for the nightly evaluation, and wrk. Exits 1 when a page "
        "answered an error or a timed job failed; figures missed are reported, not failed on (see --strict)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor", type=float, help="first fill the (empty) database: manage.py generate_data --factor, timed"
        )
        parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
        parser.add_argument("--user", default="bench_secretariat", help="who signs in (default bench_secretariat)")
        parser.add_argument("--password", default="msp-bench", help="their password (default msp-bench)")
        parser.add_argument("--connections", type=int, default=16, help="wrk's concurrent clients (default 16)")
        parser.add_argument("--duration", default="60s", help="load per page, as wrk takes it (default 60s)")
        parser.add_argument("--search", default="", help="the word searched for (default: from the partnership)")
        parser.add_argument("--skip", action="append", choices=SKIPPABLE, default=[], help="leave a part out")
        parser.add_argument(
            "--output", type=Path, default=Path(settings.BASE_DIR) / "docs" / "performance.md",
            help="the file written (default docs/performance.md; only its generated part is replaced)",
        )  # fmt: skip
        parser.add_argument(
            "--static-root", type=Path, help="static files collected there already (DEBUG off): skip collectstatic"
        )
        parser.add_argument(
            "--suite", action="store_true", help="time the test suite too (python3 dev.py test, minutes)"
        )
        parser.add_argument("--strict", action="store_true", help="exit 1 on a figure missed too")

    def _say(self, line):
        self.stderr.write(f"[{time.monotonic() - self.started:5.0f} s] {line}")

    def handle(self, *args, **options):
        self.started = time.monotonic()
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL (see the README, Performance).")
        if options["connections"] < 1:
            raise CommandError("--connections must be at least 1.")
        if options["static_root"] and not (options["static_root"] / "staticfiles.json").exists():
            raise CommandError("--static-root: no staticfiles.json there (collectstatic with DEBUG off first).")
        chosen = Options(
            username=options["user"],
            password=options["password"],
            factor=options["factor"],
            seed=options["seed"],
            connections=options["connections"],
            duration=options["duration"],
            search=options["search"],
            skip=frozenset(options["skip"]),
            static_root=options["static_root"],
            suite=options["suite"],
            command=shlex.join(["manage.py", *sys.argv[1:]]),
        )
        try:
            measured = run(chosen, say=self._say)
        except BenchmarkError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(report.text(measured))
        report.write(options["output"], measured)
        self.stderr.write(f"Written to {options['output']}")
        broken = failures(measured)
        missed = [f.name for f in measured.figures if f.verdict == "MISS"]
        if broken:
            raise CommandError("Errors: " + "; ".join(broken))
        if options["strict"] and missed:
            raise CommandError("Figures missed: " + "; ".join(missed))
