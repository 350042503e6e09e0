"""Listings and pages shown with the site's fallback languages (each story
once, in the reader's best language) render from scratch within the budget
of every page, however many stories there are in however many languages."""

import pytest

from newsroom import listings
from newsroom.models import NewsItemPage
from tests.i18n.conftest import localize
from tests.performance.conftest import host_and_path
from tests.performance.test_query_budget import BUDGET, with_pictures
from website.sites import SiteLanguages
from website.structure import MISSIONS, REGIONAL

pytestmark = pytest.mark.django_db


def kyrgyz_pages(tree):
    """(name, host, path, query) of the Kyrgyzstan site's pages in Kyrgyz
    (home and newsroom translated, most stories in Russian or English only)
    and of the regional site's in Russian."""
    kg, regional = MISSIONS[1].hostname, REGIONAL.hostname
    story = NewsItemPage.objects.filter(slug__startswith="bulk-", locale__language_code="en")
    story = story.filter(path__startswith=tree.kyrgyzstan.path).order_by("pk").first()
    story_path = host_and_path(story)[1].replace("/en/", "/ky/", 1)
    return [
        ("kyrgyz home", kg, "/ky/", {}),
        ("kyrgyz news", kg, "/ky/news/", {}),
        ("kyrgyz news by topic", kg, "/ky/news/", {"topic": tree.topic.slug}),
        ("kyrgyz news, page 3", kg, "/ky/news/", {"page": "3"}),
        ("kyrgyz photos", kg, "/ky/photos/", {}),
        ("story in fallback", kg, story_path, {}),
        ("regional news in Russian", regional, "/ru/news/", {}),
        ("regional home in Russian", regional, "/ru/", {}),
        ("search in Kyrgyz", kg, "/ky/search/", {"q": "migrants"}),
    ]


def test_fallback_listings_stay_within_the_budget_whatever_the_stories(
    site_tree, grow, page_cache, count_queries, monkeypatch
):
    monkeypatch.setattr(listings, "STORIES_PER_PAGE", 2)
    SiteLanguages.objects.create(site=site_tree.kyrgyzstan_site, languages="ky, ru, en")
    SiteLanguages.objects.create(site=site_tree.regional_site, languages="en, ru")
    grow(8)
    with_pictures(site_tree)
    localize(site_tree.kyrgyzstan_news, "ky")
    localize(site_tree.kyrgyzstan_stories[0], "ky")
    # The newsrooms the generated Russian stories need, before counting.
    localize(site_tree.regional_news, "ru")
    localize(site_tree.kyrgyzstan_news, "ru")

    few = {
        name: count_queries(host, path, cold=True, **query)
        for name, host, path, query in kyrgyz_pages(site_tree)
    }
    grow(120)
    with_pictures(site_tree)
    many = {
        name: count_queries(host, path, cold=True, **query)
        for name, host, path, query in kyrgyz_pages(site_tree)
    }

    report = "\n".join(f"{name:<28} {few[name]!r:>32} {many[name]!r:>32}" for name in many)
    print(report)
    grew = [name for name in few if many[name].total > few[name].total]
    assert not grew, report
    over = [name for name in many if many[name].total > BUDGET and name != "search in Kyrgyz"]
    assert not over, report
