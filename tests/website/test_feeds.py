"""RSS and Atom feeds (website/feeds.py): per site, language and topic, with
the stories the site's news index lists, each linking to its one address."""

import datetime
import zoneinfo
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import NewsItemPageFactory, TopicFactory
from website.cache_middleware import CACHE_HEADER

REGIONAL = "centralasia.localhost"
KAZAKHSTAN = "kazakhstan.localhost"
KYRGYZSTAN = "kyrgyzstan.localhost"
FORMATS = ["rss", "atom"]


def titles(parsed):
    return [entry.title for entry in parsed.entries]


# --- What a feed holds ---------------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
def test_mission_feed_lists_its_stories_and_those_shared_with_it(site_tree, get_feed, kind):
    shared = site_tree.kyrgyzstan_stories[0]
    shared.shared_with.add(site_tree.kazakhstan_site)
    shared.save_revision().publish()

    response, parsed = get_feed(KAZAKHSTAN, f"/en/feeds/{kind}/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    assert not parsed.bozo, parsed.bozo_exception
    # Newest first by the story's date (the factory dates them a day apart).
    assert titles(parsed) == ["Kyrgyzstan story 1", "Kazakhstan story 2", "Kazakhstan story 1"]
    entry = parsed.entries[0]
    # The shared story links to its one address, on the Kyrgyz site.
    assert entry.link == shared.get_full_url()
    assert urlsplit(entry.link).hostname == KYRGYZSTAN
    assert entry.author == "Kyrgyzstan"
    assert parsed.entries[1].author == "Kazakhstan"
    assert parsed.feed.title == "News – Kazakhstan"
    assert parsed.feed.link == site_tree.kazakhstan_news.get_full_url()


@pytest.mark.parametrize("kind", FORMATS)
def test_regional_feed_lists_every_missions_stories(site_tree, get_feed, kind):
    _response, parsed = get_feed(REGIONAL, f"/en/feeds/{kind}/")

    assert sorted(titles(parsed)) == sorted(
        [
            "Regional story",
            "Kazakhstan story 1",
            "Kazakhstan story 2",
            "Kyrgyzstan story 1",
            "Kyrgyzstan story 2",
        ]
    )
    links = {entry.title: entry.link for entry in parsed.entries}
    assert links["Kazakhstan story 1"] == site_tree.kazakhstan_stories[0].get_full_url()
    assert urlsplit(links["Kazakhstan story 1"]).hostname == KAZAKHSTAN


@pytest.mark.parametrize("kind", FORMATS)
def test_item_has_summary_date_topics_and_lead_image(site_tree, get_feed, kind):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Returnees open a bakery",
        date=datetime.date(2030, 3, 1),
        with_lead_image=True,
    )
    story.topics.add(site_tree.topic)
    story.save_revision().publish()

    _response, parsed = get_feed(KYRGYZSTAN, f"/en/feeds/{kind}/")

    entry = parsed.entries[0]
    assert entry.title == "Returnees open a bakery"
    assert entry.summary == "The summary of Returnees open a bakery."
    # Published today, dated in 2030: the start of its day, in Almaty.
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == datetime.datetime(2030, 3, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))
    assert [tag.term for tag in entry.tags] == ["Counter-trafficking"]
    image = entry.media_content[0]
    assert image["medium"] == "image"
    assert urlsplit(image["url"]).hostname == KYRGYZSTAN
    assert image["url"].startswith("http://kyrgyzstan.localhost/media/images/")
    # A story without a photo has none.
    assert "media_content" not in parsed.entries[1]


def test_feed_dates_a_story_published_on_its_day_at_its_publication_time(site_tree, get_feed):
    story = site_tree.kyrgyzstan_stories[1]
    story.date = timezone.localdate()
    story.save_revision().publish()
    story.refresh_from_db()

    _response, parsed = get_feed(KYRGYZSTAN, "/en/feeds/atom/")

    entry = next(entry for entry in parsed.entries if entry.title == "Kyrgyzstan story 2")
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - story.first_published_at) < datetime.timedelta(seconds=1)


# --- Languages -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
def test_russian_feed_holds_the_russian_translations_only(site_tree, get_feed, translate, kind):
    english = site_tree.kyrgyzstan_stories[0]
    russian = translate(english, "ru", "Кыргызская история")

    _response, parsed = get_feed(KYRGYZSTAN, f"/ru/feeds/{kind}/")

    assert titles(parsed) == ["Кыргызская история"]
    assert parsed.entries[0].link == russian.get_full_url()
    assert "/ru/" in parsed.entries[0].link
    assert parsed.feed.language == "ru"
    _response, english_feed = get_feed(KYRGYZSTAN, f"/en/feeds/{kind}/")
    assert "Кыргызская история" not in titles(english_feed)
    assert english_feed.feed.language == "en"


