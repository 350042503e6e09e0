"""Story lists (newsroom.listings.StoryList) are fetched only when their cards
are rendered: a listing, home page or story rendered again in the same
content generation keeps the HTML of its cards and reads no story rows, while
any change readers should see still shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom import listings
from newsroom.models import NewsItemPage
from tests.factories import ImageFactory
from tests.performance.conftest import BYPASS, host_and_path

pytestmark = pytest.mark.django_db

STORY_TABLE = NewsItemPage._meta.db_table
RENDITION_TABLE = "wagtailimages_rendition"


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


def test_a_listing_rendered_again_reads_no_stories_or_renditions(
    site_tree, page_cache, pictured, client
):
    first_html, first = rendered(client, site_tree.regional_news)
    again_html, again = rendered(client, site_tree.regional_news)

    assert reads(first, STORY_TABLE)
    assert reads(first, RENDITION_TABLE)
    assert reads(again, STORY_TABLE) == []
    assert reads(again, RENDITION_TABLE) == []
    assert again_html == first_html
    assert "Kazakhstan story 1" in again_html


def test_home_pages_and_related_stories_keep_their_cards(site_tree, page_cache, pictured, client):
    story = site_tree.kyrgyzstan_stories[0]
    for page in (site_tree.regional, site_tree.kyrgyzstan, story):
        first_html, _first = rendered(client, page)
        again_html, again = rendered(client, page)
        # The story page reads its own row; no page reads the rows of its cards.
        assert [sql for sql in reads(again, STORY_TABLE) if " IN (" in sql] == [], page
        assert again_html == first_html, page


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


def test_without_the_data_cache_lists_are_fetched_and_shown(site_tree, pictured, client):
    rendered(client, site_tree.regional_news)  # the renditions are made
    html, queries = rendered(client, site_tree.regional_news)
    assert "Kazakhstan story 1" in html
    assert len(reads(queries, RENDITION_TABLE)) == 1  # every card's renditions at once


def test_a_story_list_knows_its_length_without_fetching(site_tree, django_assert_num_queries):
    ids = [story.pk for story in site_tree.kazakhstan_stories]
    stories = listings.StoryList(ids)
    with django_assert_num_queries(0):
        assert len(stories) == 2
        assert stories
        assert stories.cache_key == f"stories:{ids[0]},{ids[1]}"
    assert [story.title for story in stories] == ["Kazakhstan story 1", "Kazakhstan story 2"]
    assert stories[0].mission_name == "Kazakhstan"
    assert stories == list(stories)
    assert not listings.StoryList([])


def test_a_story_rendered_again_reads_no_picture_or_topic_rows(
    site_tree, page_cache, pictured, client
):
    story = site_tree.kyrgyzstan_stories[0]  # tagged with a topic
    first_html, first = rendered(client, story)
    again_html, again = rendered(client, story)

    assert reads(first, RENDITION_TABLE)
    for table in (RENDITION_TABLE, "wagtailimages_image", "newsroom_topic"):
        assert reads(again, table) == [], table
    assert again_html == first_html
    assert '<meta property="og:image"' in again_html
    assert '"@type": "NewsArticle"' in again_html
    assert site_tree.topic.name in again_html


def test_a_new_lead_photo_shows_on_the_story_at_once(site_tree, page_cache, pictured, client):
    story = NewsItemPage.objects.get(pk=site_tree.kyrgyzstan_stories[0].pk)  # with the picture
    before = rendered(client, story)[0]
    assert 'alt="A picture"' in before

    story.lead_image_alt = "Volunteers unload a truck"
    story.save_revision().publish()

    after = rendered(client, story)[0]
    assert 'alt="Volunteers unload a truck"' in after
    assert 'content="Volunteers unload a truck"' in after  # og:image:alt
