"""Which stories each site lists: own and shared stories once each, never a
draft, an expired or a private story; filters and pages that never fail."""

import datetime

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from newsroom import listings
from newsroom.models import NewsItemPage
from tests.factories import NewsItemPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def titles(stories):
    return [story.title for story in stories]


def share(story, *sites):
    story.shared_with.add(*sites)
    story.save()
    return story


# --- What a site lists -------------------------------------------------------


def test_mission_lists_its_own_and_shared_stories_newest_first(site_tree, page_context):
    kz_story = share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)

    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site)

    listed = titles(context["stories"])
    assert sorted(listed) == sorted(["Kyrgyzstan story 1", "Kyrgyzstan story 2", kz_story.title])
    stories = list(context["stories"])
    assert stories == sorted(stories, key=lambda story: story.date, reverse=True)
    assert "Kazakhstan story 2" not in listed
    assert "Regional story" not in listed


def test_shared_story_is_listed_once_on_each_site_it_belongs_to(site_tree, page_context):
    story = share(
        site_tree.kazakhstan_stories[0],
        site_tree.kyrgyzstan_site,
        site_tree.regional_site,
        site_tree.kazakhstan_site,  # shared with its own site too
    )

    for news, site in [
        (site_tree.kazakhstan_news, site_tree.kazakhstan_site),
        (site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site),
        (site_tree.regional_news, site_tree.regional_site),
    ]:
        listed = titles(page_context(news, site)["stories"])
        assert listed.count(story.title) == 1, site


def test_regional_site_lists_every_missions_stories(site_tree, page_context):
    context = page_context(site_tree.regional_news, site_tree.regional_site)

    assert sorted(titles(context["stories"])) == sorted(
        ["Regional story"]
        + titles(site_tree.kazakhstan_stories)
        + titles(site_tree.kyrgyzstan_stories)
    )
    assert context["is_regional"] is True
    assert [mission["slug"] for mission in context["missions"]] == ["kazakhstan", "kyrgyzstan"]


def test_each_story_names_its_mission(site_tree, page_context):
    share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)

    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site)

    names = {story.title: story.mission_name for story in context["stories"]}
    assert names == {
        "Kyrgyzstan story 1": "Kyrgyzstan",
        "Kyrgyzstan story 2": "Kyrgyzstan",
        "Kazakhstan story 1": "Kazakhstan",
    }


def test_site_stories_helper_matches_the_index(site_tree):
    share(site_tree.kazakhstan_stories[1], site_tree.kyrgyzstan_site)
    english = Locale.get_default()

    stories = listings.site_stories(site_tree.kyrgyzstan_site, english)

    assert sorted(titles(stories)) == [
        "Kazakhstan story 2",
        "Kyrgyzstan story 1",
        "Kyrgyzstan story 2",
    ]
    assert (
        titles(listings.site_stories(site_tree.regional_site, english)).count("Kazakhstan story 2")
        == 1
    )


def test_stories_are_ordered_by_date_then_first_publication(site_tree):
    news = site_tree.kyrgyzstan_news
    day = datetime.date(2030, 1, 1)
    earlier = NewsItemPageFactory(parent=news, title="Earlier", date=day)
    later = NewsItemPageFactory(parent=news, title="Later", date=day)
    NewsItemPage.objects.filter(pk=earlier.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(hours=2)
    )
    NewsItemPage.objects.filter(pk=later.pk).update(first_published_at=timezone.now())

    stories = NewsItemPage.objects.readable().listed_on(site_tree.kyrgyzstan).newest_first()

    assert titles(stories)[:2] == ["Later", "Earlier"]


# --- What readers never see -------------------------------------------------------


def test_drafts_are_never_listed_even_when_shared(site_tree, page_context, client):
    draft = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Draft story", live=False)
    share(draft, site_tree.kyrgyzstan_site, site_tree.regional_site)
    # A live story with unpublished changes is listed as published.
    story = share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)
    story.title = "Unpublished new title"
    story.save_revision()

    for news, site in [
        (site_tree.kazakhstan_news, site_tree.kazakhstan_site),
        (site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site),
        (site_tree.regional_news, site_tree.regional_site),
    ]:
        listed = titles(page_context(news, site)["stories"])
        assert "Draft story" not in listed
        assert "Unpublished new title" not in listed

    response = client.get("/en/news/", HTTP_HOST=site_tree.kyrgyzstan_site.hostname)
    assert response.status_code == 200
    assert b"Draft story" not in response.content
    assert b"Unpublished new title" not in response.content
    assert b"Kazakhstan story 1" in response.content


