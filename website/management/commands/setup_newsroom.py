from django.core.management.base import BaseCommand
from wagtail.models import Site

from website.roles import setup_roles
from website.sites import SiteLanguages
from website.structure import default_languages


class Command(BaseCommand):
    help = (
        "Create the locales, the editors' and moderators' groups of every site, the "
        "translators' groups, the sites' image and document collections, page "
        "permissions and review workflows (named in English and Russian, from the "
        "compiled catalogues: run `make messages` first), and each site's default "
        "languages. Idempotent: only what is "
        "missing is created, the workflows and tasks it made are renamed when their "
        "names change, and nothing is removed. Run it again once the home pages exist."
    )

    def handle(self, *args, **options):
        changes = setup_roles(log=lambda message: self.stdout.write(f"  {message}"))
        changes += self.set_default_languages()
        if changes:
            self.stdout.write(self.style.SUCCESS(f"Newsroom roles set up: {changes} changes."))
        else:
            self.stdout.write(self.style.SUCCESS("Newsroom roles: nothing to change."))

    def set_default_languages(self):
        """Each site without a language setting gets its default one
        (website/structure.py: by its mission's country); others are kept."""
        from missions.models import MissionHomePage

        countries = dict(MissionHomePage.objects.values_list("pk", "country"))
        changes = 0
        for site in Site.objects.exclude(pk__in=SiteLanguages.objects.values("site_id")):
            languages = default_languages(countries.get(site.root_page_id, ""))
            SiteLanguages.objects.create(site=site, languages=languages)
            self.stdout.write(f"  Languages of {site}: {languages}")
            changes += 1
        return changes
