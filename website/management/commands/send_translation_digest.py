"""Each translators' group gets an e-mail with what waits for it: per site
whose languages include the group's, the pages missing in its language and
those out of date (website/translation_overview.py). Run it weekly from cron
(`manage.py send_translation_digest`); a group with nothing waiting, or with
no member with an e-mail address, gets nothing."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from website.roles import translator_groups
from website.translation_overview import overview


def digest(code):
    """(subject, body) of the e-mail to the translators of ``code``, or None
    when nothing waits for them."""
    lines = []
    for state in overview(languages=[code]):
        for language in state.languages:
            if not language.missing and not language.outdated:
                continue
            lines.append(
                _("%(site)s: %(missing)s missing, %(outdated)s out of date")
                % {
                    "site": state.site.site_name or state.site.hostname,
                    "missing": len(language.missing),
                    "outdated": len(language.outdated),
                }
            )
    if not lines:
        return None
    name = dict(settings.LANGUAGES).get(code, code)
    subject = _("Pages waiting for translation into %(language)s") % {"language": name}
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
    body = "\n".join([subject + ":", "", *(f"- {line}" for line in lines), "", url, ""])
    return subject, body


class Command(BaseCommand):
    help = (
        "E-mail each translators' group what waits for it: the pages missing or out of "
        "date in its language on the sites that have it. Run weekly."
    )

    def handle(self, *args, **options):
        sent = 0
        for code, group_name in translator_groups().items():
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            addresses = sorted(
                set(
                    group.user_set.filter(is_active=True)
                    .exclude(email="")
                    .values_list("email", flat=True)
                )
            )
            if not addresses:
                continue
            with translation.override(code):
                message = digest(code)
            if message is None:
                continue
            subject, body = message
            send_mail(subject, body, None, addresses)
            sent += 1
            self.stdout.write(f"  {group_name}: {len(addresses)} addresses")
        self.stdout.write(self.style.SUCCESS(f"Translation digests sent: {sent}."))
