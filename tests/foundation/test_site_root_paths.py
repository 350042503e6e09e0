"""The sites' root paths Wagtail makes links with: the request's frame gives
the list Wagtail would read from the cache (website.sites.Frame.site_root_paths),
so that a page's links cost no round trip to the cache."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from tests.i18n.conftest import localize
from website.sites import Frame

pytestmark = pytest.mark.django_db


def frame_of(site, path=""):
    request = RequestFactory().get("/en/" + path, HTTP_HOST=site.hostname)
    with translation.override("en"):
        return Frame(request, path)


def test_the_frame_gives_the_root_paths_wagtail_would_read(site_tree):
    # Home pages in other languages, as the sites have.
    localize(site_tree.regional, "ru")
    localize(site_tree.kyrgyzstan, "ky")
    cache.clear()
    expected = Site.get_site_root_paths()
    assert len(expected) > len(Site.objects.all())  # translations are there

    for site in (site_tree.regional_site, site_tree.kyrgyzstan_site):
        assert frame_of(site).site_root_paths() == expected


def test_served_pages_link_with_the_frames_root_paths(site_tree, client, monkeypatch):
    cache.clear()
    Site.get_site_root_paths()  # kept in the cache, as on a running site

    def unused():
        raise AssertionError("the sites' root paths were read from the cache")

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(unused))
    story = site_tree.kyrgyzstan_stories[0]
    response = client.get("/en/", HTTP_HOST=site_tree.regional_site.hostname)
    assert response.status_code == 200
    assert story.title in response.content.decode()
