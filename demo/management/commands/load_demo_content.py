from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import CREATED, KEPT, RESTORED, DemoContentError, DemoLoader


class Command(BaseCommand):
    help = (
        "Build the demo sites from Issue 1 of the Regional Response Report: the regional "
        "site, the five mission sites, their stories, galleries, contacts and the report "
        "issue. Safe to run again: what exists is kept as editors left it, unless --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "Put the demo content back where editors changed it (as a new published "
                "revision). Pages that are not demo pages are never touched."
            ),
        )

    def handle(self, *args, reset=False, **options):
        loader = DemoLoader(reset=reset)
        try:
            with transaction.atomic():
                loader.run()
        except DemoContentError as error:
            raise CommandError(str(error)) from error

        self.stdout.write("Demo content, Regional Response Report Issue 1:")
        for kind, counts in loader.tally.items():
            parts = [f"{counts[state]} {state}" for state in (CREATED, KEPT, RESTORED)]
            self.stdout.write(f"  {kind:<16} {', '.join(parts)}")
        for note in loader.notes:
            self.stdout.write(f"  {note}")
        kept = sum(counts[KEPT] for counts in loader.tally.values())
        if kept and not reset:
            self.stdout.write("Existing content was kept as it is; --reset puts the demo back.")
        self.stdout.write(self.style.SUCCESS("Done."))
