"""Search results with the page cache on, as in production: what an editor
publishes, unpublishes or deletes is found (or not) at once, and each search
is its own."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import views
from tests.factories import NewsItemPageFactory
from tests.search.conftest import found_titles, postgresql_only

INDEX_TABLE = "wagtailsearch_indexentry"


def full_text_queries(queries):
    return [q["sql"] for q in queries.captured_queries if INDEX_TABLE in q["sql"]]


def test_other_words_filters_sites_and_languages_are_searched_apart(site_tree, search, page_cache):
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka census in Astana")
    NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Quokka habitats in Osh")
    assert found_titles(search(site_tree.kazakhstan_site, "quokka")) == ["Quokka census in Astana"]
    assert found_titles(search(site_tree.kyrgyzstan_site, "quokka")) == ["Quokka habitats in Osh"]
    assert found_titles(search(site_tree.kazakhstan_site, "census")) == ["Quokka census in Astana"]
    assert found_titles(search(site_tree.kazakhstan_site, "quokka", type="gallery")) == []
    # In Russian (no Russian page): the English story, by the site's fallback.
    assert found_titles(search(site_tree.kazakhstan_site, "quokka", language="ru")) == [
        "Quokka census in Astana"
    ]


def test_a_story_published_after_a_search_is_found_at_once(site_tree, search, page_cache):
    assert found_titles(search(site_tree.kazakhstan_site, "quokka")) == []

    story = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka census in Astana")
    story.save_revision().publish()

    assert found_titles(search(site_tree.kazakhstan_site, "quokka")) == ["Quokka census in Astana"]


def test_an_unpublished_or_deleted_story_is_no_longer_found(site_tree, search, page_cache):
    census = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka census")
    habitats = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka habitats")
    assert sorted(found_titles(search(site_tree.kazakhstan_site, "quokka"))) == [
        "Quokka census",
        "Quokka habitats",
    ]

    census.unpublish()
    assert found_titles(search(site_tree.kazakhstan_site, "quokka")) == ["Quokka habitats"]

    habitats.delete()
    response = search(site_tree.kazakhstan_site, "quokka")
    assert response.status_code == 200
    assert found_titles(response) == []


def test_pages_of_results_share_one_ranking(site_tree, search, page_cache, monkeypatch):
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    for number in range(5):
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, title=f"Quokka count {number}")
    pages = [
        found_titles(search(site_tree.kazakhstan_site, "quokka", page=str(number)))
        for number in (1, 2, 3)
    ]
    assert [len(titles) for titles in pages] == [2, 2, 1]
    seen = [title for titles in pages for title in titles]
    assert sorted(seen) == [f"Quokka count {number}" for number in range(5)]


@postgresql_only
def test_postgresql_indexes_the_vector_the_search_matches(db):
    """The backend matches ``(title || body) @@ query``: an index on that very
    expression lets PostgreSQL find the rows (and estimate how many match)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [INDEX_TABLE, "%USING gin (((title || body)))%"],
        )
        assert cursor.fetchall(), "no GIN index on (title || body)"


def test_a_search_is_ranked_in_one_full_text_query(site_tree, search):
    """However many pages match, the full-text index is asked once (on SQLite,
    modelsearch would ask it again for every matching page to rank it)."""
    for number in range(6):
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, title=f"Quokka count {number}")
    with CaptureQueriesContext(connection) as queries:
        titles = found_titles(search(site_tree.kazakhstan_site, "quokka"))
    assert len(titles) == 6
    full_text = full_text_queries(queries)
    assert len(full_text) == 1
    assert full_text[0].count("MATCH") <= 1 or connection.vendor == "postgresql"
