"""Delete the addresses that signed up but never confirmed.

Run daily from cron, on one host:
    15 3 * * * cd /srv/newsroom && .venv/bin/python manage.py purge_unconfirmed_subscribers
"""

from django.core.management.base import BaseCommand

from subscriptions import settings as app_settings
from subscriptions.signup import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete subscribers who did not confirm their address within "
        "SUBSCRIPTIONS_UNCONFIRMED_DAYS days (default 7)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override SUBSCRIPTIONS_UNCONFIRMED_DAYS for this run.",
        )

    def handle(self, *args, days=None, **options):
        days = app_settings.unconfirmed_days() if days is None else days
        deleted = purge_unconfirmed(days=days)
        self.stdout.write(f"Deleted {deleted} unconfirmed subscribers older than {days} days.")
