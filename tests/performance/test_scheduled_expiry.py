"""Scheduled expiry and go-live with the page cache on (website/cache.py): a
story whose expiry time passes leaves its page, the home pages, the news
indexes, the feeds and the search at that moment, from the cache too, before
``publish_scheduled`` has run; a story scheduled to go live shows everywhere
as soon as ``publish_scheduled`` publishes it.

The clock is moved by patching ``django.utils.timezone.now``, which Wagtail,
the listings and the page cache all read."""

import datetime
import uuid
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from tests.factories import NewsItemPageFactory
from tests.performance.conftest import anonymous_get, host_and_path
from website import cache as page_cache
from website.cache_middleware import CACHE_HEADER

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/13"
TITLE = "Quokka census in Osh"


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False


@pytest.fixture(params=["local memory", "redis"])
def shared_cache(request, settings, page_cache):
    """The page cache on, in local memory as in the other tests, and in Redis
    as in production (skipped when no Redis answers at REDIS_URL)."""
    if request.param != "redis":
        cache.clear()
        yield request.param
        cache.clear()
        return
    if not redis_answers():
        pytest.skip(f"no Redis at {REDIS_URL}")
    # A prefix of this test's own: tests running at the same time in other
    # processes share the Redis database, so none of them may flush it.
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield request.param
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def clock():
    """``clock.now``: the time every ``timezone.now()`` answers; move it with
    ``clock.move(seconds=…)``."""
    state = SimpleNamespace(now=timezone.now().replace(microsecond=0))

    def move(**delta):
        state.now += datetime.timedelta(**delta)

    state.move = move
    with mock.patch("django.utils.timezone.now", side_effect=lambda: state.now):
        yield state


@pytest.fixture
def get(client):
    return anonymous_get(client)


def text(response):
    return response.content.decode()


def public_views(tree, story=None):
    """(name, host, path, query) of everything that lists a Kyrgyz story (and
    the story itself): home pages, news indexes, feeds, the search."""
    kyrgyz_host, _path = host_and_path(tree.kyrgyzstan)
    regional_host, _path = host_and_path(tree.regional)
    views = [
        ("kyrgyz home", *host_and_path(tree.kyrgyzstan), {}),
        ("kyrgyz news", *host_and_path(tree.kyrgyzstan_news), {}),
        ("regional home", *host_and_path(tree.regional), {}),
        ("regional news", *host_and_path(tree.regional_news), {}),
        ("kyrgyz feed", kyrgyz_host, "/en/feeds/rss/", {}),
        ("regional feed", regional_host, "/en/feeds/atom/", {}),
        ("kyrgyz search", kyrgyz_host, "/en/search/", {"q": "quokka"}),
    ]
    if story is not None:
        views.append(("story", *host_and_path(story), {}))
    return views


def warm(get, views):
    """Request each view twice: the second answer comes from the cache (the
    search, which the page cache leaves out, from its kept results)."""
    for name, host, path, query in views:
        assert get(host, path, **query).status_code == 200, name
        again = get(host, path, **query)
        if "q" not in query:
            assert again[CACHE_HEADER] == "hit", name


def showing(get, views):
    return [name for name, host, path, query in views if TITLE in text(get(host, path, **query))]


def newest_story(tree, clock, **fields):
    return NewsItemPageFactory(
        parent=tree.kyrgyzstan_news, title=TITLE, date=clock.now.date(), **fields
    )


# --- Expiry ----------------------------------------------------------------------------


def test_an_expired_story_leaves_every_cached_page_before_publish_scheduled(
    site_tree, shared_cache, clock, get
):
    story = newest_story(site_tree, clock, expire_at=clock.now + datetime.timedelta(minutes=1))
    story.save_revision().publish()
    views = public_views(site_tree, story)
    warm(get, views)
    assert showing(get, views) == [name for name, *_rest in views]

    clock.move(minutes=1, seconds=10)  # past the expiry; publish_scheduled has not run

    host, path = host_and_path(story)
    assert (get(host, path).status_code, showing(get, views[:-1])) == (404, [])
    story.refresh_from_db()
    assert story.live  # still live: only publish_scheduled unpublishes it


