"""The language switcher and the hreflang links offer exactly the languages a
page can be read in: live, public translations below a live home page in
their language, each by its own name, in settings.LANGUAGES order."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction, Site

from tests.i18n.conftest import localize
from website.sites import Frame
from website.templatetags.site_tags import page_translations

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    """[(lang, name, href)] of the language switcher's links."""
    return [
        (a["lang"], a.get_text(strip=True), a["href"]) for a in soup.select(".language-switcher a")
    ]


def alternates(soup):
    """{hreflang: href} of the page's alternate links (not its feeds')."""
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }


def path_of(page):
    return page.get_url_parts()[2]


def test_page_with_one_translation_links_english_and_russian(site_tree, fetch_page):
    story = site_tree.regional_story
    russian = localize(story, "ru")

    soup = soup_of(fetch_page(story))

    assert switcher(soup) == [
        ("en", "English", path_of(story)),
        ("ru", "Русский", path_of(russian)),
    ]
    assert alternates(soup) == {
        "en": story.get_full_url(),
        "ru": russian.get_full_url(),
        "x-default": story.get_full_url(),
    }


def test_translation_is_in_its_language_and_marked_current(site_tree, fetch_page):
    story = site_tree.regional_story
    russian = localize(story, "ru", {"Regional story": "Региональная история"})

    with translation.override("ru"):
        soup = soup_of(fetch_page(russian))

    assert (soup.html["lang"], soup.html["dir"]) == ("ru", "ltr")
    assert soup.h1.get_text(strip=True) == "Региональная история"
    current = soup.select(".language-switcher a[aria-current=page]")
    assert [a["lang"] for a in current] == ["ru"]
    assert soup.find("link", rel="canonical")["href"] == russian.get_full_url()


def test_page_with_three_live_translations_links_them_and_no_draft_or_missing_one(
    site_tree, fetch_page
):
    story = site_tree.regional_story
    russian = localize(story, "ru")
    kyrgyz = localize(story, "ky")
    tajik = localize(story, "tg")
    localize(story, "kk", publish=False)  # a draft: not offered

    soup = soup_of(fetch_page(story))

    assert switcher(soup) == [
        ("en", "English", path_of(story)),
        ("ru", "Русский", path_of(russian)),
        ("ky", "Кыргызча", path_of(kyrgyz)),
        ("tg", "Тоҷикӣ", path_of(tajik)),
    ]
    assert alternates(soup) == {
        "en": story.get_full_url(),
        "ru": russian.get_full_url(),
        "ky": kyrgyz.get_full_url(),
        "tg": tajik.get_full_url(),
        "x-default": story.get_full_url(),
    }
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert not [href for href in hrefs if "/kk/" in href]
    assert not [href for href in hrefs if "/uz/" in href or "/tk/" in href]


def test_no_link_to_a_translation_whose_home_page_is_not_live(site_tree, fetch_page):
    """Without a live Russian home page, /ru/ addresses of the site lead
    nowhere: the Russian story is not offered though it is live."""
    story = site_tree.regional_story
    localize(story, "ru")
    site_tree.regional.get_translation(Locale.objects.get(language_code="ru")).unpublish()

    soup = soup_of(fetch_page(story))

    assert switcher(soup) == []
    assert alternates(soup) == {}


def test_no_link_to_a_translation_in_a_private_section(site_tree, fetch_page):
    story = site_tree.regional_story
    russian = localize(story, "ru")
    PageViewRestriction.objects.create(
        page=russian.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )

    soup = soup_of(fetch_page(story))

    assert switcher(soup) == []


def test_translations_come_with_the_page_at_no_cost(site_tree, django_assert_num_queries):
    """Serving a page reads its translations with the request's frame
    (website/sites.py): the switcher and the hreflang links cost no query."""
    story = site_tree.regional_story
    localize(story, "ru")
    localize(story, "ky")
    request = RequestFactory().get(path_of(story), HTTP_HOST=site_tree.regional_site.hostname)
    # Cached as on a running site: the sites' root paths for every request.
    Site.get_site_root_paths()
    with translation.override("en"):
        request._site_frame = Frame(request, path_of(story).removeprefix("/en/"))

        with django_assert_num_queries(0):
            items = page_translations({"request": request}, story)

    assert [item["code"] for item in items] == ["en", "ru", "ky"]


def test_dates_are_written_in_the_pages_language(site_tree, fetch_page):
    story = site_tree.regional_story
    story.date = story.date.replace(year=2021, month=1, day=25)
    story.save_revision().publish()
    russian = localize(story, "ru")

    with translation.override("ru"):
        soup = soup_of(fetch_page(russian))

    time = soup.select_one(".story__meta time")
    assert time["datetime"] == "2021-01-25"
    assert time.get_text(strip=True) == "25 января 2021\u00a0г."
