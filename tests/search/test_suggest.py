"""The search box's suggestions: titles of the pages the site's search covers."""

import pytest

from tests.factories import NewsItemPageFactory
from tests.search.conftest import soup_of

pytestmark = pytest.mark.django_db


def titles(response):
    return [item["title"] for item in response.json()["results"]]


def test_suggestions_are_titles_starting_with_what_was_typed(site_tree, suggest):
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka census in Astana")

    response = suggest(site_tree.kazakhstan_site, "quok")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "query": "quok",
        "results": [
            {"title": "Quokka census in Astana", "url": "/en/news/quokka-census-in-astana/"}
        ],
    }


def test_at_most_eight_suggestions(site_tree, suggest):
    for number in range(12):
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, title=f"Quokka {number}")

    assert len(titles(suggest(site_tree.kazakhstan_site, "quokka"))) == 8


def test_suggestions_may_be_cached(site_tree, suggest):
    response = suggest(site_tree.kazakhstan_site, "quok")

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=60"}
    assert "Cookie" not in response.get("Vary", "")
    assert "Set-Cookie" not in response.headers


def test_a_shared_story_is_suggested_with_its_address_on_its_own_site(
    site_tree, tajikistan, suggest
):
    story = NewsItemPageFactory(parent=tajikistan.news, title="Quokka shared")
    story.shared_with.add(site_tree.kazakhstan_site)
    story.save_revision().publish()

    [suggestion] = suggest(site_tree.kazakhstan_site, "quokka").json()["results"]
    assert suggestion["url"] == "http://tajikistan.localhost/en/news/quokka-shared/"


def test_suggestions_come_from_the_same_pages_as_the_search(site_tree, tajikistan, suggest):
    shared = NewsItemPageFactory(parent=tajikistan.news, title="Quokka shared")
    shared.shared_with.add(site_tree.kazakhstan_site)
    shared.save_revision().publish()
    NewsItemPageFactory(parent=tajikistan.news, title="Quokka not shared")
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka draft", live=False)

    assert titles(suggest(site_tree.kazakhstan_site, "quokka")) == ["Quokka shared"]
    assert titles(suggest(site_tree.kazakhstan_site, "quokka", language="ru")) == []


@pytest.mark.parametrize("q", ["", "q", " ", '"', "🦘", "\x00", "<script>", "x" * 10_000])
def test_short_or_odd_input_gets_no_suggestions_and_no_error(site_tree, suggest, q):
    response = suggest(site_tree.kazakhstan_site, q)

    assert response.status_code == 200
    assert response.json()["results"] == []
    assert b"<script>" not in response.content


def test_the_header_search_box_is_ready_for_suggestions(site_tree, fetch_page):
    soup = soup_of(fetch_page(site_tree.kazakhstan_stories[0]))

    form = soup.select_one("header form[role=search]")
    assert form["data-search-suggest"] == "/en/search/suggest/"
    assert form["action"] == "/en/search/"
    box = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={box['id']}]") is not None
    # The combobox roles are added by the script; without it, a plain form.
    assert box.get("role") is None
    script = soup.find("script", src=lambda src: src and "search-suggest" in src)
    assert script is not None and script.has_attr("defer")
