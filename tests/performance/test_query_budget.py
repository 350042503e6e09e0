"""Every public page type renders from scratch - right after a publish, with
nothing kept between requests but the full-page cache, which the request
bypasses - in at most ten queries, however many stories there are, on SQLite
and on PostgreSQL, in English and in Russian.

``ours`` are the queries made while the page's ``serve()`` ran and its
template rendered (its ``get_context``, the menu, the language switcher, the
footer); the rest of ``total`` is serving: the request's frame (the sites,
then the home pages, menu and the pages along the address in one query,
website/sites.py) and the page itself.
"""

import pytest

from newsroom import listings
from newsroom.models import NewsItemPage, ReportIssuePage
from tests.factories import ImageFactory
from tests.performance.conftest import host_and_path

pytestmark = pytest.mark.django_db

# Every page type, made from scratch.
BUDGET = 10
# Serving any page: the frame (two queries) and the page.
SERVING = 3


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
    russian_story = translated.first()
    if russian_story is not None:
        pages.append(("story in Russian", russian_story, {}))
        russian_news = russian_story.get_parent()
        if russian_news.live:
            pages.append(("news in Russian", russian_news, {}))
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
    lines = [f"{'page':<24} {'5 stories':>36} {'200 stories':>36}"]
    for name in many:
        lines.append(f"{name:<24} {few.get(name)!r:>36} {many[name]!r:>36}")
    return "\n".join(lines)


def with_pictures(tree):
    """Give the stories of ``site_tree`` a lead image, like most generated
    ones: a listing of 5 then shows pictures too, and costs the same; and
    the report issues a cover, like the demo's."""
    picture = ImageFactory()
    NewsItemPage.objects.update(lead_image=picture, lead_image_alt="A picture")
    ReportIssuePage.objects.update(cover_image=picture, cover_image_alt="The cover")


def test_every_page_type_from_scratch_in_ten_queries_whatever_the_stories(
    site_tree, grow, page_cache, count_queries, monkeypatch
):
    """Right after a publish (the generation bumped before each counted
    request), with 5 and with 200 stories, some of them in Russian."""
    # Two stories per listing page, so that a deep page exists.
    monkeypatch.setattr(listings, "STORIES_PER_PAGE", 2)
    with_pictures(site_tree)
    grow(5)
    few = measure(site_tree, count_queries, deep_page=2, cold=True)
    grow(200)
    many = measure(site_tree, count_queries, deep_page=50, cold=True)
    report = table(few, many)
    print(report)

    assert "story in Russian" in many and "news in Russian" in many, report
    # The search asks once per language of the site it is published in (the
    # fallback, search/scope.py), not per story: 200 stories bring a Russian
    # home page (tests/performance/test_fallback_budget.py counts it with the
    # languages fixed).
    grew = [
        name
        for name in few
        if name in many and name != "search" and many[name].total > few[name].total
    ]
    assert not grew, f"queries grew with the stories for {grew}:\n{report}"
    over = [
        name
        for counts in (few, many)
        for name, count in counts.items()
        if name != "search" and count.total > BUDGET
    ]
    assert not over, f"over {BUDGET} queries: {over}:\n{report}"


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
    host, path = host_and_path(site_tree.regional)
    news_host, news_path = host_and_path(site_tree.kyrgyzstan_news)
    with_pictures(site_tree)
    grow(5)
    few = (count_queries(host, path), count_queries(news_host, news_path))
    grow(60)
    many = (count_queries(host, path), count_queries(news_host, news_path))
    assert [count.total for count in many] == [count.total for count in few]
    assert all(count.total <= BUDGET for count in many)


def test_serving_costs_the_same_at_any_depth(site_tree, grow, page_cache, count_queries):
    """Serving a page - the request's frame and the page itself - costs the
    same for a home page, an index and a story: the tree is not walked."""
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
    assert set(shares.values()) == {SERVING}, shares