def test_shared_story_in_russian_appears_in_the_russian_feed_of_the_site_it_is_shared_with(
    site_tree, get_feed, translate
):
    story = site_tree.kyrgyzstan_stories[0]
    story.shared_with.add(site_tree.kazakhstan_site)
    story.save_revision().publish()
    translate(site_tree.kazakhstan_news, "ru", "Новости")
    russian = translate(story, "ru", "Кыргызская история")

    _response, parsed = get_feed(KAZAKHSTAN, "/ru/feeds/rss/")

    assert titles(parsed) == ["Кыргызская история"]
    assert parsed.entries[0].link == russian.get_full_url()
    assert urlsplit(parsed.entries[0].link).hostname == KYRGYZSTAN


@pytest.mark.parametrize("path", ["/kk/feeds/rss/", "/ru/feeds/atom/", "/xx/feeds/rss/"])
def test_feed_in_a_language_the_site_is_not_published_in_is_not_found(site_tree, client, path):
    assert client.get(path, HTTP_HOST=KYRGYZSTAN).status_code == 404


# --- What is never in a feed -----------------------------------------------------------


@pytest.fixture
def hidden_stories(site_tree):
    """A draft, a private, a password-protected and an expired Kyrgyz story,
    all tagged with the topic and shared with Kazakhstan."""
    news = site_tree.kyrgyzstan_news
    draft = NewsItemPageFactory(parent=news, title="Draft story", live=False)
    private = NewsItemPageFactory(parent=news, title="Private story")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    protected = NewsItemPageFactory(parent=news, title="Password story")
    PageViewRestriction.objects.create(page=protected, restriction_type="password", password="x")
    expired = NewsItemPageFactory(parent=news, title="Expired story")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    stories = [draft, private, protected, expired]
    for story in stories:
        story.topics.add(site_tree.topic)
        story.shared_with.add(site_tree.kazakhstan_site)
        story.save()
    return stories


@pytest.mark.parametrize(
    ("host", "path"),
    [
        (KYRGYZSTAN, "/en/feeds/rss/"),
        (KYRGYZSTAN, "/en/feeds/atom/"),
        (KAZAKHSTAN, "/en/feeds/rss/"),
        (REGIONAL, "/en/feeds/atom/"),
        (KYRGYZSTAN, "/en/feeds/topics/counter-trafficking/rss/"),
        (REGIONAL, "/en/feeds/topics/counter-trafficking/atom/"),
    ],
)
def test_draft_private_and_expired_stories_are_in_no_feed(
    site_tree, hidden_stories, get_feed, host, path
):
    response, parsed = get_feed(host, path)

    assert response.status_code == 200
    shown = titles(parsed)
    for story in hidden_stories:
        assert story.title not in shown
    assert b"Draft story" not in response.content and b"Password story" not in response.content


# --- Topics ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
def test_topic_feed_lists_the_stories_of_the_topic(site_tree, get_feed, kind):
    _response, parsed = get_feed(REGIONAL, f"/en/feeds/topics/counter-trafficking/{kind}/")

    assert titles(parsed) == ["Kyrgyzstan story 1"]
    assert parsed.feed.title == "Counter-trafficking – News – Central Asia"
    assert parsed.feed.link == site_tree.regional_news.get_full_url() + "?topic=counter-trafficking"


def test_topic_feed_of_a_topic_without_stories_is_empty(site_tree, get_feed):
    TopicFactory(name="Migrant health", slug="migrant-health")

    response, parsed = get_feed(KAZAKHSTAN, "/en/feeds/topics/migrant-health/rss/")

    assert response.status_code == 200
    assert parsed.entries == []


@pytest.mark.parametrize("slug", ["no-such-topic", "Counter-Trafficking", "%00", "x" * 300])
def test_unknown_topic_is_not_found(site_tree, client, slug):
    response = client.get(f"/en/feeds/topics/{slug}/rss/", HTTP_HOST=REGIONAL)

    assert response.status_code == 404


