import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create an administrator when the database has none. The username, e-mail "
        "and password come from ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD; "
        "without ADMIN_PASSWORD a random password is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=None)
        parser.add_argument("--email", default=None)

    def handle(self, *args, username=None, email=None, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator already exists; nothing to do.")
            return
        username = username or os.environ.get("ADMIN_USERNAME") or "admin"
        email = email or os.environ.get("ADMIN_EMAIL") or "admin@example.org"
        password = os.environ.get("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created administrator '{username}'."))
        if generated:
            self.stdout.write(f"  Password (shown once, change it in the admin): {password}")
