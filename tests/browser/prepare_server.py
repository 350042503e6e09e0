"""Puts into a database what the browser tests expect of the server they visit.

    DEMO_TEAM_PASSWORD=… python -m tests.browser.prepare_server

Idempotent (every step keeps what exists): migrations, the demo content, the
newsroom's groups and workflows, the demo team (``kyrgyzstan-editor``,
``kyrgyzstan-moderator``, …, ``russian-translator``, from ``create_demo_team``,
which needs DEBUG) and ``BULK_STORIES`` generated
stories, so that the listings have more than one page. It reads the same
environment as ``manage.py`` (``DATABASE_URL``, ``SITE_PORT``, ``MEDIA_ROOT``):
``SITE_PORT`` must be the port the server listens on, because Wagtail matches
sites by hostname and port and builds links between sites from ``Site.port``.

The browser tests run it themselves for the server they start; CI runs it on
the database ``make serve`` serves before pointing the tests at that server
(``BROWSER_BASE_URL``).
"""

import os
import sys

# Enough generated stories for every news index to have a second page.
BULK_STORIES = 60


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    password = os.environ.get("DEMO_TEAM_PASSWORD", "")
    if not password:
        sys.exit("Set DEMO_TEAM_PASSWORD: the browser tests log in with it.")

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    call_command("generate_bulk_content", stories=BULK_STORIES, verbosity=0)
    call_command("setup_newsroom", verbosity=0)
    call_command("create_demo_team", verbosity=0)  # with russian-translator
    print("Browser-test data ready: demo content, demo team and russian-translator.")


if __name__ == "__main__":
    main()