def test_russian_topic_feed_names_the_topic_in_russian(site_tree, get_feed, translate):
    topic_ru = site_tree.topic.copy_for_translation(
        site_tree.topic.locale.__class__.objects.get(language_code="ru")
    )
    topic_ru.name = "Борьба с торговлей людьми"
    topic_ru.save()
    translate(site_tree.kyrgyzstan_stories[0], "ru", "Кыргызская история")

    _response, parsed = get_feed(KYRGYZSTAN, "/ru/feeds/topics/counter-trafficking/rss/")

    assert titles(parsed) == ["Кыргызская история"]
    assert parsed.feed.title.startswith("Борьба с торговлей людьми – ")
    assert [tag.term for tag in parsed.entries[0].tags] == ["Борьба с торговлей людьми"]


# --- Odd input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "99999999999999999999999"},
        {"topic": "<script>alert(1)</script>"},
        {"topic": "a\x00b"},
        {"year": "-1", "mission": "nowhere"},
        {"utm_source": "newsletter", "format": "json"},
        {"q": "é" * 2000},
    ],
)
@pytest.mark.parametrize("path", ["/en/feeds/rss/", "/en/feeds/topics/counter-trafficking/atom/"])
def test_odd_query_strings_do_not_change_a_feed(site_tree, get_feed, query, path):
    _response, plain = get_feed(REGIONAL, path)

    response, parsed = get_feed(REGIONAL, path, **query)

    assert response.status_code == 200
    assert titles(parsed) == titles(plain)
    assert b"<script>" not in response.content


def test_story_with_markup_and_a_very_long_title_is_escaped_and_kept_whole(site_tree, get_feed):
    title = "Migrants & <families> " + "return home " * 19  # 250 characters of 255
    NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title=title.strip(),
        slug="migrants-return",
        date=datetime.date(2031, 1, 1),
    )

    for kind in FORMATS:
        response, parsed = get_feed(KYRGYZSTAN, f"/en/feeds/{kind}/")
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.entries[0].title == title.strip()
        assert b"<families>" not in response.content


# --- Advertised in the pages' heads -------------------------------------------------------


def feed_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (link["type"], link["href"])
        for link in soup.head.find_all("link", rel="alternate", type=True)
    ]


def test_pages_advertise_their_sites_feeds_in_their_language(
    site_tree, fetch_page, translate, client
):
    assert feed_links(fetch_page(site_tree.kazakhstan_stories[0])) == [
        ("application/rss+xml", "/en/feeds/rss/"),
        ("application/atom+xml", "/en/feeds/atom/"),
    ]
    russian = translate(site_tree.kazakhstan_stories[0], "ru")
    assert feed_links(fetch_page(russian)) == [
        ("application/rss+xml", "/ru/feeds/rss/"),
        ("application/atom+xml", "/ru/feeds/atom/"),
    ]
    for _type, href in feed_links(fetch_page(russian)):
        assert client.get(href, HTTP_HOST=KAZAKHSTAN).status_code == 200


def test_topic_filtered_listing_advertises_the_topics_feeds(site_tree, fetch_page, client):
    links = feed_links(fetch_page(site_tree.regional_news, topic="counter-trafficking"))

    assert links == [
        ("application/rss+xml", "/en/feeds/rss/"),
        ("application/atom+xml", "/en/feeds/atom/"),
        ("application/rss+xml", "/en/feeds/topics/counter-trafficking/rss/"),
        ("application/atom+xml", "/en/feeds/topics/counter-trafficking/atom/"),
    ]
    for _type, href in links:
        assert client.get(href, HTTP_HOST=REGIONAL).status_code == 200
    unknown = feed_links(fetch_page(site_tree.regional_news, topic="no-such-topic"))
    assert len(unknown) == 2


# --- Cache ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
def test_feed_is_cached_and_a_publish_shows_in_it_at_once(site_tree, get_feed, page_cache, kind):
    path = f"/en/feeds/{kind}/"
    first, _parsed = get_feed(KYRGYZSTAN, path)
    again, _parsed = get_feed(KYRGYZSTAN, path)
    assert first[CACHE_HEADER] == "miss"
    assert again[CACHE_HEADER] == "hit"

    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Hotline answers ten thousand calls",
        date=datetime.date(2031, 1, 1),
        live=False,
    )
    story.save_revision().publish()

    response, parsed = get_feed(KYRGYZSTAN, path)
    assert response[CACHE_HEADER] == "miss"
    assert titles(parsed)[0] == "Hotline answers ten thousand calls"

    story.refresh_from_db()
    story.unpublish()

    _response, parsed = get_feed(KYRGYZSTAN, path)
    assert "Hotline answers ten thousand calls" not in titles(parsed)
