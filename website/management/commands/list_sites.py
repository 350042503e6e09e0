from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = "Print the address of every site and of the admin."

    def handle(self, *args, **options):
        sites = Site.objects.select_related("root_page").order_by("-is_default_site", "hostname")
        if not sites:
            self.stdout.write("No sites yet: run `make demo`.")
            return
        self.stdout.write("Sites:")
        for site in sites:
            default = "  (default)" if site.is_default_site else ""
            self.stdout.write(f"  {site.site_name or site.hostname:<14} {site.root_url}/{default}")
        default_site = next((s for s in sites if s.is_default_site), sites[0])
        self.stdout.write(f"Admin:\n  {default_site.root_url}/admin/")
