"""The full-page cache (website/cache.py, website/cache_middleware.py): what is
served from it, and that every change a reader should see shows at once."""

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo import bulk
from tests.factories import hotline
from tests.performance.conftest import anonymous_get, host_and_path
from website import cache as page_cache
from website.cache_middleware import CACHE_HEADER, PageCacheMiddleware
from website.models import FooterText, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def get(client, page_cache):
    return anonymous_get(client)


def text(response):
    return response.content.decode()


def warm(get, *pages):
    for page in pages:
        assert get(page).status_code == 200
        assert get(page)[CACHE_HEADER] == "hit", page


# --- Served from the cache ---------------------------------------------------------------


def test_a_cached_page_is_served_without_database_queries(
    site_tree, get, django_assert_num_queries
):
    first = get(site_tree.regional_news)
    assert first[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = get(site_tree.regional_news)
    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]


def test_head_is_answered_from_a_stored_get(site_tree, get, client):
    get(site_tree.regional)
    host, path = host_and_path(site_tree.regional)
    response = client.head(path, HTTP_HOST=host)
    assert response[CACHE_HEADER] == "hit"
    assert response.content == b""


def test_each_site_and_language_has_its_own_entry(site_tree, get):
    kazakh = get(site_tree.kazakhstan)
    kyrgyz = get(site_tree.kyrgyzstan)
    assert kazakh[CACHE_HEADER] == kyrgyz[CACHE_HEADER] == "miss"
    assert "Kazakhstan story 1" in text(kazakh)
    assert "Kazakhstan story 1" not in text(kyrgyz)


def test_listing_parameters_are_part_of_the_key_in_any_order(site_tree, get):
    host, path = host_and_path(site_tree.regional_news)
    topic = site_tree.topic.slug
    assert get(host, path, topic=topic, year="2024")[CACHE_HEADER] == "miss"
    assert get(host, path + f"?year=2024&topic={topic}")[CACHE_HEADER] == "hit"
    assert get(host, path, topic=topic)[CACHE_HEADER] == "miss"


def test_other_query_parameters_keep_a_request_out_of_the_cache(site_tree, get):
    host, path = host_and_path(site_tree.regional_news)
    for _ in range(2):
        response = get(host, path, sort="oldest")
        assert response.status_code == 200
        assert CACHE_HEADER not in response
    assert get(host, path)[CACHE_HEADER] == "miss"


def test_tracking_parameters_are_dropped_and_the_page_comes_from_the_cache(site_tree, get):
    host, path = host_and_path(site_tree.regional_news)
    assert get(host, path)[CACHE_HEADER] == "miss"
    shared = get(host, path, utm_source="newsletter", utm_campaign="issue-1", fbclid="abc")
    assert shared.status_code == 200
    assert shared[CACHE_HEADER] == "hit"
    assert get(host, path, yclid="123", page="1")[CACHE_HEADER] == "miss"  # the page=1 entry


def test_links_made_from_the_query_string_do_not_carry_tracking_parameters(
    site_tree, get, monkeypatch
):
    from newsroom import listings

    monkeypatch.setattr(listings, "STORIES_PER_PAGE", 1)
    host, path = host_and_path(site_tree.regional_news)
    response = get(host, path, utm_source="newsletter", fbclid="abc", year="")
    assert response.status_code == 200
    html = text(response)
    assert "page=2" in html  # the pagination keeps the filters
    assert "utm_source" not in html
    assert "fbclid" not in html


def test_errors_are_not_cached(site_tree, get):
    host, _path = host_and_path(site_tree.regional)
    for _ in range(2):
        response = get(host, "/en/no-such-page/")
        assert response.status_code == 404
        assert CACHE_HEADER not in response


