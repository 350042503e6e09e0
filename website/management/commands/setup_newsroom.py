from django.core.management.base import BaseCommand

from website.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the locales, the editors' and moderators' groups of every site, the "
        "translators' groups, the sites' image and document collections, page "
        "permissions and review workflows (named in English and Russian, from the "
        "compiled catalogues: run `make messages` first). Idempotent: only what is "
        "missing is created, the workflows and tasks it made are renamed when their "
        "names change, and nothing is removed. Run it again once the home pages exist."
    )

    def handle(self, *args, **options):
        changes = setup_roles(log=lambda message: self.stdout.write(f"  {message}"))
        if changes:
            self.stdout.write(self.style.SUCCESS(f"Newsroom roles set up: {changes} changes."))
        else:
            self.stdout.write(self.style.SUCCESS("Newsroom roles: nothing to change."))
