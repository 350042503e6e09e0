"""Every public page renders in a number of queries that does not grow with the
number of stories: home pages, listings and stories in at most ten, any page
in at most 35 when made from scratch right after a publish.

What is counted: a warm request (the page was requested twice before, so its
renditions exist and the per-generation caches of website/cache.py are full),
kept out of the full-page cache (as an address with a query parameter the
page cache does not know); or, with ``cold``, the same request after
everything kept for the generation was made stale, as a publish does. ``ours`` are the
queries made while the page's ``serve()`` ran and its template rendered (its
``get_context``, template tags, header and footer); the rest of ``total`` is
Wagtail's serving: with the site and the route to the page kept per content
generation (website/cache_middleware.py), the language check of
website/wagtail_hooks.py (1) and Wagtail's view-restriction check (2).
"""

import pytest

from newsroom import listings
from newsroom.models import NewsItemPage
from tests.factories import ImageFactory
from tests.performance.conftest import host_and_path

pytestmark = pytest.mark.django_db

# Home pages, listings and stories render in at most this many queries (the
# values and HTML kept for the content generation are there) ...
BUDGET = 10
# ... and any page in at most this many when it is made from scratch, right
# after a publish.
COLD_BUDGET = 35


def pages_to_measure(tree):
    """(name, host, path, query) of every kind of public page."""
    story = (
        NewsItemPage.objects.live()
        .filter(slug__startswith="bulk-", lead_image__isnull=False, locale=tree.regional.locale)
        .exclude(topics=None)
        .order_by("pk")
        .first()
    )
    translated = NewsItemPage.objects.live().filter(
        slug__startswith="bulk-", locale__language_code="ru"
    )
    regional_host, _path = host_and_path(tree.regional)
    pages = [
        ("regional home", tree.regional, {}),
        ("mission home", tree.kyrgyzstan, {}),
        ("regional news", tree.regional_news, {}),
        ("mission news", tree.kyrgyzstan_news, {}),
        ("news by topic", tree.regional_news, {"topic": tree.topic.slug}),
        ("news by year", tree.regional_news, {"year": "2024"}),
        ("news by mission", tree.regional_news, {"mission": "kyrgyzstan"}),
        ("story", story, {}),
        ("gallery", tree.gallery, {}),
        ("gallery index", tree.kazakhstan_gallery_index, {}),
        ("report issue", tree.issue, {}),
        ("report series", tree.report_index, {}),
        ("contact index", tree.contact_index, {}),
        ("mission contact page", tree.kyrgyzstan_contact, {}),
    ]
    if translated.exists():
        pages.append(("story in Russian", translated.first(), {}))
    measured = [(name, *host_and_path(page), query) for name, page, query in pages]
    measured.append(("search", regional_host, "/en/search/", {"q": "migrants"}))
    return measured


def measure(tree, count_queries, deep_page, cold=False):
    counts = {}
    for name, host, path, query in pages_to_measure(tree):
        counts[name] = count_queries(host, path, cold=cold, **query)
    host, path = host_and_path(tree.regional_news)
    counts["news, deep page"] = count_queries(host, path, cold=cold, page=str(deep_page))
    return counts


def table(few, many):
    lines = [f"{'page':<24} {'5 stories':>18} {'100 stories':>18}"]
    for name in few:
        lines.append(f"{name:<24} {few[name]!r:>18} {many.get(name)!r:>18}")
    return "\n".join(lines)


def with_pictures(tree):
    """Give the stories of ``site_tree`` a lead image, like most generated
    ones: a listing of 5 then shows pictures too, and costs the same."""
    picture = ImageFactory()
    NewsItemPage.objects.update(lead_image=picture, lead_image_alt="A picture")


def test_queries_do_not_grow_with_the_stories_and_stay_in_budget(
    site_tree, grow, page_cache, count_queries, monkeypatch
):
    # Two stories per listing page, so that a deep page exists with 100 stories.
    monkeypatch.setattr(listings, "STORIES_PER_PAGE", 2)
    with_pictures(site_tree)
    grow(5)
    few = measure(site_tree, count_queries, deep_page=4)
    grow(100)
    many = measure(site_tree, count_queries, deep_page=50)
    report = table(few, many)
    print(report)

    grew = [name for name in few if name in many and many[name].total > few[name].total]
    assert not grew, f"queries grew with the stories for {grew}:\n{report}"
    over = [name for name, count in many.items() if name != "search" and count.total > BUDGET]
    assert not over, f"over {BUDGET} queries: {over}:\n{report}"


def test_pages_made_from_scratch_after_a_publish_do_not_grow_either(
    site_tree, grow, page_cache, count_queries, monkeypatch
):
    """Right after a publish nothing kept for the generation helps (no fragment,
    no listing order, no menu): the page is made from scratch, in a fixed
    number of queries (each value kept for the generation is one small query
    the first time: sites, home pages, menus, footer, topics, the listing's
    order), under bakerydemo's 43 for its home page."""
    monkeypatch.setattr(listings, "STORIES_PER_PAGE", 2)
    with_pictures(site_tree)
    grow(5)
    few = measure(site_tree, count_queries, deep_page=4, cold=True)
    grow(100)
    many = measure(site_tree, count_queries, deep_page=50, cold=True)
    report = table(few, many)
    print(report)

    grew = [name for name in few if name in many and many[name].total > few[name].total]
    assert not grew, f"queries grew with the stories for {grew}:\n{report}"
    over = [name for name, count in many.items() if count.total > COLD_BUDGET]
    assert not over, f"over {COLD_BUDGET} queries: {over}:\n{report}"


def test_listing_pages_cost_the_same_whatever_their_number(
    site_tree, grow, page_cache, count_queries, monkeypatch
):
    monkeypatch.setattr(listings, "STORIES_PER_PAGE", 2)
    grow(100)
    host, path = host_and_path(site_tree.regional_news)
    first = count_queries(host, path)
    fiftieth = count_queries(host, path, page="50")
    assert fiftieth.total == first.total


def test_without_the_page_cache_queries_still_do_not_grow(site_tree, grow, count_queries):
    """Without a shared cache nothing is kept between requests: more queries,
    but still a fixed number."""
    host, path = host_and_path(site_tree.regional)
    news_host, news_path = host_and_path(site_tree.kyrgyzstan_news)
    with_pictures(site_tree)
    grow(5)
    few = (count_queries(host, path), count_queries(news_host, news_path))
    grow(60)
    many = (count_queries(host, path), count_queries(news_host, news_path))
    assert [count.total for count in many] == [count.total for count in few]


def test_wagtail_serving_queries_do_not_depend_on_the_depth(
    site_tree, grow, page_cache, count_queries
):
    """Wagtail's share is the same for every page: the site and the route to
    the page are kept per generation (website/cache_middleware.py), which
    leaves the language check of website/wagtail_hooks.py and the
    view-restriction check of Wagtail."""
    grow(5)
    story = NewsItemPage.objects.filter(slug__startswith="bulk-").first()
    shares = {
        name: count.total - count.ours
        for name, count in (
            ("home", count_queries(*host_and_path(site_tree.regional))),
            ("index", count_queries(*host_and_path(site_tree.regional_news))),
            ("story", count_queries(*host_and_path(story))),
        )
    }
    assert len(set(shares.values())) == 1, shares
    assert shares["story"] <= 3, shares
