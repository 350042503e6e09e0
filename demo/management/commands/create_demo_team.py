import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from website.roles import TEAMS, TRANSLATION_LANGUAGES, setup_roles, translator_groups

PASSWORD_VARIABLE = "DEMO_TEAM_PASSWORD"


def demo_usernames(team):
    """The demo editor's and moderator's usernames of a team, e.g.
    ("kyrgyzstan-editor", "kyrgyzstan-moderator"); "regional-…" for the region."""
    prefix = team.spec.slug if team.spec.country else "regional"
    return f"{prefix}-editor", f"{prefix}-moderator"


def demo_translators():
    """(username, language name, group name) of the demo translators, one per
    target language: "russian-translator" in "Translators (Russian)", …"""
    groups = translator_groups()
    return [
        (f"{name.lower()}-translator", name, groups[code])
        for code, name in TRANSLATION_LANGUAGES.items()
    ]


class Command(BaseCommand):
    help = (
        "Development only (DEBUG=True): create one editor and one moderator per "
        "mission and for the regional site, in their teams' groups, and one translator "
        "per target language (russian-translator, …). New users get "
        f"the password in {PASSWORD_VARIABLE}, or one generated and printed once. "
        "Existing users keep their passwords."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_demo_team makes accounts with a shared password and runs only "
                "with DEBUG=True (development). Create real accounts in the admin."
            )
        password = os.environ.get(PASSWORD_VARIABLE, "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)

        self.created = []
        with transaction.atomic():
            # The groups, with their permissions and workflows (idempotent).
            setup_roles()
            for team in TEAMS:
                for role, username, group_name in zip(
                    ("editor", "moderator"),
                    demo_usernames(team),
                    (team.editors, team.moderators),
                    strict=True,
                ):
                    self.add_user(username, team.spec.name, role, group_name, password)
            for username, language, group_name in demo_translators():
                self.add_user(username, language, "translator", group_name, password)
        created_names = self.created

        if not created_names:
            self.stdout.write("The demo team already exists; passwords are unchanged.")
            return
        for username in created_names:
            self.stdout.write(f"  Created {username}")
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"  Password of the {len(created_names)} new users (shown once): {password}"
                )
            )
        else:
            self.stdout.write(f"  Their password is the one in {PASSWORD_VARIABLE}.")
        self.stdout.write(self.style.SUCCESS("Demo team ready."))

    def add_user(self, username, first_name, last_name, group_name, password):
        """The user in the group; a new user gets ``password`` (an existing one
        keeps theirs)."""
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@{settings.SITE_DOMAIN}",
                "first_name": first_name,
                "last_name": last_name,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.created.append(username)
        user.groups.add(Group.objects.get(name=group_name))