def test_expired_and_private_stories_are_not_listed(site_tree, page_context):
    past = timezone.now() - datetime.timedelta(days=1)
    NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Expired", expire_at=past)
    NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title="Marked expired", expired=True, live=False
    )
    private = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    shared_private = share(
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Shared private"),
        site_tree.kyrgyzstan_site,
    )
    PageViewRestriction.objects.create(
        page=shared_private, restriction_type=PageViewRestriction.LOGIN
    )

    for news, site in [
        (site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site),
        (site_tree.regional_news, site_tree.regional_site),
    ]:
        listed = titles(page_context(news, site)["stories"])
        assert not {"Expired", "Marked expired", "Private", "Shared private"} & set(listed)
        assert "Kyrgyzstan story 1" in listed
    latest = titles(page_context(site_tree.kyrgyzstan, site_tree.kyrgyzstan_site)["latest_stories"])
    assert not {"Expired", "Private", "Shared private"} & set(latest)


# --- Translations ---------------------------------------------------------------


def translate(page, locale, parent=None):
    copy = page.copy_for_translation(locale, copy_parents=parent is None)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


def test_listing_in_a_language_shows_that_languages_stories(site_tree, page_context):
    russian = Locale.objects.get(language_code="ru")
    story = share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)
    translate(site_tree.kazakhstan, russian)
    translate(site_tree.kazakhstan_news, russian)
    russian_story = translate(story, russian)
    translate(site_tree.kyrgyzstan, russian)
    russian_news = translate(site_tree.kyrgyzstan_news, russian)
    # shared_with of a translation is synchronised from the source page.
    assert list(russian_story.shared_with.all()) == [site_tree.kyrgyzstan_site]

    context = page_context(russian_news, site_tree.kyrgyzstan_site)

    assert [story.pk for story in context["stories"]] == [russian_story.pk]
    assert context["stories"][0].mission_name == site_tree.kazakhstan.title


# --- Filters and pages ------------------------------------------------------------


@pytest.fixture
def many_stories(site_tree):
    topic = TopicFactory(name="Migrant health", slug="migrant-health")
    stories = []
    for n in range(15):
        story = NewsItemPageFactory(
            parent=site_tree.kyrgyzstan_news,
            title=f"Old story {n}",
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=n),
        )
        if n % 3 == 0:
            story.topics.add(topic)
            story.save()
        stories.append(story)
    return stories


def test_index_paginates_by_twelve(site_tree, many_stories, page_context):
    first = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site)["stories"]
    second = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, page="2")["stories"]

    assert first.paginator.count == 17
    assert len(first) == 12
    assert len(second) == 5
    assert not set(titles(first)) & set(titles(second))


def test_page_links_keep_the_filters_and_no_other_parameter(site_tree, many_stories, client):
    response = client.get(
        "/en/news/",
        {"year": "2021", "ref": "newsletter"},
        HTTP_HOST=site_tree.kyrgyzstan_site.hostname,
    )
    html = response.content.decode()
    assert 'href="?year=2021&amp;page=2"' in html
    assert "ref=newsletter" not in html


@pytest.mark.parametrize("number", ["abc", "0", "-1", "99999", "1.5", "9" * 400])
def test_a_page_that_does_not_exist_is_not_found(site_tree, page_context, number, client):
    with pytest.raises(Http404):
        page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, page=number)

    response = client.get(
        "/en/news/", {"page": number}, HTTP_HOST=site_tree.kyrgyzstan_site.hostname
    )
    assert response.status_code == 404


def test_an_empty_page_parameter_is_the_first_page(site_tree, page_context):
    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, page="")
    assert context["stories"].number == 1


def test_topic_filter(site_tree, many_stories, page_context):
    context = page_context(
        site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, topic="migrant-health"
    )

    assert sorted(titles(context["stories"])) == sorted(f"Old story {n}" for n in range(0, 15, 3))
    assert context["filters"] == {"topic": "migrant-health", "year": None, "mission": ""}
    assert [topic.slug for topic in context["topics"]] == [
        "counter-trafficking",
        "migrant-health",
    ]
    assert all(
        [topic.slug for topic in story.topics.all()] == ["migrant-health"]
        for story in context["stories"]
    )


@pytest.mark.parametrize("topic", ["no-such-topic", "ü", "a\x00b", "x" * 500])
def test_unknown_topic_lists_nothing(site_tree, many_stories, page_context, client, topic):
    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, topic=topic)
    assert list(context["stories"]) == []

    response = client.get(
        "/en/news/", {"topic": topic}, HTTP_HOST=site_tree.kyrgyzstan_site.hostname
    )
    assert response.status_code == 200


def test_year_filter_and_years(site_tree, many_stories, page_context):
    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, year="2021")

    assert context["stories"].paginator.count == 15
    assert context["filters"]["year"] == 2021
    assert context["years"] == sorted(
        {story.date.year for story in site_tree.kyrgyzstan_stories} | {2021}, reverse=True
    )


