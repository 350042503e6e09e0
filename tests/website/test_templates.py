"""The public templates: one h1, the page's language, alt text, canonical and
skip links, landmarks, tel: links, the language switcher, and error pages
that keep the site's look (500 without touching the database)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.views.defaults import server_error
from wagtail.images.templatetags import wagtailimages_tags
from wagtail.models import Locale

from tests.factories import ImageFactory, NewsItemPageFactory, report_section
from website.templatetags.site_tags import tel_href

TEL_HREF = re.compile(r"tel:\+?[0-9]+")

PAGES = [
    "regional",
    "regional_news",
    "report_index",
    "issue",
    "regional_gallery_index",
    "gallery",
    "contact_index",
    "kazakhstan",
    "kazakhstan_contact",
    "kazakhstan_news",
    "regional_story",
]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def story_with_lead_image(site_tree):
    return NewsItemPageFactory(
        parent=site_tree.regional_news, title="A story with a photo", with_lead_image=True
    )


# --- Every page type --------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_page_has_one_h1_language_canonical_skip_link_landmarks_and_alt_texts(
    site_tree, fetch_page, story_with_lead_image, name
):
    page = getattr(site_tree, name)

    response = fetch_page(page)

    assert response.status_code == 200
    soup = soup_of(response)
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == "en"
    assert soup.html["dir"] == "ltr"
    canonical = soup.find_all("link", rel="canonical")
    assert [link["href"] for link in canonical] == [page.get_full_url()]
    skip = soup.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert soup.find("main", id="main") is not None
    assert soup.find("header") is not None and soup.find("footer") is not None
    navs = soup.find_all("nav")
    assert navs and all(nav.get("aria-label") or nav.get("aria-labelledby") for nav in navs)
    assert all(img.has_attr("alt") for img in soup.find_all("img"))


def test_story_lead_image_loads_eagerly_with_its_alt_text_and_others_lazily(
    site_tree, fetch_page, story_with_lead_image
):
    soup = soup_of(fetch_page(story_with_lead_image))

    lead = soup.select_one(".story__lead-image img")
    assert lead["alt"] == "Migrants at a job fair"
    assert lead["loading"] == "eager"
    assert lead["fetchpriority"] == "high"
    assert lead.has_attr("width") and lead.has_attr("height")
    assert soup.select_one(".story__lead-image source[type='image/avif']") is not None
    assert "A job fair in Bishkek." in soup.select_one(".story__lead-image figcaption").text

    listing = soup_of(fetch_page(site_tree.regional_news))
    card_images = listing.select(".card img")
    assert card_images and all(img["loading"] == "lazy" for img in card_images)


def test_story_whose_lead_image_was_deleted_still_renders(site_tree, fetch_page):
    story = NewsItemPageFactory(parent=site_tree.regional_news, with_lead_image=True)
    story.lead_image.delete()
    story.refresh_from_db()

    response = fetch_page(story)

    assert response.status_code == 200
    assert soup_of(response).select_one(".story__lead-image") is None


# --- Telephone links ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "href"),
    [("+7 (800) 200-01-00", "+78002000100"), ("1899", "1899"), (" 11 616 ", "11616"), ("", "")],
)
def test_tel_href_filter_keeps_digits_and_a_leading_plus(number, href):
    assert tel_href(number) == href


@pytest.mark.parametrize("name", ["kyrgyzstan_contact", "contact_index", "kyrgyzstan", "issue"])
def test_tel_links_dial_only_digits_and_a_leading_plus(site_tree, fetch_page, name):
    page = getattr(site_tree, name)
    if name == "kyrgyzstan":  # the home page's hotline highlight
        page.hotline_label = "National hotline"
        page.hotline_number = "+996 312 98 60 10"
        page.save_revision().publish()

    soup = soup_of(fetch_page(page))

    hrefs = [a["href"] for a in soup.select("a[href^='tel:']")]
    assert "tel:+996312986010" in hrefs
    assert all(TEL_HREF.fullmatch(href) for href in hrefs), hrefs


def test_contact_page_lists_hotlines_before_emails(site_tree, fetch_page):
    soup = soup_of(fetch_page(site_tree.kyrgyzstan_contact))

    main = soup.find("main")
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert headings.index("Hotlines") < headings.index("E-mail")
    assert main.select_one("a[href='mailto:iombishkek@iom.int']") is not None


# --- Languages -------------------------------------------------------------------------


def test_language_switcher_is_absent_for_a_page_in_one_language(site_tree, fetch_page):
    soup = soup_of(fetch_page(site_tree.regional_story))

    assert soup.find(class_="language-switcher") is None
    assert soup.find_all("link", rel="alternate", hreflang=True) == []


def test_translated_page_links_its_translations_and_marks_the_current_one(site_tree, fetch_page):
    russian = Locale.objects.get(language_code="ru")
    story = site_tree.regional_story
    translated = story.copy_for_translation(russian, copy_parents=True)
    translated.title = "Региональная история"
    translated.save_revision().publish()
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()

    with translation.override("ru"):
        response = fetch_page(translated)

    soup = soup_of(response)
    assert soup.html["lang"] == "ru"
    links = soup.select(".language-switcher a")
    assert [(a["lang"], a.get_text(strip=True)) for a in links] == [
        ("en", "English"),
        ("ru", "Русский"),
    ]
    assert [a.get("aria-current") for a in links] == [None, "page"]
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": story.get_full_url(),
        "ru": translated.get_full_url(),
        "x-default": story.get_full_url(),
    }


# --- Report issues ---------------------------------------------------------------------


def test_report_issue_skips_stories_that_were_unpublished_or_deleted(site_tree, fetch_page):
    gone = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Deleted story")
    issue = site_tree.issue
    issue.sections = [
        report_section("Direct assistance", [site_tree.kazakhstan_stories[0], gone]),
        report_section("Partnerships", site_tree.kyrgyzstan_stories),
    ]
    issue.save_revision().publish()
    gone.delete()
    site_tree.kyrgyzstan_stories[0].unpublish()

    soup = soup_of(fetch_page(issue))

    titles = [a.get_text(strip=True) for a in soup.select(".report-story__title a")]
    assert titles == ["Kazakhstan story 1", "Kyrgyzstan story 2"]
    toc = [a["href"] for a in soup.select(".toc a")]
    assert toc == ["#section-1", "#section-2", "#contact-the-missions"]
    assert all(soup.find(id=href[1:]) is not None for href in toc)


def test_report_issue_queries_do_not_grow_with_its_stories(
    site_tree, client, django_assert_max_num_queries
):
    issue = site_tree.issue
    host = {"HTTP_HOST": site_tree.regional_site.hostname}
    url = issue.get_url_parts()[2]
    client.get(url, **host)  # renditions and caches are made on the first visit
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **host)
    few = len(queries)  # now: the log is emptied when the next request starts

    stories = [
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, with_lead_image=True)
        for _ in range(8)
    ]
    issue.sections = [
        report_section("Direct assistance", stories[:4]),
        report_section("Partnerships", stories[4:]),
    ]
    issue.save_revision().publish()
    client.get(url, **host)

    with django_assert_max_num_queries(few + 3):
        response = client.get(url, **host)
    assert len(soup_of(response).select(".report-story")) == 8


# --- Search ------------------------------------------------------------------------------


def test_search_escapes_the_query_and_says_when_nothing_matches(site_tree, client):
    response = client.get(
        "/en/search/", {"q": "<script>alert(1)</script>"}, HTTP_HOST="centralasia.localhost"
    )

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    soup = soup_of(response)
    assert len(soup.find_all("h1")) == 1
    assert "Nothing matches" in soup.select_one(".result-count").get_text()
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_search_without_a_query_asks_for_one(site_tree, client):
    soup = soup_of(client.get("/en/search/", HTTP_HOST="centralasia.localhost"))

    assert soup.select_one(".search-results") is None
    assert "Type one or more words" in soup.select_one(".empty").get_text()


# --- Error pages ----------------------------------------------------------------------------


def test_unknown_address_gets_a_404_page_in_the_sites_look(site_tree, client):
    response = client.get("/en/no-such-page/", HTTP_HOST="kazakhstan.localhost")

    assert response.status_code == 404
    soup = soup_of(response)
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == "en"
    assert soup.select_one(".site-name").get_text(strip=True) == "Kazakhstan"
    assert soup.find("link", rel="stylesheet")["href"].endswith("css/site.css")
    assert soup.find("footer") is not None
    assert soup.find("link", rel="canonical") is None


def test_500_page_renders_without_the_database():
    # No database fixture: any query would fail the test.
    html = render_to_string("500.html")

    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == "en"
    assert soup.find("style") is not None


def test_server_error_view_serves_the_500_page_without_the_database():
    response = server_error(RequestFactory().get("/en/"))

    assert response.status_code == 500
    assert b"Something went wrong" in response.content


# --- Image tags ----------------------------------------------------------------------


IMAGE_TAG_PAIRS = [
    ("picture", "format-{webp,jpeg} fill-{400x225,800x450}-c100", 'sizes="50vw" alt="A"'),
    ("srcset_image", "fill-{400x225,800x450}-c100", 'sizes="50vw" alt="A"'),
    ("image", "fill-400x225-c100", 'alt="A"'),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("wagtail_tag", "filters", "attrs"), IMAGE_TAG_PAIRS)
def test_wagtails_image_tags_keep_their_behaviour_and_ours_make_the_same_html(
    wagtail_tag, filters, attrs
):
    image = ImageFactory()
    engine = engines["django"].engine
    wagtails = engine.from_string(
        f"{{% load wagtailimages_tags site_tags %}}{{% {wagtail_tag} image {filters} {attrs} %}}"
    )
    ours = engine.from_string(
        "{% load wagtailimages_tags site_tags %}"
        f"{{% site_{wagtail_tag} image {filters} {attrs} %}}"
    )
    # Loading site_tags after Wagtail's library leaves Wagtail's tag as it is.
    node = wagtails.nodelist[-1]
    assert type(node).__module__ == wagtailimages_tags.__name__
    assert type(ours.nodelist[-1]).__module__ != wagtailimages_tags.__name__
    context = Context({"image": image})
    assert ours.render(context) == wagtails.render(context)
