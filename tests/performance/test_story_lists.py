"""Story cards cost a fixed number of queries: the stories of a list come with
their lead images in one query, and the renditions of every picture of a page
in one more; any change readers should see shows at once, with the page cache
on as in production."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import NewsItemPage
from tests.factories import ImageFactory
from tests.performance.conftest import BYPASS, host_and_path

pytestmark = pytest.mark.django_db

STORY_TABLE = NewsItemPage._meta.db_table
RENDITION_TABLE = "images_customrendition"


def rendered(client, page):
    """The page, rendered (kept out of the full-page cache), with its queries."""
    host, path = host_and_path(page)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {BYPASS: "1"}, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def reads(queries, table):
    return [sql for sql in queries if f'FROM "{table}"' in sql]


@pytest.fixture
def pictured(site_tree):
    picture = ImageFactory()
    NewsItemPage.objects.update(lead_image=picture, lead_image_alt="A picture")
    return picture


def fresh_fragments():
    """A new content generation, as after a publish: no card is kept."""
    from website.cache import bump_generation

    bump_generation()


def test_a_listing_reads_its_stories_once_and_every_rendition_at_once(
    site_tree, page_cache, pictured, client
):
    rendered(client, site_tree.regional_news)  # the renditions are made
    fresh_fragments()
    html, queries = rendered(client, site_tree.regional_news)
    assert "Kazakhstan story 1" in html
    # One query reads the stories for cards (their summaries).
    cards = [sql for sql in reads(queries, STORY_TABLE) if f'"{STORY_TABLE}"."summary"' in sql]
    assert len(cards) == 1
    assert reads(queries, "images_customimage") == []  # with the stories
    assert len(reads(queries, RENDITION_TABLE)) == 1  # every card's, at once

    # Rendered again in the same generation, the cards are the ones kept
    # ({% story_card %}): their renditions are not read at all.
    html, queries = rendered(client, site_tree.regional_news)
    assert "Kazakhstan story 1" in html and 'alt="A picture"' in html
    assert reads(queries, RENDITION_TABLE) == []


def test_home_pages_and_stories_read_their_cards_renditions_at_once(
    site_tree, page_cache, pictured, client
):
    story = site_tree.kyrgyzstan_stories[0]
    for page in (site_tree.regional, site_tree.kyrgyzstan, story):
        rendered(client, page)
        fresh_fragments()
        html, queries = rendered(client, page)
        assert len(reads(queries, RENDITION_TABLE)) == 1, page
        assert reads(queries, "images_customimage") == [], page
        assert 'alt="A picture"' in html, page


def test_a_renamed_story_shows_in_the_kept_lists_at_once(site_tree, page_cache, client):
    story = site_tree.kazakhstan_stories[0]
    for page in (site_tree.regional_news, site_tree.regional, site_tree.kazakhstan):
        assert story.title in rendered(client, page)[0], page

    story.title = "Hotline answers ten thousand calls"
    story.save_revision().publish()

    for page in (site_tree.regional_news, site_tree.regional, site_tree.kazakhstan):
        html = rendered(client, page)[0]
        assert "Hotline answers ten thousand calls" in html, page
        assert ">Kazakhstan story 1<" not in html, page


def test_a_story_page_shows_its_picture_topics_and_link_preview(
    site_tree, page_cache, pictured, client
):
    story = site_tree.kyrgyzstan_stories[0]  # tagged with a topic
    rendered(client, story)
    html, queries = rendered(client, story)
    assert '<meta property="og:image"' in html
    assert '"@type": "NewsArticle"' in html
    assert site_tree.topic.name in html
    assert len(queries) <= 10


def test_a_new_lead_photo_shows_on_the_story_at_once(site_tree, page_cache, pictured, client):
    story = NewsItemPage.objects.get(pk=site_tree.kyrgyzstan_stories[0].pk)  # with the picture
    before = rendered(client, story)[0]
    assert 'alt="A picture"' in before

    story.lead_image_alt = "Volunteers unload a truck"
    story.save_revision().publish()

    after = rendered(client, story)[0]
    assert 'alt="Volunteers unload a truck"' in after
    assert 'content="Volunteers unload a truck"' in after  # og:image:alt
