"""Fixtures of the feed, sitemap, structured data and page HTML tests."""

import feedparser
import pytest
from wagtail.models import Locale


@pytest.fixture
def translate(site_tree):
    """``translate(page, "ru", title=…, publish=True)``: the page's translation,
    made as wagtail-localize makes it (a copy in the locale, with its missing
    parents), its title set, published with its ancestors."""

    def make(page, language_code, title=None, publish=True):
        locale = Locale.objects.get(language_code=language_code)
        translated = page.specific.copy_for_translation(locale, copy_parents=True)
        translated.title = title or f"[{language_code}] {page.title}"
        revision = translated.save_revision()
        if publish:
            revision.publish()
            for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
                if not ancestor.live:
                    ancestor.save_revision().publish()
        translated.refresh_from_db()
        return translated

    return make


@pytest.fixture
def get_feed(client):
    """``get_feed(host, path, **query)``: (response, feedparser result)."""

    def fetch(host, path, **query):
        response = client.get(path, query, HTTP_HOST=host)
        parsed = feedparser.parse(response.content) if response.status_code == 200 else None
        return response, parsed

    return fetch