@pytest.mark.parametrize("year", ["abc", "", "20x1", "0", "-5", "99999999", "1e3"])
def test_unusable_year_is_ignored(site_tree, many_stories, page_context, client, year):
    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, year=year)
    assert context["filters"]["year"] is None
    assert context["stories"].paginator.count == 17

    response = client.get("/en/news/", {"year": year}, HTTP_HOST=site_tree.kyrgyzstan_site.hostname)
    assert response.status_code == 200


def test_years_long_past_and_next_year_are_offered(site_tree, page_context):
    next_year = timezone.localdate().year + 1
    for day in (datetime.date(1968, 5, 1), datetime.date(next_year, 1, 2)):
        NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title=f"Story of {day}", date=day)

    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site)

    years = context["years"]
    assert years[0] == next_year and years[-1] == 1968
    assert years == sorted(set(years), reverse=True)
    old = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, year="1968")
    assert titles(old["stories"]) == ["Story of 1968-05-01"]


def test_pages_split_stories_of_one_day_without_losing_or_repeating_one(site_tree, page_context):
    day = datetime.date(2031, 3, 3)
    for n in range(14):
        NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title=f"Same day {n:02}", date=day)
    expected = titles(
        NewsItemPage.objects.readable().listed_on(site_tree.kyrgyzstan).newest_first()
    )

    first = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site)["stories"]
    second = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, page="2")["stories"]

    assert titles(first) + titles(second) == expected[:24]
    assert len(set(titles(first)) | set(titles(second))) == len(expected[:24])


def test_year_without_stories_lists_nothing(site_tree, page_context):
    context = page_context(site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, year="1990")
    assert list(context["stories"]) == []


def test_mission_filter_on_the_regional_site(site_tree, page_context):
    share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)

    context = page_context(site_tree.regional_news, site_tree.regional_site, mission="kyrgyzstan")
    assert sorted(titles(context["stories"])) == ["Kyrgyzstan story 1", "Kyrgyzstan story 2"]
    assert context["filters"]["mission"] == "kyrgyzstan"

    by_country = page_context(site_tree.regional_news, site_tree.regional_site, mission="KG")
    assert sorted(titles(by_country["stories"])) == ["Kyrgyzstan story 1", "Kyrgyzstan story 2"]
    assert by_country["filters"]["mission"] == "kyrgyzstan"

    unknown = page_context(site_tree.regional_news, site_tree.regional_site, mission="narnia")
    assert list(unknown["stories"]) == []
    # Tajikistan has no site in the test tree: nothing to list, no error.
    absent = page_context(site_tree.regional_news, site_tree.regional_site, mission="tajikistan")
    assert list(absent["stories"]) == []


def test_mission_filter_is_ignored_on_a_mission_site(site_tree, page_context):
    context = page_context(
        site_tree.kyrgyzstan_news, site_tree.kyrgyzstan_site, mission="kazakhstan"
    )
    assert context["filters"]["mission"] == ""
    assert context["missions"] == []
    assert context["stories"].paginator.count == 2


# --- Query counts -------------------------------------------------------------------


def add_stories(site_tree, count):
    topic = TopicFactory(name="Labour migration", slug="labour-migration")
    for n in range(count):
        parent = site_tree.kazakhstan_news if n % 2 else site_tree.kyrgyzstan_news
        story = NewsItemPageFactory(parent=parent, with_lead_image=n % 3 == 0)
        story.topics.add(topic)
        story.shared_with.add(site_tree.kyrgyzstan_site)
        story.save()


def count_queries(build):
    with CaptureQueriesContext(connection) as queries:
        build()
    return len(queries)


@pytest.mark.parametrize(
    "page_name, site_name, key",
    [
        ("kyrgyzstan_news", "kyrgyzstan_site", "stories"),
        ("regional_news", "regional_site", "stories"),
        ("kyrgyzstan", "kyrgyzstan_site", "latest_stories"),
        ("regional", "regional_site", "latest_stories"),
    ],
)
def test_listing_queries_do_not_grow_with_the_stories(
    site_tree, site_request, django_assert_max_num_queries, page_name, site_name, key
):
    from django.utils import translation

    page = getattr(site_tree, page_name)
    site = getattr(site_tree, site_name)

    def render():
        request = site_request(site)
        with translation.override("en"):
            context = page.get_context(request)
            # What a card shows: its link (absolute across sites), mission, picture.
            for story in context[key]:
                story.get_url(request)
                story.mission_name  # noqa: B018
                story.lead_image  # noqa: B018

    add_stories(site_tree, 5)
    few = count_queries(render)
    add_stories(site_tree, 25)
    with django_assert_max_num_queries(few):
        render()


