"""schema.org JSON-LD (website/structured_data.py): a NewsArticle on stories,
an Organization with its ContactPoints on mission contact pages, escaped so
no value can end the script element, and no nonce (the page stays cacheable)."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    ImageFactory,
    NewsItemPageFactory,
    contact_email,
    emergency_number,
    hotline,
    story_body,
)
from website.cache_middleware import CACHE_HEADER
from website.structured_data import json_ld_script


def json_ld(response):
    """The parsed JSON-LD blocks of a page."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def test_story_has_a_news_article(site_tree, fetch_page):
    story = site_tree.kyrgyzstan_stories[0]
    story.date = datetime.date(2025, 6, 2)
    story.save_revision().publish()
    story.refresh_from_db()

    [article] = json_ld(fetch_page(story))

    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Kyrgyzstan story 1"
    assert article["description"] == "The summary of Kyrgyzstan story 1."
    assert article["datePublished"] == "2025-06-02T00:00:00+05:00"
    modified = datetime.datetime.fromisoformat(article["dateModified"])
    assert abs(modified - story.last_published_at) < datetime.timedelta(milliseconds=1)
    assert article["inLanguage"] == "en"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": story.get_full_url()}
    assert article["author"] == {
        "@type": "Organization",
        "name": "Kyrgyzstan",
        "url": site_tree.kyrgyzstan.get_full_url(),
    }
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == "Central Asia"
    assert "image" not in article  # no lead image


def test_story_with_a_lead_image_names_its_absolute_url(site_tree, fetch_page):
    story = NewsItemPageFactory(parent=site_tree.kazakhstan_news, with_lead_image=True)

    response = fetch_page(story)

    [article] = json_ld(response)
    [image] = article["image"]
    assert image["@type"] == "ImageObject"
    assert image["url"].startswith("http://kazakhstan.localhost/media/images/")
    assert image["creditText"] == "© IOM"  # the image's credit
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", property="og:image")["content"] == image["url"]


def test_the_share_image_carries_the_image_rights_and_licence(site_tree, fetch_page):
    image = ImageFactory(
        credit="© IOM / Aida Bekova",
        rights="© IOM 2026. Some rights reserved.",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
    )
    story = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news, lead_image=image, lead_image_alt="Families"
    )

    [article] = json_ld(fetch_page(story))

    [data] = article["image"]
    assert data["creditText"] == "© IOM / Aida Bekova"
    assert data["copyrightNotice"] == "© IOM 2026. Some rights reserved."
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_an_expired_lead_image_is_neither_shown_nor_shared(site_tree, fetch_page):
    image = ImageFactory(usage_expires=datetime.date(2020, 1, 1))
    story = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news, lead_image=image, lead_image_alt="Families"
    )

    response = fetch_page(story)

    [article] = json_ld(response)
    assert "image" not in article
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", property="og:image") is None
    assert soup.find("img", alt="Families") is None
    assert "/media/images/" not in response.content.decode()


def test_russian_story_is_in_russian(site_tree, fetch_page, translate):
    russian = translate(site_tree.kyrgyzstan_stories[0], "ru", "Кыргызская история")

    [article] = json_ld(fetch_page(russian))

    assert article["inLanguage"] == "ru"
    assert article["headline"] == "Кыргызская история"
    assert article["mainEntityOfPage"]["@id"] == russian.get_full_url()
    assert "/ru/" in article["mainEntityOfPage"]["@id"]


def test_very_long_headline_is_shortened_to_what_search_engines_show(site_tree, fetch_page):
    story = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news, title="Migrants return home " * 12, slug="long"
    )

    [article] = json_ld(fetch_page(story))

    assert len(article["headline"]) <= 110
    assert article["headline"].startswith("Migrants return home Migrants")


def test_values_cannot_end_the_script_element(site_tree, fetch_page):
    title = '</script><script>alert("x")</script> & <!-- more'
    story = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news, title=title, slug="odd", body=story_body("Plain.")
    )

    response = fetch_page(story)

    assert b'<script>alert("x")' not in response.content
    [article] = json_ld(response)
    assert article["headline"] == title


def test_json_ld_script_escapes_like_json_script():
    html = json_ld_script({"name": "<b>&</b>"})

    assert html == (
        '<script type="application/ld+json">{"name": "\\u003Cb\\u003E\\u0026\\u003C/b\\u003E"}'
        "</script>"
    )


def test_mission_contact_page_has_an_organization_with_contact_points(site_tree, fetch_page):
    contact = site_tree.kyrgyzstan_contact
    contact.hotlines = [
        hotline("+996 312 98 60 10", label="National hotline", toll_free=True),
        hotline("+996 555 00 00 00", label="Office line", toll_free=False),
    ]
    contact.emergency_numbers = [emergency_number("+996 700 00 00 00", label="Emergency")]
    contact.emails = [contact_email("iomkyrgyzstan@iom.int", label="General enquiries")]
    contact.save_revision().publish()
    home = site_tree.kyrgyzstan
    home.languages_spoken = "Kyrgyz, Russian, English"
    home.save_revision().publish()

    [organization] = json_ld(fetch_page(contact))

    assert organization["@type"] == "Organization"
    assert organization["name"] == "Kyrgyzstan"
    assert organization["url"] == home.get_full_url()
    assert organization["parentOrganization"]["name"] == "Central Asia"
    points = organization["contactPoint"]
    assert all(point["@type"] == "ContactPoint" for point in points)
    assert all(point["areaServed"] == "KG" for point in points)
    assert all(point["availableLanguage"] == ["Kyrgyz", "Russian", "English"] for point in points)
    assert [(p["contactType"], p.get("telephone"), p.get("email")) for p in points] == [
        ("National hotline", "+996 312 98 60 10", None),
        ("Office line", "+996 555 00 00 00", None),
        ("Emergency", "+996 700 00 00 00", None),
        ("General enquiries", None, "iomkyrgyzstan@iom.int"),
    ]
    assert points[0]["contactOption"] == "TollFree"
    assert "contactOption" not in points[1]
    [office] = organization["address"]
    assert office["@type"] == "PostalAddress"
    assert office["addressLocality"] == "Almaty"
    assert office["addressCountry"] == "KG"


def test_contact_page_without_hotlines_or_languages_still_has_its_organization(
    site_tree, fetch_page
):
    contact = site_tree.kazakhstan_contact
    contact.hotlines = []
    contact.emergency_numbers = []
    contact.offices = []
    contact.save_revision().publish()
    home = site_tree.kazakhstan
    home.languages_spoken = ""
    home.save_revision().publish()

    response = fetch_page(contact)

    assert response.status_code == 200
    [organization] = json_ld(response)
    assert [point["email"] for point in organization["contactPoint"]] == ["iomastana@iom.int"]
    assert "availableLanguage" not in organization["contactPoint"][0]
    assert "address" not in organization


@pytest.mark.parametrize(
    "name",
    ["regional", "regional_news", "issue", "gallery", "contact_index", "kazakhstan"],
)
def test_other_pages_have_no_json_ld(site_tree, fetch_page, name):
    assert json_ld(fetch_page(getattr(site_tree, name))) == []


def test_json_ld_needs_no_nonce_so_the_story_stays_in_the_page_cache(
    site_tree, fetch_page, page_cache
):
    story = site_tree.kyrgyzstan_stories[0]

    first = fetch_page(story)
    second = fetch_page(story)

    soup = BeautifulSoup(first.content, "html.parser")
    script = soup.find("script", type="application/ld+json")
    assert script is not None and not script.has_attr("nonce")
    assert "'nonce-" not in first["Content-Security-Policy"]
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert json_ld(second) == json_ld(first)
