"""`manage.py generate_data`: fill the database with a large, realistic data set for the benchmark.

    manage.py generate_data                  # the default size: 500 partnerships, 3,000 organisations
    manage.py generate_data --factor 0.01    # 5 partnerships, 30 organisations: seconds
    manage.py generate_data --seed 2 --password secret --append

The same factor and seed give the same data. It refuses a database that holds partnerships already (a real
installation) unless --append is given. It prints the rows written per model and, last, `generated in N s`.
"""

from django.core.management.base import BaseCommand, CommandError

from bench.generator import generate
from bench.generator.people import BENCH_USERS
from msp.models import Partnership


class Command(BaseCommand):
    help = "Fill the database with a large, realistic data set for the benchmark (see bench/generator)."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="Size: 1.0 is 500 partnerships (default).")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random choices (default 1).")
        parser.add_argument(
            "--password", default="msp-bench", help="Password of every generated user (default msp-bench)."
        )
        parser.add_argument("--append", action="store_true", help="Add to a database that holds partnerships already.")

    def handle(self, *args, factor, seed, password, append, **options):
        if factor <= 0:
            raise CommandError("--factor must be greater than 0.")
        if Partnership.objects.exists() and not append:
            raise CommandError(
                "This database holds partnerships already: generate_data adds a large made-up data set and must not "
                "mix it into a real installation. Use an empty database, or give --append if you mean it."
            )
        from django.contrib.auth import get_user_model

        if get_user_model().objects.filter(username__in=BENCH_USERS).exists():
            raise CommandError("The bench users exist already: this database was generated before. Use a fresh one.")
        verbose = options["verbosity"] > 1
        ctx = generate(factor=factor, seed=seed, password=password, log=self.stdout.write if verbose else None)
        width = max(len(label) for label in ctx.counts)
        for label, count in sorted(ctx.counts.items()):
            self.stdout.write(f"{label:<{width}}  {count:>9,}")
        self.stdout.write(f"{'total':<{width}}  {sum(ctx.counts.values()):>9,}")
        self.stdout.write(f"Sign in as {', '.join(BENCH_USERS)} with the password given (--password).")
        self.stdout.write(f"generated in {ctx.seconds:.1f} s")