def test_the_page_cache_is_off_without_a_cache_time(site_tree, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    host, path = host_and_path(site_tree.regional)
    for _ in range(2):
        response = client.get(path, HTTP_HOST=host)
        assert CACHE_HEADER not in response


# --- Never for editors, previews, messages or CSRF tokens ------------------------------------


def test_logged_in_editors_neither_get_nor_fill_the_cache(site_tree, get, admin_client):
    warm(get, site_tree.regional_news)
    editor_view = get(site_tree.regional_news, client=admin_client)
    assert CACHE_HEADER not in editor_view
    assert "private" in editor_view["Cache-Control"]
    assert "no-store" in editor_view["Cache-Control"]

    cache.clear()
    get(site_tree.kyrgyzstan, client=admin_client)
    assert get(site_tree.kyrgyzstan)[CACHE_HEADER] == "miss"


def test_previews_neither_get_nor_fill_the_cache(site_tree, get):
    story = site_tree.kazakhstan_stories[0]
    warm(get, story)
    story.title = "A draft title nobody may see"
    story.save_revision()

    preview = story.make_preview_request()
    assert "A draft title nobody may see" in text(preview)
    assert CACHE_HEADER not in preview

    public = get(story)
    assert public[CACHE_HEADER] == "hit"  # a draft changes nothing readers see
    assert "A draft title nobody may see" not in text(public)


def test_a_preview_shows_the_edited_parts_not_those_kept(site_tree, get):
    issue = site_tree.issue
    warm(get, issue)  # its body is kept
    issue.sections[0].value["heading"] = "A section heading being edited"
    issue.save_revision()

    assert "A section heading being edited" in text(issue.make_preview_request())
    assert "A section heading being edited" not in text(get(issue, _render="1"))


def test_a_request_with_pending_messages_is_not_cached(site_tree, get, client):
    host, path = host_and_path(site_tree.regional)
    client.cookies["messages"] = "pending"
    response = client.get(path, HTTP_HOST=host)
    assert CACHE_HEADER not in response
    del client.cookies["messages"]
    assert get(site_tree.regional)[CACHE_HEADER] == "miss"


def test_a_response_that_shows_messages_is_not_stored(settings):
    settings.PAGE_CACHE_SECONDS = 300
    request = RequestFactory().get("/en/")
    request.session = {}
    request._messages = FallbackStorage(request)
    request._messages.add(message_levels.INFO, "Saved.")
    response = HttpResponse("<p>Saved.</p>", content_type="text/html")
    assert not PageCacheMiddleware.storable(request, response)
    request._messages = FallbackStorage(request)
    assert PageCacheMiddleware.storable(request, HttpResponse("<p>Hi</p>"))


def test_a_response_with_a_csrf_token_is_not_cached(site_tree, get):
    story = site_tree.kyrgyzstan_stories[0]
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = get(story)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in text(response)
        assert CACHE_HEADER not in response


# --- Exact invalidation ---------------------------------------------------------------------


@pytest.fixture
def shared_story(site_tree):
    """Kazakhstan story 1, shared with Kyrgyzstan, and the pages that show it."""
    story = site_tree.kazakhstan_stories[0]
    story.shared_with.add(site_tree.kyrgyzstan_site)
    story.save_revision().publish()
    listing_pages = [
        site_tree.kazakhstan_news,
        site_tree.kyrgyzstan_news,  # shared with it
        site_tree.regional_news,  # lists every story
        site_tree.kazakhstan,
        site_tree.kyrgyzstan,
        site_tree.regional,
        site_tree.issue,  # one of its sections picks the story
    ]
    return story, listing_pages


def test_publishing_a_story_updates_it_and_every_page_that_lists_it(shared_story, get):
    story, listing_pages = shared_story
    warm(get, story, *listing_pages)

    story.title = "Hotline answers ten thousand calls"
    story.save_revision().publish()

    assert "Hotline answers ten thousand calls" in text(get(story))
    for page in listing_pages:
        response = get(page)
        assert response[CACHE_HEADER] == "miss", page
        assert "Hotline answers ten thousand calls" in text(response), page
        assert ">Kazakhstan story 1<" not in text(response), page


def test_unpublishing_a_story_removes_it_everywhere(shared_story, get):
    story, listing_pages = shared_story
    warm(get, story, *listing_pages)

    story.unpublish()

    assert get(story).status_code == 404
    for page in listing_pages:
        assert "Kazakhstan story 1" not in text(get(page)), page


def test_deleting_a_story_removes_it_everywhere(shared_story, get):
    story, listing_pages = shared_story
    warm(get, story, *listing_pages)
    host, path = host_and_path(story)

    story.delete()

    assert get(host, path).status_code == 404
    for page in listing_pages:
        assert "Kazakhstan story 1" not in text(get(page)), page


def test_moving_a_story_moves_it_in_every_listing(site_tree, get):
    story = site_tree.kazakhstan_stories[1]
    old_host, old_path = host_and_path(story)
    warm(get, story, site_tree.kazakhstan_news, site_tree.kyrgyzstan_news)
    assert "Kazakhstan story 2" not in text(get(site_tree.kyrgyzstan_news))

    story.move(site_tree.kyrgyzstan_news, pos="last-child")
    story.refresh_from_db()

    assert get(old_host, old_path).status_code == 404
    assert get(story).status_code == 200
    assert "Kazakhstan story 2" not in text(get(site_tree.kazakhstan_news))
    assert "Kazakhstan story 2" in text(get(site_tree.kyrgyzstan_news))


def test_publishing_a_new_story_shows_it_on_the_listings(site_tree, get):
    warm(get, site_tree.kyrgyzstan_news, site_tree.regional)
    story = site_tree.kyrgyzstan_stories[0].copy(
        update_attrs={"title": "A brand new story", "slug": "a-brand-new-story"}, keep_live=False
    )
    story.save_revision().publish()
    assert "A brand new story" in text(get(site_tree.kyrgyzstan_news))
    assert "A brand new story" in text(get(site_tree.regional))


def test_renaming_a_topic_shows_on_the_pages_that_name_it(site_tree, get):
    story = site_tree.kyrgyzstan_stories[0]  # tagged with the topic
    warm(get, story, site_tree.kyrgyzstan_news)
    site_tree.topic.name = "Fighting trafficking"
    site_tree.topic.save()
    assert "Fighting trafficking" in text(get(story))
    assert "Fighting trafficking" in text(get(site_tree.kyrgyzstan_news))


def test_changing_the_footer_or_site_settings_shows_on_every_page(site_tree, get):
    footer = FooterText.objects.create(name="Kyrgyzstan", body="<p>First footer words.</p>")
    SiteSettings.objects.update_or_create(
        site=site_tree.kyrgyzstan_site, defaults={"footer_text": footer}
    )
    assert "First footer words." in text(get(site_tree.kyrgyzstan))
    warm(get, site_tree.kyrgyzstan)

    footer.body = "<p>New footer words.</p>"
    footer.save()
    assert "New footer words." in text(get(site_tree.kyrgyzstan))


def test_renaming_a_site_shows_in_its_header(site_tree, get):
    warm(get, site_tree.kyrgyzstan)
    site_tree.kyrgyzstan_site.site_name = "IOM Kyrgyz Republic"
    site_tree.kyrgyzstan_site.save()
    assert "IOM Kyrgyz Republic" in text(get(site_tree.kyrgyzstan))


def test_changing_an_image_makes_pages_stale(site_tree, get):
    story = site_tree.gallery
    warm(get, story)
    image = site_tree.gallery_photos[0].image
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 5
    image.save()
    assert get(story)[CACHE_HEADER] == "miss"


def test_generated_stories_show_at_once(site_tree, get):
    warm(get, site_tree.regional_news)
    bulk.generate(3, pool_size=1)
    response = get(site_tree.regional_news)
    assert response[CACHE_HEADER] == "miss"
    assert "bulk-0000" in text(response)


# --- The generation ----------------------------------------------------------------------------


def test_the_generation_lives_in_the_cache_and_restarts_higher(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    first = page_cache.current_generation()
    page_cache.bump_generation()
    assert cache.get(page_cache.GENERATION_KEY) == first + 1
    cache.delete(page_cache.GENERATION_KEY)  # evicted, or another process flushed it
    assert page_cache.current_generation() > first + 1


def test_a_flushed_generation_does_not_serve_old_pages(site_tree, get):
    warm(get, site_tree.regional)
    cache.delete(page_cache.GENERATION_KEY)
    assert get(site_tree.regional)[CACHE_HEADER] == "miss"


# --- A deploy --------------------------------------------------------------------------------


@pytest.fixture
def deployed_again(settings):
    """``deploy(version)``: the page cache as the processes of a new release
    see it (its keys carry the code version); the old keys come back after."""
    import importlib

    def deploy(version):
        settings.CODE_VERSION = version
        importlib.reload(page_cache)
        # Signals hold their receivers weakly: connect the reloaded module's.
        page_cache.connect_signals()

    yield deploy
    deploy("")


def test_a_new_release_serves_no_page_cached_by_the_old_code(site_tree, get, deployed_again):
    warm(get, site_tree.regional, site_tree.regional_news)
    deployed_again("next-release")
    assert get(site_tree.regional)[CACHE_HEADER] == "miss"
    assert get(site_tree.regional_news)[CACHE_HEADER] == "miss"
    assert get(site_tree.regional)[CACHE_HEADER] == "hit"


def test_the_code_version_is_a_digest_of_the_code_unless_a_release_names_it(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    (tmp_path / "website").mkdir()
    template = tmp_path / "website" / "page.html"
    template.write_text("<h1>{{ page.title }}</h1>")
    first = page_cache.code_version()
    assert page_cache.code_version() == first  # the same code, the same version
    template.write_text("<h1 class='title'>{{ page.title }}</h1>")
    assert page_cache.code_version() != first  # a template changed: a new version
    settings.CODE_VERSION = "2026.12.1"
    assert page_cache.code_version() == "2026.12.1"


# --- CDN purge (wagtail.contrib.frontend_cache) -------------------------------------------------


def test_the_pages_listing_a_story_are_those_a_cdn_must_purge(shared_story):
    story, listing_pages = shared_story
    purged = {page.pk for page in page_cache.pages_listing(story)}
    assert {page.pk for page in listing_pages} <= purged
    assert story.pk not in purged


def test_publishing_purges_the_listing_pages_after_the_commit(
    shared_story, monkeypatch, django_capture_on_commit_callbacks
):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    story, _listing_pages = shared_story
    purged = []
    monkeypatch.setattr(page_cache, "frontend_cache_enabled", lambda: True)
    monkeypatch.setattr(
        PurgeBatch, "purge", lambda batch, *args, **kwargs: purged.extend(batch.urls)
    )

    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert any(url.endswith("/en/news/") and "kyrgyzstan" in url for url in purged)
    assert any(url.endswith("/en/") and "centralasia" in url for url in purged)


# --- Fragments kept per generation -------------------------------------------------


def test_the_footer_is_rendered_once_per_site_and_language_until_a_change(site_tree, get):
    footer = FooterText.objects.create(name="Kyrgyzstan", body="<p>Kept footer words.</p>")
    SiteSettings.objects.update_or_create(
        site=site_tree.kyrgyzstan_site, defaults={"footer_text": footer}
    )
    host, _path = host_and_path(site_tree.kyrgyzstan)
    assert "Kept footer words." in text(get(site_tree.kyrgyzstan))

    # Another page of the site, rendered (kept out of the page cache): its
    # footer is the one kept, without reading the settings again.
    with CaptureQueriesContext(connection) as queries:
        other = get(host, "/en/news/", _render="1")
    assert "Kept footer words." in text(other)
    assert not [q for q in queries.captured_queries if "website_sitesettings" in q["sql"]]

    # Other languages have their own.
    assert "Kept footer words." in text(get(host, "/ru/news/", _render="1"))

    # A change to the footer starts a new generation: every page shows it.
    footer.body = "<p>Changed footer words.</p>"
    footer.save()
    assert "Changed footer words." in text(get(host, "/en/news/", _render="1"))


def test_story_cards_are_rendered_once_per_site_and_language_until_a_change(site_tree, get):
    story = site_tree.kyrgyzstan_stories[0]
    host, _path = host_and_path(site_tree.kyrgyzstan)
    assert story.title in text(get(host, "/en/news/", _render="1"))

    # Changed behind the page models' back (no publish, so no new
    # generation): the card kept for the generation is shown again.
    type(story).objects.filter(pk=story.pk).update(title="Renamed without a publish")
    assert story.title in text(get(host, "/en/news/", _render="2"))

    # Another site showing the story makes its own card.
    regional_host, _path = host_and_path(site_tree.regional)
    assert "Renamed without a publish" in text(get(regional_host, "/en/news/", _render="1"))

    # A publish starts a new generation: every card is made again.
    story.refresh_from_db()
    story.title = "Renamed and published"
    story.save_revision().publish()
    assert "Renamed and published" in text(get(host, "/en/news/", _render="3"))


def test_a_report_issues_stories_and_contacts_are_kept_until_a_change(site_tree, get):
    issue = site_tree.issue
    story = site_tree.kyrgyzstan_stories[1]  # in the issue's first section
    contact = site_tree.kyrgyzstan_contact
    host, path = host_and_path(issue)
    page = text(get(host, path, _render="1"))
    assert story.title in page and "+996 312 98 60 10" in page

    # Changed behind the page models' back (no publish, no new generation):
    # the story and the contacts kept for the generation are shown again.
    type(story).objects.filter(pk=story.pk).update(title="Renamed without a publish")
    page = text(get(host, path, _render="2"))
    assert story.title in page and "Renamed without a publish" not in page

    # A publish starts a new generation: the issue shows the new title, and
    # the contacts are made again too.
    story.refresh_from_db()
    story.title = "Renamed and published"
    story.save_revision().publish()
    contact.refresh_from_db()
    contact.hotlines = [hotline("+996 312 00 00 00")]
    contact.save_revision().publish()
    page = text(get(host, path, _render="3"))
    assert "Renamed and published" in page and "+996 312 00 00 00" in page


@pytest.fixture
def cache_reads(monkeypatch):
    """The reads of the page cache: ("get", key) and ("get_many", keys)."""
    reads = []
    real = page_cache.page_cache()

    class Counting:
        def __getattr__(self, name):
            attribute = getattr(real, name)
            if name not in ("get", "get_many"):
                return attribute

            def counted(keys, *args, **kwargs):
                reads.append((name, keys))
                return attribute(keys, *args, **kwargs)

            return counted

    counting = Counting()
    monkeypatch.setattr(page_cache, "page_cache", lambda: counting)
    return reads


def test_a_pages_kept_parts_cost_a_round_trip_per_list_of_cards(site_tree, get, cache_reads):
    # The mission's newsroom keeps the cards of its stories; its home page,
    # rendered next, shows them in one list (its latest stories).
    stories = site_tree.kyrgyzstan_stories
    first = text(get(site_tree.kyrgyzstan_news, _render="1"))
    assert all(story.title in first for story in stories)
    host, path = host_and_path(site_tree.kyrgyzstan)

    cache_reads.clear()
    home = text(get(host, path, _render="1"))
    assert home.count('class="card') == first.count('class="card')
    generation = [read for read in cache_reads if read == ("get", page_cache.GENERATION_KEY)]
    assert len(generation) == 1, cache_reads  # once for the request, not per card
    card_gets = [r for r in cache_reads if r[0] == "get" and ":fragment:card:" in r[1]]
    assert not card_gets, card_gets
    card_lists = [
        keys for name, keys in cache_reads if name == "get_many" and ":fragment:card:" in keys[0]
    ]
    assert len(card_lists) == 1 and len(card_lists[0]) == len(stories), cache_reads

    # A page the cache could keep: the generation its lookup read is the one
    # its parts are of (no other read of it).
    page_cache.bump_generation()
    cache_reads.clear()
    assert get(host, path)[CACHE_HEADER] == "miss"
    assert ("get", page_cache.GENERATION_KEY) not in cache_reads, cache_reads


def test_a_news_index_list_is_kept_until_a_publish(site_tree, get, cache_reads):
    host, path = host_and_path(site_tree.kyrgyzstan_news)
    first = text(get(host, path, _render="1"))  # not kept by the page cache
    assert site_tree.kyrgyzstan_stories[0].title in first

    # Another request the page cache does not keep (another parameter): the
    # list is read as one part, its cards are not asked for.
    cache_reads.clear()
    again = text(get(host, path, _render="2"))
    assert again == first
    listing_reads = [r for r in cache_reads if r[0] == "get" and ":fragment:news-listing:" in r[1]]
    assert len(listing_reads) == 1, cache_reads
    assert not [r for r in cache_reads if ":fragment:card:" in str(r[1])], cache_reads

    # Changed behind the page models' back: the kept list still shows the
    # old title; a publish starts a generation and the list shows the new one.
    story = site_tree.kyrgyzstan_stories[0]
    type(story).objects.filter(pk=story.pk).update(title="Renamed without a publish")
    assert "Renamed without a publish" not in text(get(host, path, _render="3"))
    story.refresh_from_db()
    story.title = "Renamed and published"
    story.save_revision().publish()
    assert "Renamed and published" in text(get(host, path, _render="4"))


def test_a_news_index_list_is_kept_per_filter_and_page(site_tree, get):
    host, path = host_and_path(site_tree.regional_news)
    everything = text(get(host, path, _render="1"))
    mission = text(get(host, path, mission="kazakhstan", _render="1"))
    assert mission != everything
    assert text(get(host, path, mission="kazakhstan", _render="2")) == mission
    assert text(get(host, path, _render="2")) == everything
    # A page past the last is not found, kept or not.
    for attempt in ("1", "2"):
        assert get(host, path, page="999", _render=attempt).status_code == 404


def test_a_report_card_is_kept_until_a_change(site_tree, get):
    issue = site_tree.issue
    host, _path = host_and_path(site_tree.regional)
    assert f">{issue.title}</a>" in text(get(host, "/en/", _render="1"))

    # Changed behind the page models' back (no publish, no new generation):
    # the home page and the series show the card kept for the generation.
    type(issue).objects.filter(pk=issue.pk).update(title="Renamed without a publish")
    assert f">{issue.title}</a>" in text(get(host, "/en/", _render="2"))
    assert ">Renamed without a publish</a>" not in text(get(host, "/en/", _render="3"))

    issue.refresh_from_db()
    issue.title = "Regional Response Report, renamed"
    issue.save_revision().publish()
    assert ">Regional Response Report, renamed</a>" in text(get(host, "/en/", _render="4"))
    series = text(get(site_tree.report_index, _render="1"))
    assert ">Regional Response Report, renamed</a>" in series


def test_a_report_issues_body_is_kept_until_a_publish(site_tree, get, cache_reads):
    issue = site_tree.issue
    first = text(get(issue, _render="1"))
    assert 'id="section-1"' in first

    cache_reads.clear()
    again = text(get(issue, _render="2"))
    assert again == first
    body_reads = [r for r in cache_reads if r[0] == "get" and ":fragment:report-body:" in r[1]]
    assert len(body_reads) == 1, cache_reads
    assert not [r for r in cache_reads if ":fragment:card:" in str(r[1])], cache_reads

    # Edited behind the page models' back: the kept body is shown until a
    # publish starts a new generation.
    heading = issue.sections[0].value["heading"]
    issue.sections[0].value["heading"] = "A section renamed"
    type(issue).objects.filter(pk=issue.pk).update(sections=issue.sections)
    kept = text(get(issue, _render="3"))
    assert heading in kept and "A section renamed" not in kept
    issue.refresh_from_db()
    issue.save_revision().publish()
    assert "A section renamed" in text(get(issue, _render="4"))


def read_whole_once(get, cache_reads, page, part, max_queries=None):
    """The page rendered twice (past the page cache): the same HTML, the
    second time with its kept ``part`` read whole, once (and, given
    ``max_queries``, in at most that many queries). Returns the HTML."""
    first = text(get(page, _render="1"))
    cache_reads.clear()
    with CaptureQueriesContext(connection) as queries:
        assert text(get(page, _render="2")) == first
    if max_queries is not None:
        assert len(queries) <= max_queries, [q["sql"] for q in queries.captured_queries]
    reads = [r for r in cache_reads if r[0] == "get" and f":fragment:{part}:" in r[1]]
    assert len(reads) == 1, cache_reads
    return first


@pytest.mark.parametrize(
    ("page_name", "part"),
    [("regional", "home-body"), ("kyrgyzstan", "mission-home-body"), ("issue", "report-body")],
)
def test_a_home_pages_stories_are_kept_until_a_publish(
    site_tree, get, cache_reads, page_name, part
):
    page = getattr(site_tree, page_name)
    first = read_whole_once(get, cache_reads, page, part)
    assert not [r for r in cache_reads if ":fragment:card:" in str(r[1])], cache_reads

    story = site_tree.kyrgyzstan_stories[1]  # on both homes, chosen in the issue
    assert story.title in first
    story.title = "Renamed and published"
    story.save_revision().publish()
    assert "Renamed and published" in text(get(page, _render="3"))


def test_a_story_is_kept_until_a_publish(site_tree, get, cache_reads):
    story = site_tree.kyrgyzstan_stories[0]
    read_whole_once(get, cache_reads, story, "story-body")

    story.summary = "A summary published later"
    story.save_revision().publish()
    assert "A summary published later" in text(get(story, _render="4"))


def _rename(page, title):
    page.title = title
    page.save_revision().publish()


def _new_intro(page, title):
    page.intro = f"<p>{title}</p>"
    page.save_revision().publish()


@pytest.mark.parametrize(
    ("page_name", "part", "shown_name", "change"),
    [
        # (the page, its kept part, the page whose change it shows, the change)
        ("kazakhstan_gallery_index", "gallery-index-list", "gallery", _rename),
        ("report_index", "report-series-list", "issue", _rename),
        ("contact_index", "contact-index-body", "kyrgyzstan", _rename),
        (
            "kyrgyzstan_contact",
            "mission-contact-body",
            "kyrgyzstan_contact",
            _new_intro,
        ),
        (
            "kyrgyzstan",
            "mission-home-body",
            "kyrgyzstan",
            _new_intro,
        ),
    ],
)
def test_a_sections_list_is_kept_until_a_publish(
    site_tree, get, cache_reads, page_name, part, shown_name, change
):
    """A gallery index's galleries, the report series' issues, the contact
    index's and a mission contact page's contacts and a mission home page's
    introduction: rendered once per content generation, then read whole
    (three queries: the site, the page and its ancestors) until a publish."""
    page = getattr(site_tree, page_name)
    read_whole_once(get, cache_reads, page, part, max_queries=3)

    change(getattr(site_tree, shown_name).specific, "Changed and published")
    assert "Changed and published" in text(get(page, _render="3"))


def _json_ld(html):
    start = html.index('<script type="application/ld+json">')
    return html[start : html.index("</script>", start)]


def test_a_pages_link_preview_is_kept_until_a_publish(site_tree, get, cache_reads):
    """The share picture, link-preview tags and structured data of a page:
    read whole once kept, made anew after a publish; a preview shows the
    page being edited."""
    story = site_tree.kyrgyzstan_stories[0]
    read_whole_once(get, cache_reads, story, "link-preview")

    story.summary = "A summary being edited"
    story.save_revision()
    assert "A summary being edited" in _json_ld(text(story.make_preview_request()))
    assert "A summary being edited" not in _json_ld(text(get(story, _render="3")))

    story.summary = "A summary published later"
    story.save_revision().publish()
    assert "A summary published later" in _json_ld(text(get(story, _render="4")))


def test_a_report_issues_pdf_link_shows_once_its_pdf_is_made(site_tree, get, settings, tmp_path):
    """The issue's cover is kept with its PDF link: the PDF's making (in the
    background, not a publish) is a change readers see at once."""
    from django.core.files.base import ContentFile

    from newsroom.editions.models import ReportIssuePDF

    settings.MEDIA_ROOT = str(tmp_path)
    issue = site_tree.issue
    assert "Download this issue as PDF" not in text(get(issue, _render="1"))
    assert "Download this issue as PDF" not in text(get(issue, _render="2"))  # kept

    edition = ReportIssuePDF(page=issue, status=ReportIssuePDF.Status.READY, file_size=2048)
    edition.file.save("issue-1-en-test.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    edition.save()
    assert "Download this issue as PDF" in text(get(issue, _render="3"))
    assert "2.0\xa0KB" in text(get(issue, _render="4"))