@pytest.mark.parametrize(
    "site_name, path",
    [
        ("kyrgyzstan_site", "/en/news/"),
        ("regional_site", "/en/news/"),
        ("kyrgyzstan_site", "/en/"),
        ("regional_site", "/en/"),
    ],
)
def test_rendered_listing_queries_do_not_grow_with_the_stories(
    site_tree, client, django_assert_max_num_queries, site_name, path
):
    host = getattr(site_tree, site_name).hostname

    def render():
        # The first request makes the images' renditions; count the second.
        assert client.get(path, HTTP_HOST=host).status_code == 200
        return count_queries(lambda: client.get(path, HTTP_HOST=host))

    add_stories(site_tree, 5)
    few = render()
    add_stories(site_tree, 25)
    assert client.get(path, HTTP_HOST=host).status_code == 200
    with django_assert_max_num_queries(few):
        client.get(path, HTTP_HOST=host)


# --- Links across sites -----------------------------------------------------------------


def test_shared_story_links_to_its_own_site(site_tree, client):
    story = share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)
    expected = "http://kazakhstan.localhost/en/news/kazakhstan-story-1/"
    assert story.get_full_url() == expected

    response = client.get("/en/news/", HTTP_HOST=site_tree.kyrgyzstan_site.hostname)

    assert response.status_code == 200
    assert f'href="{expected}"'.encode() in response.content
    # Its own stories stay relative on the Kyrgyz site.
    assert b'href="/en/news/kyrgyzstan-story-1/"' in response.content


def test_story_context_has_canonical_url_on_its_own_site(site_tree, page_context, client):
    story = share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)

    context = page_context(story, site_tree.kyrgyzstan_site)

    assert context["canonical_url"] == "http://kazakhstan.localhost/en/news/kazakhstan-story-1/"
    response = client.get(
        "/en/news/kazakhstan-story-1/", HTTP_HOST=site_tree.kazakhstan_site.hostname
    )
    assert response.status_code == 200
    assert (
        b'rel="canonical" href="http://kazakhstan.localhost/en/news/kazakhstan-story-1/"'
        in response.content
    )


def test_related_stories_share_a_topic(site_tree, page_context):
    topic = site_tree.topic
    story = site_tree.kyrgyzstan_stories[0]  # tagged with the topic
    related = []
    for n, parent in enumerate(
        [
            site_tree.kazakhstan_news,
            site_tree.kyrgyzstan_news,
            site_tree.regional_news,
            site_tree.kazakhstan_news,
        ]
    ):
        page = NewsItemPageFactory(
            parent=parent, title=f"Related {n}", date=datetime.date(2030, 1, 1 + n)
        )
        page.topics.add(topic)
        page.save()
        related.append(page)
    draft = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Draft", live=False)
    draft.topics.add(topic)
    draft.save()

    context = page_context(story, site_tree.kyrgyzstan_site)

    assert titles(context["related_stories"]) == ["Related 3", "Related 2", "Related 1"]
    assert context["related_stories"][0].mission_name == "Kazakhstan"
    untagged = page_context(site_tree.kyrgyzstan_stories[1], site_tree.kyrgyzstan_site)
    assert untagged["related_stories"] == []


# --- Home pages --------------------------------------------------------------------------


def test_mission_home_context(site_tree, page_context):
    share(site_tree.kazakhstan_stories[0], site_tree.kyrgyzstan_site)
    for n in range(6):
        NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title=f"New {n}")

    context = page_context(site_tree.kyrgyzstan, site_tree.kyrgyzstan_site)

    assert len(context["latest_stories"]) == 6
    assert titles(context["latest_stories"]) == [f"New {n}" for n in reversed(range(6))]
    assert context["contact_page"] == site_tree.kyrgyzstan_contact


def test_regional_home_context(site_tree, page_context):
    from tests.factories import ReportIssuePageFactory

    # Factory sequences run on across tests: fix the dates that matter here.
    tree_issue = site_tree.issue
    tree_issue.publication_date = datetime.date(2024, 1, 1)
    tree_issue.save()
    newer_issue = ReportIssuePageFactory(
        parent=site_tree.report_index, issue_number=2, publication_date=datetime.date(2031, 1, 1)
    )
    ReportIssuePageFactory(
        parent=site_tree.report_index,
        issue_number=3,
        publication_date=datetime.date(2032, 1, 1),
        live=False,
    )
    draft = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Draft", live=False)
    featured = site_tree.kyrgyzstan_stories[0]
    page = site_tree.regional
    page.featured_stories = [
        ("story", draft),
        ("story", featured),
    ]
    page.save()

    context = page_context(page, site_tree.regional_site)

    assert titles(context["featured_stories"]) == [featured.title]
    assert featured.title not in titles(context["latest_stories"])
    assert len(context["latest_stories"]) == 4
    assert context["latest_report"] == newer_issue
    assert context["missions"] == [site_tree.kazakhstan, site_tree.kyrgyzstan]
