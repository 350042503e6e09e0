"""Helpers for the search tests: GET the search page or the suggestions of a
site in a language, read the results, translate pages, and a third mission."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Locale, Site

from tests.factories import MissionHomePageFactory, NewsIndexPageFactory
from website.structure import MISSIONS

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (stemming per language) only",
)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def search(client):
    """``search(site, q, language="en", **params)``: GET /<language>/search/ on
    ``site`` (a Site) as an anonymous visitor."""

    def get(site, q=None, language="en", **params):
        if q is not None:
            params["q"] = q
        return client.get(f"/{language}/search/", params, HTTP_HOST=site.hostname)

    return get


@pytest.fixture
def suggest(client):
    """``suggest(site, q, language="en")``: GET /<language>/search/suggest/."""

    def get(site, q, language="en"):
        return client.get(f"/{language}/search/suggest/", {"q": q}, HTTP_HOST=site.hostname)

    return get


def found(response):
    """The pages of the search results shown (promoted ones first)."""
    promoted = [item.page for item in response.context["promotions"] if hasattr(item, "page")]
    results = response.context["search_results"]
    return promoted + [hit.page for hit in (results or [])]


def found_titles(response):
    return [page.title for page in found(response)]


def translate(page, language, **fields):
    """Translate ``page`` (and its untranslated parents) into ``language``,
    set ``fields`` on the translation and publish them all."""
    locale = Locale.objects.get(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def tajikistan(site_tree):
    """A third mission site, Tajikistan, with an empty newsroom."""
    spec = MISSIONS[2]
    home = MissionHomePageFactory(title=spec.name, slug=spec.slug, country=spec.country)
    site = Site.objects.create(hostname=spec.hostname, port=80, root_page=home, site_name=spec.name)
    return SimpleNamespace(home=home, site=site, news=NewsIndexPageFactory(parent=home))
