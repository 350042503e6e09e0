"""``manage.py generate_bulk_content --stories N``: scale data for benchmarks.

Needs the demo content (``manage.py load_demo_content``) first. See
demo/bulk.py for what is made and how.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from demo import bulk


class Command(BaseCommand):
    help = (
        "Add N generated stories (slugs 'bulk-00001' …) across the six demo sites, with "
        "topics, pictures from a shared pool, sharing between sites, dates over five years "
        "and Russian translations of about one in ten; then index them for search. Runs "
        "on top of load_demo_content. Running it again with the same N adds nothing; "
        "--clear deletes the generated stories and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories",
            type=int,
            default=None,
            help="How many generated stories there should be (source language), e.g. 20000.",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete every generated story (in every language) instead.",
        )

    def progress(self, done, total):
        if self.verbosity > 0:
            self.stdout.write(f"  {done}/{total} …")

    def handle(self, *args, stories=None, clear=False, **options):
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        if clear:
            deleted = bulk.clear(progress=self.progress)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Deleted {deleted} generated stories in {time.monotonic() - started:.0f} s."
                )
            )
            return
        if stories is None or stories < 0:
            raise CommandError("Say how many stories: --stories N (or --clear).")
        missing = bulk.missing_demo_sites()
        if missing:
            raise CommandError(
                "The demo content is missing (no site with a news index for "
                + ", ".join(missing)
                + "). Run `manage.py load_demo_content` (or `make demo`) first."
            )
        try:
            result = bulk.generate(stories, progress=self.progress)
        except ValueError as error:
            raise CommandError(str(error)) from error
        counts = bulk.summary_counts()
        self.stdout.write(
            f"Created {result.created} stories and {result.translated} Russian translations "
            f"({result.existing} of the {stories} existed already; "
            f"{result.images_created} pictures added to the pool)."
        )
        self.stdout.write(
            "Generated stories now: "
            + (", ".join(f"{count} in {code}" for code, count in sorted(counts.items())) or "none")
            + "."
        )
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.0f} s."))
