"""What a visitor must never see: drafts (and the unpublished changes of a live
story), expired stories and private stories (login, password or group
restricted), on any channel that lists or links stories: home pages and news
indexes (own and shared), topic filters, related stories, report issues,
search results, search suggestions, feeds and the sitemap (the site has no
public API).

Every channel is first shown to list a visible story made the same way, so a
channel that lists nothing at all cannot pass.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import NewsItemPageFactory, ReportIssuePageFactory, report_section

pytestmark = pytest.mark.django_db

SECRET = b"hushhush"


def _add_stories(site_tree):
    news = site_tree.kyrgyzstan_news
    shared_with = [site_tree.kazakhstan_site, site_tree.regional_site]
    day = datetime.date(2025, 6, 1)

    def story(title, **kwargs):
        page = NewsItemPageFactory(
            parent=news,
            title=title,
            date=day,
            summary=f"Quokka news: {title}.",
            **kwargs,
        )
        page.topics.add(site_tree.topic)
        page.shared_with.add(*shared_with)
        page.save_revision().publish() if page.live else page.save_revision()
        return page

    visible = [story("Quokka open one"), story("Quokka open two")]

    hidden = {"draft": story("Quokka hushhush draft", live=False)}

    changed = story("Quokka open three")
    changed.title = "Quokka hushhush unpublished title"
    changed.save_revision()  # a draft of a live story: the old title stays public
    hidden["unpublished changes"] = changed

    withdrawn = story("Quokka hushhush withdrawn")
    withdrawn.unpublish()
    hidden["unpublished"] = withdrawn

    hidden["expired"] = story(
        "Quokka hushhush expired", expire_at=timezone.now() - datetime.timedelta(hours=1)
    )

    for kind, restriction in [
        ("login", PageViewRestriction.LOGIN),
        ("password", PageViewRestriction.PASSWORD),
        ("groups", PageViewRestriction.GROUPS),
    ]:
        page = story(f"Quokka hushhush {kind}")
        rule = PageViewRestriction.objects.create(
            page=page, restriction_type=restriction, password="secret"
        )
        if restriction == PageViewRestriction.GROUPS:
            rule.groups.add(Group.objects.create(name="Quokka keepers"))
        hidden[kind] = page

    ReportIssuePageFactory(
        parent=site_tree.report_index,
        issue_number=2,
        title="Issue 2",
        publication_date=datetime.date(2025, 6, 30),
        sections=[report_section("Quokkas", [*visible, *hidden.values()])],
    )
    return {"visible": visible, "hidden": hidden}


@pytest.fixture(scope="module")
def site_tree_additions():
    """The stories are added to the module's shared tree, once."""
    return _add_stories


@pytest.fixture
def stories(site_tree, site_tree_added):
    """Two visible Kyrgyz stories and one hidden story of each kind, all tagged
    with the site tree's topic, shared with Kazakhstan and the regional site,
    and gathered in a report issue."""
    cache.clear()  # as after a publish: nothing served from an earlier render
    return site_tree_added["visible"], site_tree_added["hidden"]


def get(client, site, path):
    response = client.get(path, HTTP_HOST=site.hostname)
    assert response.status_code == 200, (site.hostname, path, response.status_code)
    return response.content


def assert_only_visible(content, where, expected=b"Quokka open"):
    assert expected in content, f"{where}: the visible story is missing, the check proves nothing"
    assert SECRET not in content.lower(), f"{where}: a hidden story leaks"


# --- Pages that list stories ---------------------------------------------------


@pytest.mark.parametrize(
    "site_name, path",
    [
        ("regional_site", "/en/"),
        ("regional_site", "/en/news/"),
        ("regional_site", "/en/news/?topic=counter-trafficking"),
        ("regional_site", "/en/news/?mission=kyrgyzstan"),
        ("kyrgyzstan_site", "/en/"),
        ("kyrgyzstan_site", "/en/news/"),
        ("kyrgyzstan_site", "/en/news/?topic=counter-trafficking&year=2025"),
        ("kazakhstan_site", "/en/news/"),  # shared with Kazakhstan
        ("kazakhstan_site", "/en/"),
    ],
)
def test_listings_show_no_hidden_story(client, site_tree, stories, site_name, path):
    content = get(client, getattr(site_tree, site_name), path)
    assert_only_visible(content, path)


def test_related_stories_show_no_hidden_story(client, site_tree, stories):
    visible, _ = stories
    _, path = visible[0].get_url_parts()[1:]
    content = get(client, site_tree.kyrgyzstan_site, path)
    # "Quokka open one" itself is the h1; its related stories list "two".
    assert_only_visible(content, "related stories", expected=b"Quokka open two")


def test_report_issue_shows_no_hidden_story(client, site_tree, stories):
    content = get(client, site_tree.regional_site, "/en/reports/issue-2/")
    assert_only_visible(content, "report issue")


# --- Search ---------------------------------------------------------------------


@pytest.mark.parametrize("site_name", ["regional_site", "kyrgyzstan_site", "kazakhstan_site"])
def test_search_finds_no_hidden_story(client, site_tree, stories, site_name):
    site = getattr(site_tree, site_name)
    assert_only_visible(get(client, site, "/en/search/?q=quokka"), "search")
    # The query is shown back ("hushhush"), but no story is found for it.
    assert b"quokka" not in get(client, site, "/en/search/?q=hushhush").lower()


@pytest.mark.parametrize("site_name", ["regional_site", "kyrgyzstan_site"])
def test_suggestions_offer_no_hidden_story(client, site_tree, stories, site_name):
    site = getattr(site_tree, site_name)
    assert_only_visible(get(client, site, "/en/search/suggest/?q=quok"), "suggestions")
    assert b'"results": []' in get(client, site, "/en/search/suggest/?q=hushhush")


# --- Feeds and the sitemap ------------------------------------------------------------


@pytest.mark.parametrize(
    "site_name, path",
    [
        ("regional_site", "/en/feeds/rss/"),
        ("regional_site", "/en/feeds/atom/"),
        ("kyrgyzstan_site", "/en/feeds/rss/"),
        ("kyrgyzstan_site", "/en/feeds/topics/counter-trafficking/atom/"),
        ("kazakhstan_site", "/en/feeds/rss/"),  # shared with Kazakhstan
    ],
)
def test_feeds_carry_no_hidden_story(client, site_tree, stories, site_name, path):
    assert_only_visible(get(client, getattr(site_tree, site_name), path), path)


def test_the_sitemap_lists_no_hidden_story(client, site_tree, stories):
    visible, _ = stories
    content = get(client, site_tree.kyrgyzstan_site, "/sitemap.xml")
    # The sitemap names pages by address: the visible story's is there.
    assert visible[0].slug.encode() in content
    assert SECRET not in content.lower()


# --- Hidden stories themselves ------------------------------------------------------


def test_hidden_stories_are_not_served_to_visitors(client, site_tree, stories):
    _, hidden = stories
    for kind, page in hidden.items():
        if kind == "unpublished changes":
            continue
        _, _, path = page.get_url_parts()
        response = client.get(path, HTTP_HOST=site_tree.kyrgyzstan_site.hostname)
        # 404 for drafts and expired pages; a login or password form for
        # restricted ones; never the story (its address may be in the form).
        assert response.status_code in (200, 302, 404), kind
        assert page.title.encode() not in response.content, kind
        assert b"Quokka news" not in response.content, kind
