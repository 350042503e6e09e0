"""Handle images whose usage expired: pages stop showing them at once.

Pages already leave out an image past its usage expiry date whenever they are
rendered (``images.CustomImage.is_public_usable``, checked by the image tags,
the link previews and the editions). What a reader may still be served is a
copy made before: this command, run by cron just after midnight (README,
"Images"), makes the page cache start a new generation, asks the CDN to purge
the pages using each image, and e-mails the moderators of the sites of those
pages, once per expiry.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from images.usage import pages_using
from website.cache import bump_generation, purge_frontend_cache
from website.structure import MISSIONS, REGIONAL, REGIONAL_MODERATORS


def moderators_group_of(site):
    if site is None:
        return None
    if site.hostname == REGIONAL.hostname:
        return REGIONAL_MODERATORS
    for spec in MISSIONS:
        if site.hostname == spec.hostname:
            return spec.moderators_group
    return None


class Command(BaseCommand):
    help = (
        "Purge the cached pages using images whose usage expired and tell the "
        "moderators of their sites (run daily, just after midnight)."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        images = list(get_image_model().objects.newly_expired(today))
        if not images:
            self.stdout.write("No image expired since the last run.")
            return
        usage = pages_using(images)
        bump_generation()
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        User = get_user_model()
        with translation.override("en"):
            for image in images:
                pages = usage.get(image.pk, [])
                groups = set()
                for page in pages:
                    purge_frontend_cache(page, include_page=True)
                    groups.add(moderators_group_of(page.get_site()))
                groups.discard(None)
                recipients = sorted(
                    User.objects.filter(groups__name__in=groups, is_active=True)
                    .exclude(email="")
                    .values_list("email", flat=True)
                    .distinct()
                )
                if pages and recipients:
                    lines = [
                        f"- {page.title}: {base_url}{reverse('wagtailadmin_pages:edit', args=(page.pk,))}"
                        for page in pages
                    ]
                    send_mail(
                        _("Image usage expired: %(title)s") % {"title": image.title},
                        _(
                            "The usage of the image “%(title)s” expired on %(date)s. The pages "
                            "below no longer show it; choose another image for them:\n\n%(pages)s\n"
                        )
                        % {
                            "title": image.title,
                            "date": image.usage_expires.isoformat(),
                            "pages": "\n".join(lines),
                        },
                        None,
                        recipients,
                    )
                image.expiry_handled_on = today
                image.save(update_fields=["expiry_handled_on"])
                self.stdout.write(
                    f"{image.title}: expired on {image.usage_expires}, "
                    f"{len(pages)} page(s), {len(recipients)} moderator(s) told."
                )
