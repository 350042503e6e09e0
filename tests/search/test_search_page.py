"""The search page: what a result shows, filters, pagination, promoted results,
popular queries, bad input, and a fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import views
from tests.factories import NewsItemPageFactory, PhotoGalleryPageFactory, TopicFactory
from tests.search.conftest import found, found_titles, soup_of

pytestmark = pytest.mark.django_db


# --- Results ------------------------------------------------------------------------------


def test_a_result_shows_type_title_date_mission_and_highlighted_summary(site_tree, search):
    NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Quokka count in Osh",
        date=datetime.date(2024, 3, 5),
        summary="Volunteers counted every quokka & wombat <b>near</b> the river.",
    )

    soup = soup_of(search(site_tree.regional_site, "quokka"))

    result = soup.select_one(".search-result")
    assert result.select_one(".search-result__type").get_text(strip=True) == "Story"
    assert result.select_one(".search-result__title a").get_text(strip=True) == (
        "Quokka count in Osh"
    )
    assert result.select_one("time")["datetime"] == "2024-03-05"
    assert result.select_one(".search-result__mission").get_text(strip=True) == "Kyrgyzstan"
    summary = result.select_one(".search-result__summary")
    assert [mark.get_text() for mark in summary.select("mark")] == ["quokka"]
    # The summary's own markup is text, escaped, never HTML.
    assert summary.find("b") is None
    assert "<b>near</b>" in summary.get_text()


def test_a_shared_story_links_to_its_one_address_on_its_own_site(site_tree, search):
    story = NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka.")
    story.shared_with.add(site_tree.kyrgyzstan_site)
    story.save_revision().publish()

    soup = soup_of(search(site_tree.kyrgyzstan_site, "quokka"))

    link = soup.select_one(".search-result__title a")["href"]
    assert link == story.get_full_url()
    assert link.startswith("http://kazakhstan.localhost/en/")


def test_the_result_count_is_announced(site_tree, search):
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka.")

    count = soup_of(search(site_tree.kazakhstan_site, "quokka")).select_one(".result-count")

    assert count["role"] == "status"
    assert "1 result for “quokka”" in count.get_text()


def test_the_search_box_is_labelled(site_tree, search):
    soup = soup_of(search(site_tree.regional_site, "quokka"))

    box = soup.select_one("main input[name=q]")
    assert soup.select_one(f"label[for={box['id']}]").get_text(strip=True) == "Search this site"
    assert box["value"] == "quokka"
    assert box.find_parent("form")["role"] == "search"


def test_results_are_paginated_ten_a_page_with_the_current_page_marked(site_tree, search):
    for number in range(12):
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary=f"Quokka {number}.")

    first = search(site_tree.kazakhstan_site, "quokka")
    second = search(site_tree.kazakhstan_site, "quokka", page=2)

    assert len(found(first)) == 10 and len(found(second)) == 2
    assert set(found(first)).isdisjoint(found(second))
    current = soup_of(second).select_one(".pagination [aria-current=page]")
    assert current.get_text(strip=True).endswith("2")
    assert "q=quokka" in current["href"]
    assert soup_of(second).select_one(".search-results")["start"] == "11"


# --- Filters --------------------------------------------------------------------------------


@pytest.fixture
def quokkas(site_tree):
    topic = TopicFactory(name="Wildlife", slug="wildlife")
    tagged = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, summary="A quokka.", date=datetime.date(2023, 6, 1)
    )
    tagged.topics.add(topic)
    tagged.save_revision().publish()
    return {
        "tagged": tagged,
        "untagged": NewsItemPageFactory(
            parent=site_tree.kazakhstan_news, summary="A quokka.", date=datetime.date(2024, 6, 1)
        ),
        "gallery": PhotoGalleryPageFactory(
            parent=site_tree.kazakhstan_gallery_index,
            intro="<p>A quokka.</p>",
            date=datetime.date(2023, 2, 1),
        ),
    }


def test_filters_by_type(site_tree, quokkas, search):
    assert found(search(site_tree.regional_site, "quokka", type="gallery")) == [quokkas["gallery"]]
    stories = set(found(search(site_tree.regional_site, "quokka", type="story")))
    assert stories == {quokkas["tagged"], quokkas["untagged"]}
    # An unknown type is ignored.
    assert len(found(search(site_tree.regional_site, "quokka", type="nonsense"))) == 3


def test_filters_by_topic_year_and_mission(site_tree, quokkas, search):
    regional = site_tree.regional_site

    assert found(search(regional, "quokka", topic="wildlife")) == [quokkas["tagged"]]
    by_year = set(found(search(regional, "quokka", year="2023")))
    assert by_year == {quokkas["tagged"], quokkas["gallery"]}
    by_mission = set(found(search(regional, "quokka", mission="kazakhstan")))
    assert by_mission == {quokkas["untagged"], quokkas["gallery"]}
    assert found(search(regional, "quokka", topic="no-such-topic")) == []


def test_the_filter_form_offers_missions_on_the_regional_site_only(site_tree, quokkas, search):
    regional = soup_of(search(site_tree.regional_site, "quokka"))
    mission = soup_of(search(site_tree.kazakhstan_site, "quokka"))

    options = [o["value"] for o in regional.select("select[name=mission] option")]
    assert options == ["", "kazakhstan", "kyrgyzstan"]
    assert mission.select_one("select[name=mission]") is None
    years = [o["value"] for o in regional.select("select[name=year] option")]
    assert years == ["", "2024", "2023"]
    assert regional.select_one("select[name=topic] option[value=wildlife]") is not None
    assert regional.select_one(".filters input[name=q]")["value"] == "quokka"
    # The mission filter is ignored on a mission site.
    assert len(found(search(site_tree.kazakhstan_site, "quokka", mission="kyrgyzstan"))) == 2


# --- Promoted results -----------------------------------------------------------------------


def test_promoted_results_come_first_marked_recommended(site_tree, search):
    contact = site_tree.kyrgyzstan_contact
    query = Query.get("Quokka")
    SearchPromotion.objects.create(query=query, page=contact, sort_order=0, description="Call us.")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.iom.int/",
        external_link_text="IOM worldwide",
        sort_order=1,
    )
    story = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, summary="A quokka.")

    response = search(site_tree.regional_site, "quokka")

    assert found(response) == [contact, story]
    soup = soup_of(response)
    recommended = soup.select(".search-result--recommended")
    assert [r.select_one(".search-result__title a").get_text() for r in recommended] == [
        "Contact",
        "IOM worldwide",
    ]
    assert all(
        "Recommended" in r.select_one(".search-result__type").get_text() for r in recommended
    )
    assert recommended[1].select_one("a")["href"] == "https://www.iom.int/"
    assert "3 results" in soup.select_one(".result-count").get_text()


def test_a_promoted_page_of_another_site_is_not_shown(site_tree, search):
    SearchPromotion.objects.create(query=Query.get("quokka"), page=site_tree.kyrgyzstan_contact)

    assert found(search(site_tree.kazakhstan_site, "quokka")) == []


# --- Popular queries --------------------------------------------------------------------------


def test_a_search_is_recorded_as_a_popular_query(site_tree, search):
    search(site_tree.regional_site, "Quokka  Count")
    search(site_tree.regional_site, "quokka count")
    search(site_tree.regional_site, "quokka count", page=2)  # the same search, paged

    assert Query.objects.get(query_string="quokka count").hits == 2


def test_the_query_is_recorded_only_after_the_response_is_sent(site_tree):
    request = RequestFactory().get(
        "/en/search/", {"q": "quokka"}, HTTP_HOST=site_tree.regional_site.hostname
    )
    request.user = AnonymousUser()
    with translation.override("en"):
        response = views.search(request)
        response.render()

    assert not Query.objects.filter(query_string="quokka").exists()
    # What the server does once the last byte is sent (without closing the
    # test's database connection, as Django's test client does too).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert Query.objects.get(query_string="quokka").hits == 1


def test_busy_searches_are_counted_in_batches(site_tree, search, settings, monkeypatch):
    from search import tasks

    monkeypatch.setattr(tasks, "counter", tasks.QueryCounter())
    settings.SEARCH_QUERY_FLUSH_SECONDS = 60
    for _ in range(3):
        search(site_tree.regional_site, "quokka")
    search(site_tree.regional_site, "wombat")

    assert not Query.objects.exists()  # counted in this process, not written yet

    tasks.counter.flush()  # after a minute, or when the process exits

    assert Query.objects.get(query_string="quokka").hits == 3
    assert Query.objects.get(query_string="wombat").hits == 1
    tasks.counter.flush()
    assert Query.objects.get(query_string="quokka").hits == 3  # nothing counted twice


def test_many_different_queries_are_written_without_waiting(site_tree, settings, monkeypatch):
    from search import tasks

    monkeypatch.setattr(tasks, "counter", tasks.QueryCounter())
    monkeypatch.setattr(tasks, "MAX_PENDING_QUERIES", 3)
    settings.SEARCH_QUERY_FLUSH_SECONDS = 60
    for word in ("one", "two"):
        tasks.counter.add(word)
    assert not Query.objects.exists()
    tasks.counter.add("three")
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["one", "three", "two"]


def test_an_empty_search_is_not_recorded(site_tree, search):
    search(site_tree.regional_site, "")
    search(site_tree.regional_site, "“ ” !!")

    assert not Query.objects.exists()


# --- Bad input ----------------------------------------------------------------------------------


def test_an_empty_query_shows_the_form_without_results(site_tree, search):
    for q in (None, "", "   "):
        response = search(site_tree.regional_site, q)

        assert response.status_code == 200
        soup = soup_of(response)
        assert soup.select_one("main form[role=search] input[name=q]") is not None
        assert soup.select_one(".search-results-section") is None
        assert soup.select_one(".search-results") is None


@pytest.mark.parametrize(
    "q",
    [
        "x" * 10_000,
        "quokka " * 2_000,
        '"',
        'a"b',
        '"""',
        "'",
        "\\",
        "quokka AND OR NOT - + * ( ) : ~ ^ |",
        "NEAR(quokka",
        "-quokka +quokka *quokka quokka*",
        "title:quokka",
        "quokka\x00quokka",
        "\x00",
        "🦘 quokka 🐨",
        "🦘",
        "<script>alert('quokka')</script>",
        "' OR 1=1 --",
        "%00%27",
    ],
)
def test_any_query_gets_an_answer_and_nothing_is_reflected_unescaped(site_tree, search, q):
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka.")

    response = search(site_tree.kazakhstan_site, q)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "\x00" not in content
    soup = soup_of(response)
    assert len(soup.select_one("main input[name=q]")["value"]) <= 200
    # Either a result count (words were searched for) or the invitation to type some.
    assert soup.select_one(".result-count, .empty") is not None


