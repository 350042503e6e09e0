"""The HTML every page type sends: in a translation too (one h1, the page's
language, alt texts, its own canonical address), complete link-preview tags
(Open Graph, X/Twitter), and pages built from unusual content that still
render. tests/website/test_templates.py checks the English pages' landmarks,
skip link and language switcher."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    GalleryPhotoFactory,
    ImageFactory,
    NewsItemPageFactory,
    PhotoGalleryPageFactory,
    paragraph,
    report_section,
)
from website.templatetags.site_tags import plain_text

PAGE_TYPES = [
    "regional",  # RegionalHomePage
    "regional_news",  # NewsIndexPage
    "regional_story",  # NewsItemPage
    "regional_gallery_index",  # GalleryIndexPage
    "gallery",  # PhotoGalleryPage
    "report_index",  # ReportIndexPage
    "issue",  # ReportIssuePage
    "contact_index",  # ContactIndexPage
    "kazakhstan",  # MissionHomePage
    "kazakhstan_contact",  # MissionContactPage
]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, name):
    """The content of <meta property=name> (or name=name), or None; fails
    when there are several."""
    found = soup.find_all("meta", property=name) or soup.find_all("meta", attrs={"name": name})
    assert len(found) <= 1, f"{len(found)} {name} tags"
    return found[0]["content"] if found else None


def assert_sound_page(soup, url, language, where):
    assert len(soup.find_all("h1")) == 1, where
    assert soup.html["lang"] == language, where
    canonical = [link["href"] for link in soup.find_all("link", rel="canonical")]
    assert canonical == [url], where
    assert all(img.has_attr("alt") for img in soup.find_all("img")), where


# --- Every page type, in a translation ----------------------------------------------------


def test_every_page_type_in_russian_is_sound_and_names_its_language(
    site_tree, fetch_page, translate
):
    for name in PAGE_TYPES:
        page = getattr(site_tree, name)
        russian = page.specific.get_translation_or_none(
            page.locale.__class__.objects.get(language_code="ru")
        )
        if russian is not None and russian.alias_of_id:
            # An alias of the English page (made with a child's translation)
            # is never served as a translation: converted, as an editor does.
            russian.alias_of_id = None
            russian.save(update_fields=["alias_of_id"])
            russian.save_revision().publish()
        if russian is None or not russian.live:
            russian = translate(page, "ru")

        response = fetch_page(russian)

        assert response.status_code == 200, name
        soup = soup_of(response)
        url = russian.get_full_url()
        assert "/ru/" in url
        assert_sound_page(soup, url, "ru", name)
        assert meta(soup, "og:url") == url, name
        assert meta(soup, "og:locale") == "ru_RU", name
        assert [
            tag["content"] for tag in soup.find_all("meta", property="og:locale:alternate")
        ] == ["en_GB"], name


# --- Link previews --------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_has_complete_link_preview_tags(site_tree, fetch_page, name):
    page = getattr(site_tree, name)

    soup = soup_of(fetch_page(page))

    url = page.get_full_url()
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:title") == page.title
    assert meta(soup, "og:site_name")
    assert meta(soup, "og:type") == (
        "article" if name in ("regional_story", "issue") else "website"
    )
    assert meta(soup, "og:locale") == "en_GB"
    assert meta(soup, "twitter:card") in {"summary", "summary_large_image"}
    # The page's summary, else the words of its introduction.
    specific = page.specific
    description = getattr(specific, "summary", "") or plain_text(
        getattr(specific, "intro", "") or getattr(specific, "description", "")
    )
    assert meta(soup, "og:description") == description.strip()
    assert meta(soup, "description") == description.strip()


def test_story_with_a_lead_image_shares_it_large_from_its_own_site(site_tree, fetch_page):
    story = NewsItemPageFactory(parent=site_tree.kazakhstan_news, with_lead_image=True)
    story.save_revision().publish()

    soup = soup_of(fetch_page(story))

    image = meta(soup, "og:image")
    assert image.startswith("http://kazakhstan.localhost/media/images/")
    assert meta(soup, "og:image:alt") == "Migrants at a job fair"
    assert int(meta(soup, "og:image:width")) > 0
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "article:published_time").startswith("2024-")


def test_story_without_a_lead_image_renders_with_a_small_card(site_tree, fetch_page):
    story = site_tree.regional_story
    assert story.lead_image is None

    response = fetch_page(story)

    assert response.status_code == 200
    soup = soup_of(response)
    assert_sound_page(soup, story.get_full_url(), "en", "story")
    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"
    assert soup.select_one(".story__lead-image") is None


def test_gallery_is_shared_with_its_first_photo(site_tree, fetch_page):
    soup = soup_of(fetch_page(site_tree.gallery))

    assert meta(soup, "og:image").startswith("http://kazakhstan.localhost/media/images/")
    assert meta(soup, "og:image:alt") == "A shoemaker at his workbench"
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_report_issue_is_shared_with_its_cover(site_tree, fetch_page):
    issue = site_tree.issue
    issue.cover_image = ImageFactory()
    issue.cover_image_alt = "The cover: a family at a border crossing"
    issue.save_revision().publish()

    soup = soup_of(fetch_page(issue))

    assert meta(soup, "og:image").startswith("http://centralasia.localhost/media/images/")
    assert meta(soup, "og:image:alt") == "The cover: a family at a border crossing"


# --- Unusual content --------------------------------------------------------------------------


def test_gallery_without_photos_renders(site_tree, fetch_page):
    empty = PhotoGalleryPageFactory(parent=site_tree.kazakhstan_gallery_index, title="Soon")

    response = fetch_page(empty)

    assert response.status_code == 200
    soup = soup_of(response)
    assert_sound_page(soup, empty.get_full_url(), "en", "gallery")
    assert meta(soup, "og:image") is None
    # The gallery index lists it too.
    assert "Soon" in fetch_page(site_tree.kazakhstan_gallery_index).content.decode()


def test_report_section_without_stories_renders_its_heading(site_tree, fetch_page):
    issue = site_tree.issue
    issue.sections = [
        report_section("Nothing yet", [], intro="Stories will follow."),
        report_section("Partnerships", [site_tree.kazakhstan_stories[1]]),
    ]
    issue.save_revision().publish()

    response = fetch_page(issue)

    assert response.status_code == 200
    soup = soup_of(response)
    assert_sound_page(soup, issue.get_full_url(), "en", "issue")
    text = soup.find("main").get_text()
    assert "Nothing yet" in text and "Stories will follow." in text
    assert "Kazakhstan story 2" in text


def test_story_with_a_very_long_title_renders_everywhere(site_tree, fetch_page, client):
    title = ("Migrants return home and find work " * 8)[:255].strip()
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title=title, slug="long-title", with_lead_image=True
    )

    response = fetch_page(story)

    assert response.status_code == 200
    soup = soup_of(response)
    assert_sound_page(soup, story.get_full_url(), "en", "story")
    assert soup.h1.get_text(strip=True) == title
    assert meta(soup, "og:title") == title
    for page in (site_tree.kyrgyzstan_news, site_tree.kyrgyzstan, site_tree.regional):
        assert title in soup_of(fetch_page(page)).get_text(), page
    assert client.get("/en/feeds/rss/", HTTP_HOST="kyrgyzstan.localhost").status_code == 200


def test_story_body_with_broken_links_renders_their_words(site_tree, fetch_page):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        body=[
            paragraph(
                '<p>See <a linktype="page" id="999999">a deleted page</a>, '
                '<a linktype="document" id="999999">a deleted file</a>.</p>'
            )
        ],
    )

    response = fetch_page(story)

    assert response.status_code == 200
    soup = soup_of(response)
    body = soup.select_one(".story__body").get_text()
    assert "a deleted page" in body and "a deleted file" in body
    assert_sound_page(soup, story.get_full_url(), "en", "story")


def test_gallery_photo_whose_image_was_deleted_is_left_out(site_tree, fetch_page):
    gallery = PhotoGalleryPageFactory(parent=site_tree.kazakhstan_gallery_index)
    photo = GalleryPhotoFactory(page=gallery, alt_text="Gone soon")
    kept = GalleryPhotoFactory(page=gallery, alt_text="Still here")
    photo.image.delete()  # deletes the photo with it (on_delete=CASCADE)

    response = fetch_page(gallery)

    assert response.status_code == 200
    soup = soup_of(response)
    alts = [img["alt"] for img in soup.find("main").find_all("img")]
    assert kept.alt_text in alts and "Gone soon" not in alts


def test_gallery_share_image_follows_a_new_first_photo_with_the_page_cache_on(
    site_tree, fetch_page, page_cache
):
    gallery = site_tree.gallery
    assert meta(soup_of(fetch_page(gallery)), "og:image:alt") == "A shoemaker at his workbench"

    GalleryPhotoFactory(page=gallery, sort_order=-1, alt_text="A new first photo")

    assert meta(soup_of(fetch_page(gallery)), "og:image:alt") == "A new first photo"
