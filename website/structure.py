"""The newsroom's fixed shape: the regional site and the five mission sites.

One source of truth for the hostnames, collections and group names that the
demo content, the roles command and the tests all use.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


@dataclass(frozen=True)
class SiteSpec:
    slug: str  # hostname prefix and URL-safe key: "kyrgyzstan"
    name: str  # the site's name and the teams' prefix: "Kyrgyzstan"
    country: str  # ISO 3166 code, "" for the regional site
    collection: str  # image and document collection of the site's team
    label: object = None  # a mission's country, in the reader's language (its page's choices)
    # The languages the site answers in, in order (its SiteLanguages setting's default).
    languages: tuple = ("en", "ru")

    @property
    def hostname(self):
        return f"{self.slug}.{settings.SITE_DOMAIN}"

    @property
    def editors_group(self):
        return f"{self.name} editors"

    @property
    def moderators_group(self):
        return f"{self.name} moderators"


REGIONAL = SiteSpec("centralasia", "Central Asia", "", "Central Asia", languages=("en", "ru"))
REGIONAL_EDITORS = "Regional editors"
REGIONAL_MODERATORS = "Regional moderators"

MISSIONS = [
    SiteSpec(
        "kazakhstan",
        "Kazakhstan",
        "KZ",
        "Kazakhstan",
        _("Kazakhstan"),
        languages=("kk", "ru", "en"),
    ),
    SiteSpec(
        "kyrgyzstan",
        "Kyrgyzstan",
        "KG",
        "Kyrgyzstan",
        _("Kyrgyzstan"),
        languages=("ky", "ru", "en"),
    ),
    SiteSpec(
        "tajikistan",
        "Tajikistan",
        "TJ",
        "Tajikistan",
        _("Tajikistan"),
        languages=("tg", "ru", "en"),
    ),
    SiteSpec(
        "turkmenistan",
        "Turkmenistan",
        "TM",
        "Turkmenistan",
        _("Turkmenistan"),
        languages=("tk", "ru", "en"),
    ),
    SiteSpec(
        "uzbekistan",
        "Uzbekistan",
        "UZ",
        "Uzbekistan",
        _("Uzbekistan"),
        languages=("uz", "ru", "en"),
    ),
]
MISSIONS_BY_COUNTRY = {mission.country: mission for mission in MISSIONS}


def default_languages(country):
    """The languages a site answers in by default: the mission's of
    ``country``, the regional office's for "" (and for an unknown country)."""
    spec = MISSIONS_BY_COUNTRY.get(country or "", REGIONAL)
    return ", ".join(spec.languages)


def translators_group(language_name):
    return f"Translators ({language_name})"


def get_or_create_collection(name):
    """The child collection of the root with this name, created if missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing
    return root.add_child(name=name)
