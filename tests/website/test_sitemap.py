"""/sitemap.xml and /robots.txt of each site (website/sitemaps.py)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import NewsItemPageFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
REGIONAL = "centralasia.localhost"
KAZAKHSTAN = "kazakhstan.localhost"
KYRGYZSTAN = "kyrgyzstan.localhost"


@pytest.fixture
def sitemap(client):
    """``sitemap(host)``: {location: {hreflang: href}} of the host's sitemap;
    ``sitemap.lastmod``: {location: lastmod} of the last one fetched."""

    def fetch(host):
        response = client.get("/sitemap.xml", HTTP_HOST=host)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        root = ET.fromstring(response.content)
        entries = {}
        for url in root.iter(f"{SITEMAP}url"):
            location = url.findtext(f"{SITEMAP}loc")
            assert location not in entries, f"{location} is listed twice"
            fetch.lastmod[location] = url.findtext(f"{SITEMAP}lastmod")
            entries[location] = {
                link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
            }
        return entries

    fetch.lastmod = {}
    return fetch


def test_sitemap_lists_every_live_page_of_the_site_and_no_other_sites(site_tree, sitemap):
    entries = sitemap(KAZAKHSTAN)

    expected = {
        page.get_full_url()
        for page in [
            site_tree.kazakhstan,
            site_tree.kazakhstan_news,
            site_tree.kazakhstan_gallery_index,
            site_tree.kazakhstan_contact,
            site_tree.gallery,
            *site_tree.kazakhstan_stories,
        ]
    }
    assert set(entries) == expected
    assert all(location.startswith("http://kazakhstan.localhost/en/") for location in entries)
    # A page in one language has no alternates.
    assert all(alternates == {} for alternates in entries.values())


def test_regional_sitemap_lists_the_regional_pages_not_the_missions(site_tree, sitemap):
    entries = sitemap(REGIONAL)

    assert site_tree.issue.get_full_url() in entries
    assert site_tree.regional_story.get_full_url() in entries
    assert site_tree.contact_index.get_full_url() in entries
    assert not any("kazakhstan" in location or "kyrgyzstan" in location for location in entries)


def test_sitemap_lists_every_language_with_hreflang_alternates(site_tree, sitemap, translate):
    story = site_tree.kyrgyzstan_stories[0]
    russian = translate(story, "ru", "Кыргызская история")
    kazakh_draft = translate(story, "kk", publish=False)

    entries = sitemap(KYRGYZSTAN)

    english_url, russian_url = story.get_full_url(), russian.get_full_url()
    assert russian_url.startswith("http://kyrgyzstan.localhost/ru/")
    alternates = {"en": english_url, "ru": russian_url, "x-default": english_url}
    assert entries[english_url] == alternates
    assert entries[russian_url] == alternates
    # The Russian home page (made with the story) is listed with its English
    # original; the Kazakh story is a draft: listed nowhere, named by no page.
    russian_home = russian.get_parent().get_parent()
    assert entries[russian_home.get_full_url()]["ru"] == russian_home.get_full_url()
    assert entries[site_tree.kyrgyzstan.get_full_url()]["ru"] == russian_home.get_full_url()
    assert kazakh_draft.get_full_url() not in entries
    assert all(
        kazakh_draft.get_full_url() not in alternates.values() for alternates in entries.values()
    )


def test_sitemap_leaves_out_drafts_private_sections_and_expired_pages(site_tree, sitemap):
    news = site_tree.kyrgyzstan_news
    draft = NewsItemPageFactory(parent=news, title="Draft story", live=False)
    private = NewsItemPageFactory(parent=news, title="Private story")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    expired = NewsItemPageFactory(parent=news, title="Expired story")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    # A whole private section: the gallery index and the gallery below it.
    PageViewRestriction.objects.create(
        page=site_tree.kazakhstan_gallery_index, restriction_type="password", password="x"
    )

    kyrgyz = sitemap(KYRGYZSTAN)
    kazakh = sitemap(KAZAKHSTAN)

    for page in (draft, private, expired):
        assert page.get_full_url() not in kyrgyz
    assert site_tree.kyrgyzstan_stories[0].get_full_url() in kyrgyz
    assert site_tree.kazakhstan_gallery_index.get_full_url() not in kazakh
    assert site_tree.gallery.get_full_url() not in kazakh
    assert site_tree.kazakhstan_news.get_full_url() in kazakh


def test_unknown_host_gets_the_default_sites_sitemap(site_tree, sitemap):
    entries = sitemap("localhost")

    assert site_tree.regional.get_full_url() in entries


def test_sitemap_shows_a_publish_at_once_with_the_page_cache_on(site_tree, sitemap, page_cache):
    before = sitemap(KYRGYZSTAN)
    story = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="New", live=False)
    assert story.get_full_url() not in sitemap(KYRGYZSTAN)

    story.save_revision().publish()
    story.refresh_from_db()

    assert set(sitemap(KYRGYZSTAN)) == set(before) | {story.get_full_url()}
    assert sitemap.lastmod[story.get_full_url()] == timezone.localdate().isoformat()
    story.unpublish()
    assert set(sitemap(KYRGYZSTAN)) == set(before)


def test_sitemap_pages_beyond_the_first_are_not_found(site_tree, client):
    assert client.get("/sitemap.xml", {"p": "2"}, HTTP_HOST=KYRGYZSTAN).status_code == 404
    assert client.get("/sitemap.xml", {"p": "abc"}, HTTP_HOST=KYRGYZSTAN).status_code == 404


# --- robots.txt ------------------------------------------------------------------------------


@pytest.mark.parametrize("host", [REGIONAL, KYRGYZSTAN])
def test_robots_txt_names_the_sites_sitemap_and_keeps_crawlers_out_of_admin_and_search(
    site_tree, client, host
):
    response = client.get("/robots.txt", HTTP_HOST=host)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: http://{host}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    for code in ("en", "ru", "kk", "ky", "tg", "tk", "uz"):
        assert f"Disallow: /{code}/search/" in lines
    # Nothing else is kept from crawlers: not the pages, feeds or media.
    disallowed = [line for line in lines if line.startswith("Disallow:")]
    assert len(disallowed) == 8
    assert client.get("/sitemap.xml", HTTP_HOST=host).status_code == 200


def test_robots_txt_and_sitemap_answer_without_a_language_prefix(site_tree, client):
    for path in ("/robots.txt", "/sitemap.xml"):
        response = client.get(path, HTTP_HOST=KAZAKHSTAN, HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 200, path