def test_a_page_kept_by_this_process_goes_stale_at_the_expiry_too(
    site_tree, shared_cache, clock, get
):
    """The pages a process keeps in its own memory (website/cache_middleware.py)
    are checked against the generation like those in the shared cache."""
    story = newest_story(site_tree, clock, expire_at=clock.now + datetime.timedelta(seconds=30))
    story.save_revision().publish()
    views = public_views(site_tree)[:1]
    warm(get, views)
    warm(get, views)  # now answered from this process's copy
    clock.move(seconds=31)
    response = get(views[0][1], views[0][2])
    assert response[CACHE_HEADER] == "miss"
    assert TITLE not in text(response)


def test_browsers_and_cdns_keep_a_page_no_longer_than_the_next_expiry(
    site_tree, shared_cache, clock, get
):
    story = newest_story(site_tree, clock, expire_at=clock.now + datetime.timedelta(seconds=20))
    story.save_revision().publish()
    miss = get(site_tree.kyrgyzstan_news)
    assert "max-age=20" in miss["Cache-Control"] and "s-maxage=20" in miss["Cache-Control"]
    clock.move(seconds=15)
    hit = get(site_tree.kyrgyzstan_news)
    assert hit[CACHE_HEADER] == "hit"
    assert "max-age=5" in hit["Cache-Control"] and "s-maxage=5" in hit["Cache-Control"]

    clock.move(seconds=10)  # expired: nothing else expires, the usual ages again
    fresh = get(site_tree.kyrgyzstan_news)
    assert fresh[CACHE_HEADER] == "miss"
    assert f"max-age={page_cache.BROWSER_MAX_AGE}" in fresh["Cache-Control"]


def test_kept_values_expire_with_the_next_expiry(site_tree, shared_cache, clock):
    deadline = clock.now + datetime.timedelta(seconds=42)
    assert page_cache.entry_timeout(deadline) == 42
    assert page_cache.entry_timeout(None) == page_cache.cache_seconds()
    clock.move(seconds=50)
    assert page_cache.entry_timeout(deadline) == 1
    assert page_cache.max_ages(deadline) == (0, 0)


# --- Going live ------------------------------------------------------------------------


def test_a_scheduled_story_shows_everywhere_once_publish_scheduled_publishes_it(
    site_tree, shared_cache, clock, get
):
    story = newest_story(site_tree, clock, live=False)
    story.go_live_at = clock.now + datetime.timedelta(minutes=1)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    views = public_views(site_tree)
    warm(get, views)

    clock.move(minutes=2)
    assert showing(get, views) == []  # Wagtail's contract: going live needs the cron job

    call_command("publish_scheduled", verbosity=0)

    story.refresh_from_db()
    assert story.live
    assert get(story).status_code == 200
    assert showing(get, views) == [name for name, *_rest in views]


# --- What it costs -----------------------------------------------------------------------


def test_a_cached_page_costs_no_query_while_a_story_waits_to_expire(
    site_tree, shared_cache, clock, get, django_assert_num_queries
):
    story = newest_story(site_tree, clock, expire_at=clock.now + datetime.timedelta(hours=1))
    story.save_revision().publish()
    warm(get, public_views(site_tree)[:2])
    with django_assert_num_queries(0):
        assert get(site_tree.kyrgyzstan_news)[CACHE_HEADER] == "hit"


def test_the_next_expiry_is_one_query_per_generation(
    site_tree, shared_cache, clock, django_assert_num_queries
):
    story = newest_story(site_tree, clock, expire_at=clock.now + datetime.timedelta(hours=1))
    story.save_revision().publish()
    page_cache.bump_generation()
    with django_assert_num_queries(1):
        generation, deadline = page_cache.current_state()
    assert deadline == story.expire_at
    with django_assert_num_queries(0):
        assert page_cache.current_state() == (generation, deadline)

    clock.move(hours=1)  # the deadline: the generation ends, the next expiry is looked up
    with django_assert_num_queries(1):
        later, no_deadline = page_cache.current_state()
    assert later > generation
    assert no_deadline is None
    with django_assert_num_queries(0):
        assert page_cache.current_state() == (later, None)