def test_a_query_with_no_words_says_so(site_tree, search):
    soup = soup_of(search(site_tree.regional_site, "🦘 -+*"))

    assert "has no words to search for" in soup.select_one(".result-count").get_text()
    assert soup.select_one(".search-results") is None


def test_a_long_query_is_shortened_and_says_so(site_tree, search):
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka.")

    response = search(site_tree.kazakhstan_site, "quokka " + "x" * 10_000)

    assert "first 200 characters" in soup_of(response).select_one(".result-count").get_text()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1e3", "99999999999999999999999", "\x00"])
def test_any_page_number_gets_an_answer(site_tree, search, page):
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka.")

    response = search(site_tree.kazakhstan_site, "quokka", page=page)

    assert response.status_code == 200
    assert found_titles(response) != []


@pytest.mark.parametrize("params", [{"year": "9" * 400}, {"topic": "\x00"}, {"type": "<b>"}])
def test_bad_filters_get_an_answer(site_tree, search, params):
    response = search(site_tree.regional_site, "quokka", mission="\x00", **params)

    assert response.status_code == 200
    assert "<b>" not in response.content.decode()


def test_only_get_and_head_are_allowed(site_tree, client):
    response = client.post("/en/search/", {"q": "quokka"}, HTTP_HOST="centralasia.localhost")

    assert response.status_code == 405


# --- Queries ---------------------------------------------------------------------------------


def _queries_for(search, site, **params):
    with CaptureQueriesContext(connection) as context:
        response = search(site, "quokka", **params)
    assert response.status_code == 200
    return len(context.captured_queries), len(found(response))


def test_results_cost_a_fixed_number_of_queries(site_tree, search):
    topic = TopicFactory(name="Wildlife", slug="wildlife")
    first = NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka.")
    first.topics.add(topic)
    first.save_revision().publish()
    search(site_tree.regional_site, "quokka")  # warm the site caches
    few, shown = _queries_for(search, site_tree.regional_site)
    assert shown == 1

    for number in range(10):
        NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, summary=f"Quokka {number}.")
        PhotoGalleryPageFactory(
            parent=site_tree.kazakhstan_gallery_index, intro=f"<p>Quokka {number}.</p>"
        )
    many, shown = _queries_for(search, site_tree.regional_site)

    assert shown == 10  # of 21
    assert many <= few + 1  # one more query for a second kind of page (galleries)
    assert many <= 30
