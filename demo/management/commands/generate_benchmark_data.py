"""Add the benchmarks' region-sized data set (demo/benchmark_data.py) to the database.

`--scale 1` is the size of a whole region (20,000 members, 200,000 enrolments...); `--scale 0.05` a quick run.
It refuses a database that holds users other than the demo's and the benchmark's (example.org addresses), unless
`--force`, and it refuses to add its rows a second time: start from an empty database to regenerate.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import benchmark_data


class Command(BaseCommand):
    help = "Add the benchmark data set (scale 1 = a whole region) to an empty or demo database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = 20,000 members; 0.05 for a quick run")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--force", action="store_true", help="run even if the database holds real users")

    def handle(self, *args, scale, seed, force, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be more than 0 and at most 10.")
        if benchmark_data.has_own_data():
            raise CommandError(
                "The benchmark data is already in this database. Start from an empty database to regenerate it "
                "(make bench does)."
            )
        foreign = benchmark_data.foreign_users()
        if foreign and not force:
            raise CommandError(
                f"This database has {foreign} users that are not demo or benchmark data; it looks like real data. "
                "Use an empty database, or --force if you are sure."
            )
        started = time.perf_counter()
        self.stdout.write(f"Generating the benchmark data at scale {scale}:")
        with transaction.atomic():
            benchmark_data.generate(scale=scale, seed=seed, log=self.stdout.write)
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")
